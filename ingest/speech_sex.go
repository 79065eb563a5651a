package ingest

import (
	"strings"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/schema"
)

// Pronoun sex agreement for speakers: "she said" is not the man whose
// quote came before, and "he added" after a woman was named in between
// still goes back to him. A person's sex is read from what the document
// says (Mr/Mrs/Ms/Miss before a mention of the person, a title such as
// "spokeswoman" given to them) and, failing that, from a short table of
// given names that are all but always one sex in the news; names used
// for both (Robin, Kelly, Jean, Lindsey, Kim) are in neither list, so
// such a person's sex stays unknown and agrees with either pronoun.

type sex int8

const (
	sexUnknown sex = iota
	sexMale
	sexFemale
)

// pronounSex is the sex a personal pronoun names.
var pronounSex = map[string]sex{"he": sexMale, "him": sexMale, "his": sexMale, "she": sexFemale, "her": sexFemale}

// honorificSex are the honorifics that say a person's sex.
var honorificSex = map[string]sex{"mr.": sexMale, "mr": sexMale, "sir": sexMale, "lord": sexMale,
	"mrs.": sexFemale, "mrs": sexFemale, "ms.": sexFemale, "ms": sexFemale, "miss": sexFemale, "dame": sexFemale, "lady": sexFemale}

// titleSex are role words that say the holder's sex.
var titleSex = map[string]sex{
	"spokeswoman": sexFemale, "congresswoman": sexFemale, "chairwoman": sexFemale, "businesswoman": sexFemale,
	"councilwoman": sexFemale, "assemblywoman": sexFemale, "queen": sexFemale, "princess": sexFemale, "duchess": sexFemale,
	"wife": sexFemale, "mother": sexFemale, "daughter": sexFemale, "sister": sexFemale, "widow": sexFemale,
	"spokesman": sexMale, "congressman": sexMale, "businessman": sexMale, "councilman": sexMale, "assemblyman": sexMale,
	"king": sexMale, "prince": sexMale, "duke": sexMale, "husband": sexMale, "father": sexMale, "son": sexMale, "brother": sexMale,
}

// sexOf is what the document and the given-name table say of person e's
// sex: sexUnknown when they say nothing, or contradict each other.
func (x *docState) sexOf(e int) sex {
	if e < 0 || !x.ents[e].class.IsA(schema.Person) {
		return sexUnknown
	}
	found := sexUnknown
	add := func(s sex) bool {
		if s == sexUnknown {
			return true
		}
		if found != sexUnknown && found != s {
			found = sexUnknown
			return false
		}
		found = s
		return true
	}
	for _, m := range x.ments {
		if m.ent != e || m.kind != kName {
			continue
		}
		toks := x.sents[m.sent].Toks
		if w := strings.ToLower(strings.Fields(m.surface + " .")[0]); honorificSex[w] != sexUnknown {
			if !add(honorificSex[w]) {
				return sexUnknown
			}
		}
		if m.i > 0 && !add(honorificSex[toks[m.i-1].Lower]) {
			return sexUnknown
		}
		// "spokeswoman Ana Ruiz", "Ana Ruiz, a spokeswoman for …"
		if m.i > 0 && !add(titleSex[toks[m.i-1].Lower]) {
			return sexUnknown
		}
		if m.j+2 < len(toks) && toks[m.j].Text == "," {
			for t := m.j + 1; t < len(toks) && t <= m.j+4 && toks[t].Text != ","; t++ {
				if !add(titleSex[toks[t].Lower]) {
					return sexUnknown
				}
			}
		}
	}
	if found != sexUnknown {
		return found
	}
	for _, a := range x.ents[e].aliases {
		if f := strings.Fields(a); len(f) >= 2 {
			if s := givenNameSex[f[0]]; s != sexUnknown {
				return s
			}
		}
	}
	return sexUnknown
}

// sexAgrees reports whether the personal pronoun w may stand for entity
// e: always, unless both the pronoun and e's sex are known and differ.
func (x *docState) sexAgrees(e int, w string) bool {
	ps := pronounSex[strings.ToLower(w)]
	if ps == sexUnknown || e < 0 {
		return true
	}
	s := x.sexOf(e)
	return s == sexUnknown || s == ps
}

// givenNameSex holds given names that news uses for one sex only.
var givenNameSex = func() map[string]sex {
	m := map[string]sex{}
	for _, n := range strings.Fields(femaleGivenNames) {
		m[n] = sexFemale
	}
	for _, n := range strings.Fields(maleGivenNames) {
		m[n] = sexMale
	}
	return m
}()

const femaleGivenNames = `Alice Amanda Amy Andrea Angela Angelina Ann Anna Anne Barbara Beatrice Beatriz Betsy Beverly
Brenda Carla Carmen Carol Carole Caroline Caroll Catherine Cathy Chelsea Cheryl Christina Christine Claire Claudia
Cynthia Debbie Deborah Denise Diana Diane Dianne Donna Dorothy Elaine Elena Elisabeth Elise Elizabeth Ellen Emily
Emma Erin Eva Federica Frances Gina Grace Hannah Heather Heidi Helen Hillary Huma Irene Isabel Ivanka Jacinda Jane
Janet Janice Jeanne Jennifer Jessica Jill Joan Joyce Judith Judy Julia Julie Karen Kamala Kate Katherine Kathleen
Kathy Katie Katrina Kellyanne Kirsten Kirstjen Kristen Kristin Laura Lauren Leandra Leigh Linda Lisa Loretta Lori
Lucy Madeleine Maggie Margaret Maria Marie Marina Marine Marsha Martha Mary Maxine Megan Melania Melanie Melissa
Michelle Monica Nancy Natalia Natalie Nicole Nikki Nina Nora Olivia Pamela Patricia Patty Paula Rachel Rebecca Rosa
Rose Ruth Sally Samantha Sandra Sara Sarah Sharon Sheila Shelley Sheryl Silvia Sophie Stephanie Susan Susanna Suzanne
Sylvia Tammy Tara Tatiana Teresa Theresa Tina Ursula Valerie Vanessa Victoria Virginia Wendy Yulia Yvonne Zoe
Agnieszka Aisha Ana Ayesha Birgit Chiara Ewa Fatima Francesca Frida Giulia Greta Ilse Ingrid Irina Katarzyna Leila
Lucia Magdalena Marta Mariam Nirmala Olga Priya Sofia Sushma Svetlana Yasmin Yuriko`

const maleGivenNames = `Abdullah Adam Ahmed Al Alan Alexander Alexei Ali Andrew Anthony Barack Bashar Ben Benjamin Bernie
Bill Bob Boris Brian Carlos Charles Chris Christopher Chuck Dan Daniel David Dennis Dick Dmitry Donald Doug Douglas
Ed Edward Emmanuel Enrique Eric Frank Gary George Gordon Greg Gregory Harold Hassan Henry Howard Hugh Ibrahim Igor
Imran Jack James Jared Jason Jeff Jeffrey Jeremy Jerome Jerry Jim Joe John Jonathan Jose Joseph Joshua Juan Justin
Keith Ken Kenneth Kevin Khalid Larry Lawrence Louis Luis Luther Malcolm Marc Marco Mario Mark Martin Matt Matthew
Michael Miguel Mike Mitch Mohammad Mohammed Muhammad Narendra Nathan Neil Nicholas Nick Nicolas Nigel Omar Orrin Patrick
Paul Pedro Peter Phil Philip Rahul Ralph Rand Raul Raymond Recep Reince Rex Richard Rick Rob Robert Rod Rodrigo Roger
Ron Ronald Roy Rudy Russell Ryan Sam Samuel Scott Sean Sebastian Sergei Sergey Shinzo Stanley Stephen Steny Steve
Steven Ted Thomas Tim Timothy Tom Tony Trey Troy Vincent Viktor Vladimir Walter Warren Wayne Wilbur William Willie
Abdel Ahmad Andrzej Antonio Cyril Emmerson Felipe Francesco Francois Giuseppe Haider Hamid Hans Heiko Horst Ivan Jacob
Jacques Javier Jens Klaus Lars Luigi Mahmoud Manuel Mariano Masoud Mateusz Matteo Mikhail Mustafa Nikolai Pablo Paolo
Pavel Pierre Piotr Sigmar Silvio Sven Taro Tomas Uhuru Wolfgang Yoweri Yuri`

// sexAntecedent is the one person named within corefWindow sentences
// before the he/she at p whose sex is known and agrees with it, when every
// other person named there is known to be of the other sex ("Ana Ruiz met
// John Smith. She said …"); -1 otherwise. A person of unknown sex among
// them keeps the pronoun unresolved: a wrong speaker is worse than none.
func (x *docState) sexAntecedent(p ptok) int {
	ps := pronounSex[x.sents[p.si].Toks[p.k].Lower]
	if ps == sexUnknown {
		return -1
	}
	found := -1
	for s := max(0, p.si-corefWindow); s <= p.si; s++ {
		for _, mi := range x.sentMents[s] {
			m := x.ments[mi]
			if m.kind != kName || m.ent < 0 || s == p.si && m.i >= p.k || !x.ents[m.ent].class.IsA(schema.Person) || m.ent == found {
				continue
			}
			switch x.sexOf(m.ent) {
			case sexUnknown:
				return -1
			case ps:
				if found >= 0 {
					return -1
				}
				found = m.ent
			}
		}
	}
	return found
}

// chainBroken reports whether a narrative sentence between the last
// statement and sentence si has for its subject a person other than the
// chain's last speaker: "“…,” Ana Ruiz said. Tom Berrow disputed the
// figures. Prices will rise, he said." is not Ruiz's. A person named
// before the sentence's first verb, outside quotes, counts as its subject;
// the speaker's own name as a possessor ("Ruiz's sister believes") does
// not keep the chain either. A person of the other sex than the pronoun
// does not break it ("Ana Ruiz disputed it. …, he added").
func (x *docState) chainBroken(pt []ptok, inQuote []bool, lastSpeaker int, p ptok) bool {
	si, w := p.si, x.sents[p.si].Toks[p.k].Lower
	last := -1
	for n := len(x.facts) - 1; n >= 0; n-- {
		if x.facts[n].pred == "said" {
			last = x.facts[n].s1
			break
		}
	}
	if last < 0 || si-last < 2 {
		return false
	}
	for i := 0; i < len(pt); i++ {
		s := pt[i].si
		if s <= last || pt[i].k != 0 {
			continue
		}
		if s >= si {
			break
		}
		toks := x.sents[s].Toks
		verb := len(toks)
		for k := range toks {
			if i+k < len(pt) && !inQuote[i+k] && (strings.HasPrefix(toks[k].Tag, "VB") || toks[k].Tag == "MD") {
				verb = k
				break
			}
		}
		for _, mi := range x.sentMents[s] {
			m := x.ments[mi]
			if m.kind != kName || m.ent < 0 || m.i >= verb || i+m.i >= len(pt) || inQuote[i+m.i] || !x.ents[m.ent].class.IsA(schema.Person) {
				continue
			}
			poss := m.j < len(toks) && (toks[m.j].Lower == "'s" || toks[m.j].Lower == "’s")
			if m.ent != lastSpeaker && x.sexAgrees(m.ent, w) || poss {
				return true
			}
		}
	}
	return false
}

// chainBrokenBy stands for the chain's last speaker when chainBroken: a
// pronoun then has no speaker, whatever its antecedent.
const chainBrokenBy = -2

// narrativeSpeaker is who "he said"/"she told reporters" at p stands for
// when the chain cannot say: the one person who is the subject of the
// sentence right before (named before its first verb, not as a
// possessor), when that sentence is narrative (no quote of its own) and
// names no other person the pronoun may stand for as a speaker, the
// person's sex agrees
// with the pronoun, and no other person is named before the pronoun in
// its own sentence. "X declined to comment. “…,” he
// said in a statement." is X's even after someone else's quotes. Not for
// "he added", which goes on with a speaker's own chain (the narrative
// sentence between then means nobody can tell whose words they are); -1
// otherwise.
func (x *docState) narrativeSpeaker(p ptok) int {
	if p.si < 1 || p.si >= len(x.sents) {
		return -1
	}
	toks := x.sents[p.si].Toks
	w := toks[p.k].Lower
	if !narrativePronoun(toks, p.k) {
		return -1
	}
	for _, mi := range x.sentMents[p.si] {
		if m := x.ments[mi]; m.kind == kName && m.ent >= 0 && m.i < p.k && x.ents[m.ent].class.IsA(schema.Person) && !quotedBefore(toks, m.i, m.j, p.k) {
			return -1
		}
	}
	return x.narrativeSubject(p.si-1, w)
}

// narrativeSubject is the one person named as the subject of sentence si,
// a narrative sentence with no quote marks, who agrees in sex with the
// pronoun w; -1 otherwise.
func (x *docState) narrativeSubject(si int, w string) int {
	return x.narrativeSubjectBack(si, w, 1)
}

// narrativeSubjectBack is narrativeSubject that, when sentence si opens
// with the pronoun w itself as its subject ("She views the bill as a
// giveaway."), reads the sentence before it, up to hops times.
func (x *docState) narrativeSubjectBack(si int, w string, hops int) int {
	if si < 0 {
		return -1
	}
	prev := x.sents[si].Toks
	// The first verb, past an opening prepositional phrase ("In his
	// remarks, Moore mocked …": the tagger may read "remarks" as a verb).
	verb, from := len(prev), 0
	if len(prev) > 0 && prev[0].Tag == "IN" {
		for k, t := range prev {
			if t.Text == "," {
				from = k + 1
				break
			}
		}
	}
	for k, t := range prev {
		if nlp.IsOpenQuote(t.Text) || nlp.IsCloseQuote(t.Text) || t.Text == "\"" {
			return -1
		}
		if k >= from && verb == len(prev) && (strings.HasPrefix(t.Tag, "VB") || t.Tag == "MD") {
			verb = k
		}
	}
	found, others := -1, false
	for _, mi := range x.sentMents[si] {
		m := x.ments[mi]
		if m.kind != kName || m.ent < 0 || !x.ents[m.ent].class.IsA(schema.Person) {
			continue
		}
		if m.j < len(prev) && (prev[m.j].Lower == "'s" || prev[m.j].Lower == "’s") {
			continue // "Ruiz's lawyer declined to comment": the lawyer is the subject
		}
		if m.i >= verb {
			// "X has done all he can, said Luke Popovich": another person
			// the pronoun may stand for, named as a speaker, keeps it open
			// (an object, "Moore mocked McConnell", does not: 10 of 12 such
			// corpus facts right, the two wrong an inverted speaker).
			spoke := m.j < len(prev) && speechVerbs[prev[m.j].Lower]
			for t := m.i - 1; t >= 0 && t >= m.i-4 && prev[t].Text != ","; t-- {
				spoke = spoke || speechVerbs[prev[t].Lower] // "said engineer Robin Ashdown"
			}
			others = others || spoke && x.sexAgrees(m.ent, w)
			continue
		}
		if found >= 0 && found != m.ent {
			return -1
		}
		found = m.ent
	}
	if found < 0 {
		// "Collins has not taken a stand." with no mention: a sentence-
		// initial surname the entity layer left unlinked.
		found = x.surnameSubject(si, from, verb)
	}
	if found < 0 && !others && hops > 0 && verb == from+1 && verb < len(prev) && prev[from].Lower == w && !x.personNamedIn(si) {
		// "Ana Ruiz, 65, is a Republican. She views the bill as a
		// giveaway. “…,” she said": the same pronoun as the subject, with
		// nobody named in its sentence, goes on with the sentence before.
		return x.narrativeSubjectBack(si-1, w, hops-1)
	}
	if found < 0 || others && found >= 0 || !x.sexAgrees(found, w) {
		return -1
	}
	return found
}

// descriptionClass is the class that the description opening at p ("the
// group", "the embattled company") names by its head noun, and whether it
// names one (coref.go's descriptionHeads).
func (x *docState) descriptionClass(p ptok) (schema.Class, bool) {
	toks := x.sents[p.si].Toks
	k := p.k + 1
	for k < len(toks)-1 && (toks[k].Tag == "JJ" || toks[k].Tag == "CD") {
		k++
	}
	if k >= len(toks) || toks[k].Text != toks[k].Lower {
		return "", false
	}
	c, ok := descriptionHeads[toks[k].Lower]
	return c, ok
}

// quotedBefore reports whether tokens [i, j) stand inside a quote that
// closes before token k ("“…, Mitch,” he said": Mitch is addressed inside
// the quote, not named in the narrative).
func quotedBefore(toks []token, i, j, k int) bool {
	open := false
	for t := 0; t < i; t++ {
		switch {
		case nlp.IsOpenQuote(toks[t].Text):
			open = true
		case nlp.IsCloseQuote(toks[t].Text):
			open = false
		}
	}
	if !open {
		return false
	}
	for t := j; t < k && t < len(toks); t++ {
		if nlp.IsCloseQuote(toks[t].Text) {
			return true
		}
	}
	return false
}

// personNamedIn reports whether a person is named in sentence si.
func (x *docState) personNamedIn(si int) bool {
	for _, mi := range x.sentMents[si] {
		if m := x.ments[mi]; m.kind == kName && m.ent >= 0 && x.ents[m.ent].class.IsA(schema.Person) {
			return true
		}
	}
	return false
}

// narrativePronoun reports whether token k is a subject pronoun of known
// sex that a narrative subject may stand for: not "his", "her" or "him",
// and not "he added", which goes on with the quote chain only.
func narrativePronoun(toks []token, k int) bool {
	w := toks[k].Lower
	if pronounSex[w] == sexUnknown || w == "his" || w == "her" || w == "him" {
		return false
	}
	return !(k+1 < len(toks) && (toks[k+1].Lower == "added" || toks[k+1].Lower == "adds"))
}

package ingest

import (
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/schema"
)

var speechVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "tells": true, "added": true, "adds": true,
	"explained": true, "stated": true, "noted": true, "insisted": true, "warned": true, "wrote": true,
	"declared": true, "announced": true, "asserted": true, "stressed": true, "argued": true, "claimed": true,
	"claims": true, "acknowledged": true, "admitted": true, "recalled": true, "replied": true,
	"responded": true, "confirmed": true, "emphasized": true, "emphasised": true, "remarked": true,
	// "“…,” Trump tweeted", "“…?” one aide asked": a question is quoted
	// speech too (a request, "asked that …", is no statement: quotes()).
	"tweeted": true, "asked": true,
	// Present tense, as features and analyses write it: "“…,” argues
	// the X Council", "Y notes that …".
	"argues": true, "notes": true, "writes": true, "warns": true, "explains": true, "insists": true,
	"recalls": true, "admits": true, "acknowledges": true, "stresses": true, "contends": true, "contended": true,
}

// reportVerbs introduce reported speech without "that".
var reportVerbs = map[string]bool{"said": true, "says": true, "say": true, "stated": true, "claimed": true, "claims": true, "insisted": true, "argued": true, "declared": true, "announced": true}

// passiveAux before a speech verb make its subject the audience: "X was
// told", "X was asked".
var passiveAux = map[string]bool{"was": true, "were": true, "is": true, "are": true, "been": true, "being": true, "be": true, "get": true, "got": true}

// tellClauseSubjects open the clause after "told AUDIENCE" when no "that"
// does.
var tellClauseSubjects = map[string]bool{"he": true, "she": true, "they": true, "it": true, "we": true}

type ptok struct{ si, k int }

// quotes attributes quotations to speakers paragraph by paragraph
// ("“…,” X said", "X said: “…”", "“…,” X told Y", "he added" → the previous
// speaker) and reads reported speech ("X said the talks failed").
func (x *docState) quotes() {
	lastSpeaker := -1
	for p0 := 0; p0 < len(x.sents); {
		p1 := p0
		for p1 < len(x.sents) && x.sents[p1].Para == x.sents[p0].Para {
			p1++
		}
		var pt []ptok
		for si := p0; si < p1; si++ {
			for k := range x.sents[si].Toks {
				pt = append(pt, ptok{si, k})
			}
		}
		inQuote := make([]bool, len(pt))
		tokAt := func(i int) token { return x.sents[pt[i].si].Toks[pt[i].k] }
		attributed := false
		// Quotes and reported speech are attributed in reading order, so
		// that "he said" after "Schumer said the bill …" is Schumer even
		// when an earlier quote was someone else's.
		type speech struct {
			at           int // token index in pt
			o, c, closeE int // a quote: its marks (o < 0: reported speech)
			text         string
			short        bool   // fewer than three words: only a partial quote
			run          func() // reported speech: records it
		}
		var events []speech
		// lastQuoteSent is the last sentence of the previous event when it
		// was an attributed quote, else -1.
		lastQuoteSent := -1
		for i := 0; i < len(pt); i++ {
			t := tokAt(i).Text
			if !nlp.IsOpenQuote(t) && !(t == "\"") {
				continue
			}
			if t == "`" && i+1 < len(pt) && tokAt(i+1).Text == "`" {
				i++
			}
			o := i
			c := -1
			// A double quote ends at a double quote: the ‘whistleblower’ inside
			// it is a quote within the quote.
			double := t != "‘" && t != "'"
			for j := i + 1; j < len(pt); j++ {
				tj := tokAt(j).Text
				if double && tj == "“" {
					// “I’ve said it before, “free” is costly,”: a short quote
					// within the quote, written with the same marks.
					if e := innerQuoteEnd(pt, tokAt, j); e > 0 {
						j = e
						continue
					}
					// “systemically important “ and …: an opening mark with
					// a space after it closes the quote (typed the wrong way).
					if j+1 >= len(pt) || tokAt(j).End < tokAt(j+1).Start {
						c = j
						break
					}
				}
				if tj == "”" || tj == "\"" || tj == "»" || tj == "''" || (tj == "'" && j+1 < len(pt) && tokAt(j+1).Text == "'") || !double && tj == "’" && tokAt(j-1).End == tokAt(j).Start && !strings.HasSuffix(tokAt(j-1).Text, "s") {
					c = j
					break
				}
			}
			closeEnd := c
			if c < 0 {
				c = len(pt)
				closeEnd = len(pt) - 1
			} else if tokAt(c).Text == "'" && c+1 < len(pt) && tokAt(c+1).Text == "'" {
				closeEnd = c + 1
			}
			for k := o; k <= closeEnd && k < len(pt); k++ {
				inQuote[k] = true
			}
			if o+1 >= c {
				i = closeEnd
				continue
			}
			text := strings.TrimSpace(x.doc.Text[tokAt(o).End:tokAt(c-1).End])
			text = strings.TrimRight(text, ", ")
			// Scare quotes (‘Explains’) are no quotes of their own, but may be
			// a partial quote: X called the plan “a disaster”.
			short := len(strings.Fields(text)) < 3
			events = append(events, speech{at: o, o: o, c: c, closeE: closeEnd, text: text, short: short})
			i = closeEnd
		}
		// chain is the quote chain's last speaker for the pronoun at p, or
		// chainBrokenBy when a narrative sentence since the last statement
		// has another person of the pronoun's sex for its subject.
		chain := func(p ptok) int {
			if lastSpeaker >= 0 && p.si >= 0 && !x.sexAgrees(lastSpeaker, x.sents[p.si].Toks[p.k].Lower) {
				return -1 // "she" after a man's quotes: no chain to break
			}
			if lastSpeaker >= 0 && p.si >= 0 && x.chainBroken(pt, inQuote, lastSpeaker, p) {
				return chainBrokenBy
			}
			return lastSpeaker
		}
		usedTrigger := map[ptok]bool{}
		quote := func(e speech) {
			o, c, closeEnd, text := e.o, e.c, e.closeE, e.text
			if e.short || c >= len(pt) {
				if !e.short {
					return
				}
				// A partial quote: its speaker and text come from the verb
				// before it.
				if spk, txt, trig := x.partialQuote(pt, tokAt, inQuote, o, c, lastSpeaker); spk >= 0 && !usedTrigger[trig] {
					usedTrigger[trig] = true
					x.addStatement(spk, txt, "quote-partial", pt[o].si, pt[o].si)
					lastSpeaker = spk
					lastQuoteSent = pt[o].si
				}
				return
			}
			speaker, rule, endSent, pron := x.attribution(pt, tokAt, o, closeEnd)
			if rule == "quote-pronoun" {
				speaker = x.pronounSpeaker(pron, chain(pron))
				if speaker < 0 {
					// “…. …,” he said: the sentence before the quote
					// opened (speech_s14.go).
					if speaker = x.openingSpeaker(pt[o], pron); speaker >= 0 {
						rule = "quote-pronoun-open"
					}
				}
				if speaker < 0 {
					// Whose "he said" this is is unknown: the chain after it
					// is unknown too.
					lastSpeaker = -1
				}
			}
			// “…,” the official said: a speaker the rules cannot name is
			// still someone else's; the chain does not take the quote.
			ownVerb := false
			for j := closeEnd + 1; j < len(pt) && pt[j].si == pt[min(closeEnd, len(pt)-1)].si; j++ {
				if w := tokAt(j).Lower; !inQuote[j] && (speechVerbs[w] || trailingVerbs[w] || w == "according") {
					ownVerb = true
					break
				}
			}
			if speaker < 0 && rule == "" && !ownVerb && c >= len(pt)-2 && o <= 1 && lastSpeaker >= 0 && !attributed && p0 > 0 {
				// A paragraph that is all quote continues the last speaker.
				speaker, rule, endSent = lastSpeaker, "quote-continued", pt[min(closeEnd, len(pt)-1)].si
			}
			if speaker < 0 && rule == "" && !ownVerb && lastQuoteSent >= 0 && pt[o].k == 0 && pt[o].si == lastQuoteSent+1 && lastSpeaker >= 0 {
				// “…,” Ruiz said. “…”: a quote that opens the sentence right
				// after an attributed quote or reported speech ("Ruiz said
				// the dam would hold. “…”"), with no speaker of its own,
				// goes on with the same speaker.
				speaker, rule, endSent = lastSpeaker, "quote-next", pt[min(closeEnd, len(pt)-1)].si
			}
			if a := closeEnd + 1; speaker < 0 && rule == "" && a < len(pt) && tokAt(c-1).Text == "," && pt[a].si == pt[closeEnd].si {
				// “…,” Commissioner A, Mayor B and the heads of the
				// unions wrote: a list the rules above do not read.
				if ps := x.jointSpeakers(pt[a].si, pt[a].k, -1); len(ps) > 0 {
					speaker, rule, endSent = ps[0], "quote-joint", pt[a].si
				}
			}
			lastQuoteSent = -1
			if speaker >= 0 {
				x.ourPartner(pt, tokAt, o, c, speaker)
				x.addStatement(speaker, text, rule, pt[o].si, max(endSent, pt[min(closeEnd, len(pt)-1)].si))
				// "“…,” A and B wrote": the quote is each named person's
				// (speech_s14b.go).
				if a := closeEnd + 1; (rule == "quote-after" || rule == "quote-after-subject" || rule == "quote-joint") && a < len(pt) && tokAt(c-1).Text == "," && pt[a].si == pt[closeEnd].si {
					for _, e := range x.jointSpeakers(pt[a].si, pt[a].k, speaker) {
						x.addStatement(e, text, "quote-joint", pt[o].si, max(endSent, pt[closeEnd].si))
					}
				}
				lastSpeaker = speaker
				attributed = true
				lastQuoteSent = max(endSent, pt[min(closeEnd, len(pt)-1)].si)
				return
			}
			if spk, txt, trig := x.partialQuote(pt, tokAt, inQuote, o, c, lastSpeaker); spk >= 0 && !usedTrigger[trig] {
				usedTrigger[trig] = true
				x.addStatement(spk, txt, "quote-partial", pt[o].si, pt[o].si)
				lastSpeaker = spk
			}
		}
		// Reported speech outside quotes.
		for i := 0; i < len(pt); i++ {
			tk := tokAt(i)
			thatNext := pt[i].k+1 < len(x.sents[pt[i].si].Toks) && x.sents[pt[i].si].Toks[pt[i].k+1].Lower == "that"
			// "said on Twitter at the time that …", "wrote to Senate
			// leaders that …", "told reporters in a Capitol hallway that
			// …": a tail of times, media and audiences, then the statement.
			tailThat := -1
			if !inQuote[i] && speechVerbs[tk.Lower] && !thatNext {
				tailThat = x.viewOf(pt[i].si).tailThat(pt[i].k)
			}
			if inQuote[i] || !(reportVerbs[tk.Lower] || speechVerbs[tk.Lower] && (thatNext || tailThat >= 0) || tk.Lower == "told") || tk.Lower == "added" && !thatNext || tk.Lower == "asked" {
				continue // "added that …" is a statement; "he added" alone goes with the quote chain
			}
			si := pt[i].si
			v := x.viewOf(si)
			k := pt[i].k
			if tailThat >= 0 {
				k = tailThat - 1
			}
			if k+1 >= len(v.t) {
				continue
			}
			nx := v.t[k+1]
			// "said on Saturday (that) ...", "said last week that": the time is
			// not the statement.
			if t, end := v.timeAt(k + 1); t != "" && end < len(v.t) {
				if w := v.t[end]; w.Tag == "POS" || w.Lower == "'s" || w.Lower == "’s" {
					continue // "said in Thursday's filing": the time owns a medium, no clause follows it
				}
				k = end - 1
				nx = v.t[k+1]
			}
			// "told reporters that ...": the audience is not the statement.
			if tk.Lower == "told" {
				j := k + 1
				for j < len(v.t) && j < k+5 && v.low(j) != "that" {
					j++
				}
				if v.low(j) != "that" {
					// "told reporters he would …", "told Reuters it had …": a
					// short audience of nouns, then a pronoun's clause.
					j = -1
					for a := k + 2; a < len(v.t) && a <= k+4; a++ {
						if tellClauseSubjects[v.low(a)] && a+1 < len(v.t) && (strings.HasPrefix(v.t[a+1].Tag, "VB") || v.t[a+1].Tag == "MD") {
							j = a
							break
						}
						if t := v.t[a].Tag; !strings.HasPrefix(t, "NN") && t != "DT" && t != "POS" && t != "JJ" {
							break
						}
					}
					if j < 0 {
						j = v.audienceClause(k + 1)
					}
					if j < 0 || !strings.HasPrefix(v.t[k+1].Tag, "NN") {
						continue
					}
					// Only after a name: "she told Reuters she …" leans on a
					// pronoun chain that, without "that", guesses too often
					// (whose "she" after a man's quotes).
					if s, _ := v.speakerSubject(pt[i].k); s < 0 || v.m(s).kind != kName {
						continue
					}
				}
				k = j - 1
				nx = v.t[k+1]
			}
			// "said in a statement (on Friday) he believed …": the medium is
			// not the statement either.
			if nx.Lower == "in" {
				if end := v.mediumPhrase(k + 1); end > 0 {
					k = end - 1
					if t, e2 := v.timeAt(k + 1); t != "" && e2 < len(v.t) {
						k = e2 - 1
					}
					// "in a statement issued by", "in a letter sent to": the
					// medium's own clause follows, not what was said
					if k+1 >= len(v.t) || v.t[k+1].Tag == "VBN" || v.t[k+1].Tag == "VBG" || v.t[k+1].Tag == "RB" || v.low(k+1) == "afterwards" || v.low(k+1) == "to" {
						continue
					}
					// "in a speech that was interrupted": a relative clause
					if v.low(k+1) == "that" && k+2 < len(v.t) && (strings.HasPrefix(v.t[k+2].Tag, "VB") || v.t[k+2].Tag == "MD") {
						continue
					}
					nx = v.t[k+1]
				}
			}
			if nx.Text == ":" || nx.Text == "," || nlp.IsOpenQuote(nx.Text) || adjunctParticiples[nx.Lower] || nx.Text == "." || nx.Lower == "in" || nx.Lower == "on" || nx.Lower == "by" ||
				nx.Lower == "from" || nx.Lower == "to" || nx.Lower == "after" || nx.Lower == "following" || nx.Lower == "at" || nx.Lower == "during" || nx.Lower == "before" || nx.Lower == "with" ||
				nx.Lower == "of" {
				continue // "said from his cell", "said after a meeting", "said to laughter", "said of the plan": no statement follows
			}
			// "announced the decision", "declared Oswald the lone assassin":
			// only "say" takes a bare clause; other verbs need "that".
			if w := tk.Lower; w != "said" && w != "says" && w != "say" && w != "told" && nx.Lower != "that" {
				continue
			}
			// "said Alex Ashley, a deputy investigator": an inverted speaker.
			if o := v.start[k+1]; o >= 0 && v.isA(o, schema.Person) && v.low(v.m(o).j) == "," {
				continue
			}
			s, neg := v.speakerSubject(pt[i].k)
			docAuthor := -1
			if d := v.documentBefore(pt[i].k); d >= 0 && s < 0 && !neg {
				// "The statement said …": its author's, when named.
				if docAuthor = x.documentAuthor(si, d); docAuthor < 0 {
					continue
				}
			} else if s < 0 || neg {
				continue // "X has not said whether …" says nothing
			}
			// "warning in a column he wrote for the Herald that …": a pronoun
			// right after a noun, with a verb before them, is the subject of
			// a relative clause on that noun, whose antecedent is not the
			// pronoun's nearest name ("During the campaign he said" is no
			// relative clause).
			if docAuthor < 0 && v.m(s).kind == kPronoun && v.m(s).i > 0 && strings.HasPrefix(v.t[v.m(s).i-1].Tag, "NN") && v.verbBefore(v.m(s).i) {
				continue
			}
			// "police in Umbria said", "the film directed by X, ..., said":
			// a name inside a prepositional phrase is not the speaker.
			if docAuthor < 0 {
				if v.inPhrase(s, pt[i].k) {
					continue
				}
				// "Some Republicans have said …", "71 percent of Ohio
				// Democrats say …": members of a party, not the party.
				if v.partyMembers(s) || v.partyMember(s) {
					continue
				}
			}
			st := k + 1
			// "said Wednesday that ...": skip the time.
			if weekdays[nx.Lower] || nx.Lower == "today" || nx.Lower == "yesterday" || nx.Lower == "tuesday's" {
				st++
			}
			if v.low(st) == "that" {
				st++
			}
			// "Hagen, who the Gazette said was abroad": the clause's subject
			// is the relative pronoun; what was said is no whole clause.
			gapped := docAuthor < 0 && v.gappedRelative(s, st)
			if v.low(st) == "whether" {
				continue // "declined to say whether …": a question, not a statement ("said if …, …" is a condition, and said)
			}
			end := len(v.t)
			for end > st && (v.t[end-1].Text == "." || nlp.IsCloseQuote(v.t[end-1].Text)) {
				end--
			}
			if end-st < 4 {
				continue
			}
			// Stop at an attribution tail: ", according to ...", and a
			// relative clause at its comma: "Hagen, who the Gazette said
			// was abroad, is a former banker" (what the Gazette said is
			// "was abroad", not the main clause after it).
			second := "" // the statement of "and said …" after this one
			for j := st; j < end; j++ {
				if v.t[j].Text == "," && (v.low(j+1) == "according" || gapped) {
					end = j
					break
				}
				// "X told Y that he was ready and said Z was a problem": a
				// second speech verb ends this statement and opens another
				// (or another subject's, "an article which praised X and
				// said …", which secondStatement refuses).
				if v.low(j) == "and" && j > st && secondSpeech[v.low(j+1)] {
					second = v.secondStatement(st, j, end)
					end = j
					for end > st && v.t[end-1].Text == "," {
						end--
					}
					break
				}
			}
			if end-st < 3 {
				continue
			}
			text := x.doc.Text[v.t[st].Start:v.t[end-1].End]
			events = append(events, speech{at: i, o: -1, run: func() {
				lastQuoteSent = -1
				spk, rule := docAuthor, "reported-document"
				if docAuthor < 0 {
					spk, rule = v.ent(s), "reported-speech"
					if v.m(s).kind == kPronoun {
						spk = x.pronounSpeaker(ptok{si, v.m(s).i}, chain(ptok{si, v.m(s).i}))
					}
				}
				if spk >= 0 {
					x.addStatement(spk, text, rule, si, si)
					if second != "" {
						x.addStatement(spk, second, rule, si, si)
					}
					lastQuoteSent = si // a quote that opens the next sentence goes on with it
				}
				lastSpeaker = spk
			}})
		}
		// "CLAUSE, X said (in a statement)." : reported speech before its
		// attribution; lower confidence than "X said CLAUSE".
		for i := 0; i < len(pt); i++ {
			if inQuote[i] || !trailingVerbs[tokAt(i).Lower] {
				continue
			}
			si := pt[i].si
			v := x.viewOf(si)
			s, _ := v.speakerSubject(pt[i].k)
			it := s < 0 && pt[i].k > 0 && v.low(pt[i].k-1) == "it"
			st, end, _, ok := v.trailingSpeech(pt[i].k, s, it)
			if !ok {
				// "CLAUSE, said Ana Ruiz, the mayor of Elmwood.": the
				// speaker after the verb.
				ist, iend, spk := x.invertedSpeech(pt, inQuote, i)
				if spk < 0 {
					continue
				}
				text := x.doc.Text[v.t[ist].Start:v.t[iend-1].End]
				events = append(events, speech{at: i, o: -1, run: func() {
					x.addStatement(spk, text, "reported-speech-inverted", si, si)
					lastSpeaker, lastQuoteSent = spk, si
				}})
				continue
			}
			text := x.doc.Text[v.t[st].Start:v.t[end-1].End]
			events = append(events, speech{at: i, o: -1, run: func() {
				lastQuoteSent = -1
				if it {
					spk := x.itSpeaker(ptok{si, pt[i].k - 1}, lastSpeaker)
					if spk >= 0 {
						x.addStatement(spk, text, "reported-speech-after", si, si)
					}
					lastSpeaker = spk
					return
				}
				spk := v.ent(s)
				if v.m(s).kind == kPronoun {
					spk = x.pronounSpeaker(ptok{si, v.m(s).i}, chain(ptok{si, v.m(s).i}))
				} else if v.m(s).kind != kName || v.partyMember(s) || v.partyMembers(s) {
					spk = -1
				}
				if spk >= 0 {
					x.addStatement(spk, text, "reported-speech-after", si, si)
					lastQuoteSent = si
				}
				lastSpeaker = spk
			}})
		}
		// "…, according to X." / "According to X, …": reported speech
		// whose speaker is the name right after "according to".
		for i := 0; i+2 < len(pt); i++ {
			if inQuote[i] || tokAt(i).Lower != "according" || tokAt(i+1).Lower != "to" || pt[i+2].si != pt[i].si {
				continue
			}
			si, k := pt[i].si, pt[i].k
			v := x.viewOf(si)
			if st, end, spk := v.accordingTo(k); spk >= 0 {
				text := x.doc.Text[v.t[st].Start:v.t[end-1].End]
				events = append(events, speech{at: i, o: -1, run: func() {
					lastQuoteSent = -1
					x.addStatement(spk, text, "reported-according-to", si, si)
				}})
			}
		}
		sort.SliceStable(events, func(a, b int) bool { return events[a].at < events[b].at })
		for _, e := range events {
			if e.o >= 0 {
				quote(e)
			} else {
				e.run()
			}
		}
		p0 = p1
	}
	// Header pages ("NAME, TITLE: “…”") last: they take over what a
	// pronoun chain gave to a name outside the header.
	x.viewStatements()
}

// mediumWords are what a statement is made in: "said in a statement".
var mediumWords = map[string]bool{"statement": true, "interview": true, "letter": true, "address": true, "speech": true,
	"briefing": true, "release": true, "email": true, "tweet": true, "memo": true, "filing": true, "post": true}

// mediumPhrase is the end of "in a (radio|written|…) statement" starting
// at token i ("in"), or -1.
func (v *view) mediumPhrase(i int) int {
	if v.low(i) != "in" || (v.low(i+1) != "a" && v.low(i+1) != "an") {
		return -1
	}
	for j := i + 2; j < len(v.t) && j <= i+4; j++ {
		if mediumWords[v.low(j)] {
			return j + 1
		}
		if v.t[j].Tag != "JJ" && v.t[j].Tag != "NN" {
			return -1
		}
	}
	return -1
}

// attribution finds who said the quote [o, c] of a paragraph.
// For a pronoun speaker ("he added") rule is quote-pronoun and pron is
// where the pronoun stands.
func (x *docState) attribution(pt []ptok, tokAt func(int) token, o, c int) (speaker int, rule string, endSent int, pron ptok) {
	pron = ptok{-1, -1}
	// After: "," X said / said X / X told Y.
	i := c + 1
	if i < len(pt) && (tokAt(i).Text == "," || tokAt(i).Text == "”") {
		i++
	}
	if i < len(pt) {
		si := pt[i].si
		v := x.viewOf(si)
		k := pt[i].k
		// "," X said / "," RSF adviser Youssef Izzat told / "," he added:
		// titles, organisations and role nouns may stand before the speaker.
		// "“…,” the statement said", "“…,” said the letter": the
		// document's author, when the story names who issued it.
		// A quote that ends its sentence is not what "The report said
		// costs would rise" says (the next sentence's own statement).
		if d := v.documentAt(k); d >= 0 && d+1 < len(v.t) && speechVerbs[v.low(d+1)] && !(tokAt(c-1).Text == "." && v.clauseFollows(d+1)) || speechVerbs[v.low(k)] && v.documentAt(k+1) >= 0 {
			if d < 0 {
				d = v.documentAt(k + 1)
			}
			if a := x.documentAuthor(si, d); a >= 0 {
				return a, "quote-document", si, pron
			}
		}
		for j := k; j < len(v.t) && j < k+10; j++ {
			if speechVerbs[v.low(j)] || quoteOnlyVerbs[v.low(j)] && tokAt(c-1).Text == "," {
				// “…?” X said the talks …: a quote that ends its sentence
				// is not what a verb with a statement of its own says.
				if cl := tokAt(c - 1).Text; (cl == "?" || cl == "!" || cl == ".") && v.clauseFollows(j) {
					break
				}
				if j > k && v.low(j-1) == "it" {
					// "“…,” it said": an organisation's chain (itSpeaker).
					return -1, "quote-pronoun", si, ptok{si, j - 1}
				}
				if mi := v.end[j]; mi >= 0 && (v.m(mi).kind == kName || v.m(mi).kind == kPronoun) && !v.isA(mi, schema.Location) && !v.partyMember(mi) && !v.partyMembers(mi) {
					rule := "quote-after"
					if v.m(mi).kind == kPronoun {
						rule, pron = "quote-pronoun", ptok{si, v.m(mi).i}
					}
					return v.ent(mi), rule, si, pron
				}
				// "“…,” the Republican speaker said": a description
				// of a person named before (speech_s14.go).
				if spk := x.describedSpeaker(si, k, j, pt[o].si, pt[o].k); spk >= 0 {
					return spk, "quote-description", si, pron
				}
				break
			}
			tk := v.t[j]
			if !upperFirst(tk.Text) && !v.x.g.roleNouns[tk.Lower] && tk.Lower != "the" && tk.Lower != "a" && !(tk.Lower == "it" && j == k) && !(v.start[j] >= 0 && v.m(v.start[j]).kind == kPronoun) && tk.Tag != "JJ" && !(j > k && v.t[j-1].Lower == "the") && !(v.low(k) == "the" && tk.Tag == "NN" && j+1 < len(v.t) && speechVerbs[v.low(j+1)]) && !(ofInName(v, j) && tokAt(c-1).Text == ",") {
				break
			}
		}
		if speechVerbs[v.low(k)] || quoteOnlyVerbs[v.low(k)] && tokAt(c-1).Text == "," {
			mi := v.np(k + 1)
			if rankPrefix(v, k+1) {
				mi = rankedPerson(v, k+1)
			}
			// "said Democratic strategist Ana Ruiz": the party names what the
			// speaker is, the person after it speaks.
			if mi >= 0 && v.isA(mi, schema.PoliticalParty) {
				if e := v.m(mi).j; e+1 < len(v.t) && v.t[e].Text == v.low(e) && strings.HasPrefix(v.t[e].Tag, "NN") {
					mi = -1
					if n := v.start[e+1]; n >= 0 && v.m(n).kind == kName && v.isA(n, schema.Person) {
						mi = n
					}
				} else if p := v.partyTitledPerson(mi); p != -2 {
					// "said Republican U.S. Senator Chuck Grassley": the
					// person the party word describes, never the party.
					mi = p
				}
			}
			// "said the former Trump campaign adviser": a name that
			// modifies a common noun describes the speaker; it is not one.
			if mi >= 0 && v.m(mi).kind == kName && !v.nameBeforeNoun(mi) {
				return v.ent(mi), "quote-said-x", si, pron
			}
		}
	}
	// Before: X said: “…” / X said, “…” / X told reporters in the
	// Capitol on Tuesday: “…” / X sidestepped questions, adding: “…”
	b := o - 1
	if b >= 0 && (tokAt(b).Text == ":" || tokAt(b).Text == ",") {
		b--
		if vb := speechBefore(pt, tokAt, b); vb >= 0 {
			b = vb
		}
	}
	if b >= 0 && introParticiples[tokAt(b).Lower] {
		if spk, pr := x.participleSpeaker(pt[b].si, pt[b].k); spk >= 0 || pr.si >= 0 {
			if pr.si >= 0 {
				return -1, "quote-pronoun", pt[b].si, pr
			}
			return spk, "quote-before", pt[b].si, pron
		}
	}
	// "X was asked: “…”": the subject of a passive is the audience.
	if b >= 0 && speechVerbs[tokAt(b).Lower] && !(b > 0 && pt[b-1].si == pt[b].si && passiveAux[tokAt(b-1).Lower]) {
		si := pt[b].si
		v := x.viewOf(si)
		if s, _ := v.speakerSubject(pt[b].k); s >= 0 && !(v.m(s).kind == kName && v.inPhrase(s, pt[b].k)) {
			rule := "quote-before"
			if v.m(s).kind == kPronoun {
				rule, pron = "quote-pronoun", ptok{si, v.m(s).i}
			}
			return v.ent(s), rule, si, pron
		}
	}
	// After, through the parse: "…,” Ana Ruiz, 40, said / "…,” the state's
	// Speaker of the House, Ana Ruiz, said: the subject of the first speech
	// verb after the quote, when the parser says so.
	// Only a quote closed by its attribution comma ("…,” X said), in the
	// sentence of the verb: a quote that ends a sentence belongs to no verb
	// of the next.
	if i := c + 1; i < len(pt) && c > 0 && tokAt(c-1).Text == "," && pt[i].si == pt[c].si {
		if spk := x.segmentSpeaker(pt[i].si, pt[i].k); spk >= 0 {
			return spk, "quote-after-subject", pt[i].si, pron
		}
		if spk, si := x.parsedSpeaker(pt, tokAt, i); spk >= 0 {
			return spk, "quote-after-subject", si, pron
		}
	}
	return -1, "", 0, pron
}

// pronounSpeaker is who the pronoun or description at p ("he added",
// "she told reporters", "the company said") stands for: the last speaker
// of the quote chain and the one entity of matching class named in the
// pronoun's sentence or the one before (Antecedent), when they agree or
// only one of them names somebody; -1 when they disagree or neither does.
// On the whole Reuters corpus the two disagreed on 151 statements, and
// each was right about half the time (a new person named just before the
// pronoun, an antecedent of the wrong sex): a wrong speaker is cited,
// a missing one is not.
func (x *docState) pronounSpeaker(p ptok, lastSpeaker int) int {
	// "X cursed Y and he later declared …": the sentence's own subject,
	// whoever spoke last.
	if cs := x.coordinatedSubject(p); cs >= 0 {
		return cs
	}
	if lastSpeaker == chainBrokenBy {
		// Someone else came between: the chain and any antecedent
		// disagree, unless that someone is the subject of the sentence
		// right before ("X declined to comment. “…,” he said").
		if ns := x.narrativeSpeaker(p); ns >= 0 {
			if a, _ := x.Antecedent(p.si, p.k); a < 0 || a == ns {
				return ns
			}
		}
		return -1
	}
	if p.si >= 0 && x.sents[p.si].Toks[p.k].Lower == "it" {
		return x.itSpeaker(p, lastSpeaker)
	}
	ant := -1
	if p.si >= 0 {
		ant, _ = x.Antecedent(p.si, p.k)
		// "she called": a ministry's chain does not go on in a person.
		w := x.sents[p.si].Toks[p.k].Lower
		if lastSpeaker >= 0 && personPronouns[w] && !x.ents[lastSpeaker].class.IsA(schema.Person) {
			lastSpeaker = -1
		}
		// "The group said …" after its president's quote: an
		// organisation's description does not go on in a person either.
		if lastSpeaker >= 0 && w == "the" && x.ents[lastSpeaker].class.IsA(schema.Person) {
			if c, ok := x.descriptionClass(p); ok && !c.IsA(schema.Person) {
				lastSpeaker = -1
			}
		}
		// "she added" after a man's quote is not his (speech_sex.go).
		if !x.sexAgrees(lastSpeaker, w) {
			lastSpeaker = -1
		}
		if !x.sexAgrees(ant, w) {
			ant = -1
		}
		if ant < 0 {
			ant = x.sexAntecedent(p)
		}
		// "He thinks the plan will help Meehan. “…,” he said": not Meehan.
		if x.namedBesidePronoun(p.si-1, w, ant) {
			ant = -1
		}
	}
	switch {
	case ant >= 0 && lastSpeaker >= 0 && ant != lastSpeaker:
		if p.si >= 0 && x.narrativeSpeaker(p) == ant {
			return ant // the subject of the sentence right before
		}
		return -1
	case ant >= 0:
		return ant
	case lastSpeaker < 0 && p.si >= 0:
		return x.narrativeSpeaker(p)
	}
	return lastSpeaker
}

// parsedSpeaker is the name the parser makes the subject of the first
// speech verb from token i of a paragraph to the end of its sentence
// (within 30 words, before any other quote), or -1.
func (x *docState) parsedSpeaker(pt []ptok, tokAt func(int) token, i int) (int, int) {
	si := pt[i].si
	v := x.viewOf(si)
	for j := i; j < len(pt) && j < i+30 && pt[j].si == si; j++ {
		t := tokAt(j)
		if nlp.IsOpenQuote(t.Text) || t.Text == "\"" {
			return -1, 0
		}
		if !speechVerbs[t.Lower] {
			continue
		}
		toks := x.sents[si].Toks
		name := func(k int) int {
			if k < pt[i].k {
				return -1 // inside the quote: the parse ran across its marks
			}
			for _, mi := range x.sentMents[si] {
				m := x.ments[mi]
				if m.i <= k && k < m.j && (v.low(m.j) == "'s" || v.low(m.j) == "’s") {
					return -1 // "Trump's spokeswoman said": the possessor is not the speaker
				}
				// a person, or an organisation right before the verb (the
				// parser takes "House of Delegates member X" for a House)
				if m.i <= k && k < m.j && m.kind == kName && m.ent >= 0 && !v.isA(mi, schema.Location) && !v.partyMember(mi) && (v.isA(mi, schema.Person) || m.j == pt[j].k) {
					return m.ent
				}
			}
			return -1
		}
		for k, st := range toks {
			if st.Head != pt[j].k || st.Rel != "nsubj" {
				continue
			}
			if e := name(k); e >= 0 {
				return e, si
			}
			// "the state's Speaker of the House, Ana Ruiz, said": a title
			// subject names its holder in an appositive (which the parser
			// may hang off the title's complement).
			for a, at := range toks {
				if at.Rel == "appos" && (at.Head == k || at.Head >= 0 && at.Head < len(toks) && toks[at.Head].Head == k && toks[at.Head].Rel == "nmod") {
					if e := name(a); e >= 0 && x.ents[e].class.IsA(schema.Person) {
						return e, si
					}
				}
			}
		}
		return -1, 0
	}
	return -1, 0
}

func (x *docState) addStatement(speaker int, text, rule string, s0, s1 int) {
	text = strings.Join(strings.Fields(text), " ")
	if speaker < 0 || text == "" {
		return
	}
	if c := x.ents[speaker].class; !c.IsA(schema.Person) && !c.IsA(schema.Organization) && !c.IsA(schema.Country) && !c.IsA(schema.Region) {
		// A town does not speak: "Atlanta said" is a misread subject
		// (capitals that stand for governments were mapped in resolve).
		return
	}
	x.stmts = append(x.stmts, statement{text: text, speaker: speaker})
	v := x.viewOf(s0)
	q := v.qualifiers(0, len(v.t), nil)
	if h := hedgeIn(text); h != "" {
		if q == nil {
			q = map[string]string{}
		}
		q[schema.QualHedge] = h
	}
	x.facts = append(x.facts, rawFact{subj: speaker, obj: -1, pred: "said", stmt: len(x.stmts) - 1, rule: rule, s0: s0, s1: s1, qual: q})
}

// ourPartner reads "Y, our (local) partner" inside a quote: Y is allied
// with the organisation the speaker works for.
func (x *docState) ourPartner(pt []ptok, tokAt func(int) token, o, c, speaker int) {
	org := -1
	for _, f := range x.facts {
		if f.subj == speaker && (f.pred == "works_for" || f.pred == "member_of" || f.pred == "leads") && f.obj >= 0 {
			org = f.obj
			break
		}
	}
	if org < 0 {
		return
	}
	for i := o + 1; i+2 < c && i+2 < len(pt); i++ {
		if tokAt(i).Text != "," || tokAt(i+1).Lower != "our" || pt[i].si != pt[i+2].si {
			continue
		}
		j := i + 2
		if tokAt(j).Tag == "JJ" && j+1 < c {
			j++
		}
		w := tokAt(j).Lower
		if w != "partner" && w != "partners" && w != "ally" && w != "allies" {
			continue
		}
		v := x.viewOf(pt[i].si)
		if y := v.end[pt[i].k]; y >= 0 && (v.isA(y, schema.Organization) || v.isA(y, schema.Location)) {
			v.emitEnt(v.ent(y), "allied_with", org, "quote-our-partner", v.m(y).i, pt[j].k+1, nil)
		}
	}
}

// partyMember reports whether a party mention is a common noun for one of
// its members: "the 64-year-old Republican said", "a Democrat said" speak
// for themselves, not for the party.
func (v *view) partyMember(mi int) bool {
	m := v.m(mi)
	if !v.isA(mi, schema.PoliticalParty) || m.j-m.i != 1 || strings.HasSuffix(v.low(m.i), "s") {
		return false
	}
	for k := m.i - 1; k >= 0 && k >= m.i-4; k-- {
		switch w := v.low(k); {
		case w == "the" || w == "a" || w == "an" || w == "this" || w == "that":
			return true
		case v.t[k].Text == w: // a lower-case modifier: "64-year-old", "moderate"
			continue
		case v.end[k+1] >= 0 && v.isA(v.end[k+1], schema.Location):
			// "the Utah Republican", "a Texas Democrat": the member's state
			k = v.m(v.end[k+1]).i
			continue
		}
		return false
	}
	return false
}

// partialTriggers stand before a partial quote whose speaker is the
// subject of the clause: "X called the plan “a disaster”", "X attacked
// the FBI, saying its reputation is in “tatters”".
var partialTriggers = map[string]bool{"called": true, "calling": true, "calls": true, "saying": true, "described": true, "describing": true}

// partialQuote reads a quote inside a sentence as a partial quote: the
// speaker is the named subject of "called"/"described" right before it, or
// of the verb a ", saying" clause hangs on (through the parse); the
// statement runs from after the trigger to the last quote of the sentence
// (“so-called judge” whose “ridiculous” opinion “essentially takes …”).
// trig is where the trigger stands, so that one clause gives one
// statement. speaker is -1 when the sentence has no such trigger.
func (x *docState) partialQuote(pt []ptok, tokAt func(int) token, inQuote []bool, o, c, lastSpeaker int) (speaker int, text string, trig ptok) {
	si := pt[o].si
	if pt[o].k == 0 || c >= len(pt) || pt[c].si != si {
		return -1, "", trig
	}
	v := x.viewOf(si)
	toks := x.sents[si].Toks
	// The trigger: within 12 words before the quote, no other quote or
	// sentence end between.
	t := -1
	for j := o - 1; j >= 0 && j >= o-12 && pt[j].si == si; j-- {
		if inQuote[j] {
			break
		}
		if partialTriggers[tokAt(j).Lower] {
			t = pt[j].k
			break
		}
	}
	if t < 1 {
		return -1, "", trig
	}
	w := toks[t].Lower
	if w == "called" || w == "described" {
		// "a programme called “Fast and Furious”", "he was called “a hero”":
		// a name or pronoun must be the verb's subject, and no passive.
		if p := toks[t-1].Lower; p == "was" || p == "were" || p == "been" || p == "be" || p == "is" || p == "are" || p == "being" || p == "so" {
			return -1, "", trig
		}
	}
	// "called on countries to …", "called for a review": a request, and
	// its subject is often a document ("the memo called on judges").
	if w == "called" || w == "calls" || w == "calling" {
		if n := toks[min(t+1, len(toks)-1)].Lower; n == "on" || n == "for" || n == "at" || n == "in" || n == "off" || n == "up" {
			return -1, "", trig
		}
	}
	verb := t
	if w == "saying" || w == "calling" || w == "describing" {
		// ", saying …": the clause's subject is the subject of the verb the
		// participle hangs on.
		if toks[t-1].Text != "," {
			return -1, "", trig
		}
		verb = toks[t].Head
		if verb < 0 || verb >= t || !strings.HasPrefix(toks[verb].Tag, "VB") {
			return -1, "", trig
		}
	}
	spk := -1
	if s, _ := v.speakerSubject(verb); s >= 0 && (v.m(s).kind == kName || v.m(s).kind == kPronoun) && !v.isA(s, schema.Location) && !v.partyMember(s) {
		// "a source close to X confirmed …, describing it as": a name in a
		// prepositional phrase is not the subject.
		if p := v.low(v.m(s).i - 1); p != "in" && p != "of" && p != "at" && p != "from" && p != "by" && p != "for" && p != "to" && p != "with" {
			spk = v.ent(s)
			if v.m(s).kind == kPronoun {
				// "which he has called “a witch hunt”": a pronoun inside the
				// sentence needs its antecedent named, not only a chain.
				spk, _ = x.Antecedent(si, v.m(s).i)
				if spk >= 0 && x.pronounSpeaker(ptok{si, v.m(s).i}, lastSpeaker) != spk {
					spk = -1
				}
			}
		}
	}
	if spk < 0 {
		return -1, "", trig
	}
	// The statement ends with the last quote of the sentence, unless a
	// speech verb outside the quotes comes first (another attribution).
	end := c
	for j := c + 1; j < len(pt) && pt[j].si == si; j++ {
		if !inQuote[j] && (speechVerbs[tokAt(j).Lower] || partialTriggers[tokAt(j).Lower]) {
			break
		}
		if inQuote[j] && (tokAt(j).Text == "”" || tokAt(j).Text == "\"" || tokAt(j).Text == "’") && j > c {
			end = j
		}
	}
	st := toks[t+1].Start
	text = strings.TrimRight(strings.TrimSpace(x.doc.Text[st:tokAt(end).End]), ",")
	return spk, text, ptok{si, t}
}

// accordingTo reads "CLAUSE, according to X." and "According to X, CLAUSE"
// with "according" at token k: the clause's tokens [st, end) and the
// speaker X, a person or organisation named right after "to" and ending
// there or at its appositive ("according to a tally", "according to
// Reuters calculations", "according to X's report" are no speakers); spk
// is -1 otherwise.
func (v *view) accordingTo(k int) (st, end, spk int) {
	mi := v.start[k+2]
	// "according to Democrats" is some of a party's members, not the party.
	if mi < 0 || v.m(mi).kind != kName || v.ent(mi) < 0 || v.isA(mi, schema.Location) || v.isA(mi, schema.PoliticalParty) ||
		!v.isA(mi, schema.Person) && !v.isA(mi, schema.Organization) {
		return 0, 0, -1
	}
	after := v.m(mi).j
	if after < len(v.t) && v.t[after].Text != "," && v.t[after].Text != "." && v.t[after].Text != ";" {
		return 0, 0, -1
	}
	trim := func(a, b int) (int, int) {
		for b > a && (v.t[b-1].Text == "." || v.t[b-1].Text == "," || nlp.IsCloseQuote(v.t[b-1].Text)) {
			b--
		}
		return a, b
	}
	switch {
	case k == 0:
		// "According to X, a spokesman for Y, the talks …": past the
		// appositive to the comma that ends it.
		c := after
		if c < len(v.t) && v.t[c].Text == "," && v.start[c+1] < 0 {
			for j := c + 1; j < len(v.t) && j < c+10; j++ {
				if v.t[j].Text == "," {
					if v.t[j-1].Tag == "NN" || v.t[j-1].Tag == "NNP" || v.t[j-1].Tag == "NNS" {
						c = j
					}
					break
				}
			}
		}
		if c >= len(v.t) || v.t[c].Text != "," {
			return 0, 0, -1
		}
		st, end = trim(c+1, len(v.t))
	case v.t[k-1].Text == ",":
		st, end = trim(0, k-1)
		if nlp.IsOpenQuote(v.t[st].Text) || v.t[st].Text == "\"" {
			return 0, 0, -1 // a quote's own attribution reads it
		}
	default:
		return 0, 0, -1
	}
	if end-st < 4 {
		return 0, 0, -1
	}
	// A list run together into one sentence ("… * Todd Ricketts - …")
	// has no one clause to attribute.
	for j := st; j < end; j++ {
		if v.t[j].Text == "*" {
			return 0, 0, -1
		}
		// "According to RIA, spokesman X, asked about …, said: “…”": the
		// clause attributes its own quote; the agency only relays it
		// ("According to Dowd, Yates told McGahn that …" is Dowd's).
		if speechVerbs[v.low(j)] && v.quoteAfter(j, end) {
			return 0, 0, -1
		}
	}
	return st, end, v.ent(mi)
}

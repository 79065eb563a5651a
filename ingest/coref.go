package ingest

import (
	"strings"

	"github.com/newsgraph/newsgraph/names"
	"github.com/newsgraph/newsgraph/schema"
)

// Coreference of pronouns and definite descriptions: "he", "she", "the
// company", "the senator", "the 64-year-old Republican". A mention of that
// kind names its antecedent only when exactly one entity of the document
// fits within corefWindow sentences before it: a wrong antecedent puts a
// quote or a fact on the wrong person, which is worse than none.

// corefWindow is how many sentences before the mention's own an
// antecedent may be named in.
const corefWindow = 1

// descriptionHeads are the head nouns of definite descriptions of
// organisations and places, with the class their antecedent must have.
var descriptionHeads = map[string]schema.Class{
	"company": schema.Company, "firm": schema.Company, "bank": schema.Company, "carrier": schema.Company,
	"automaker": schema.Company, "retailer": schema.Company, "insurer": schema.Company, "lender": schema.Company,
	"party": schema.PoliticalParty, "agency": schema.Government, "department": schema.Government,
	"ministry": schema.Government, "administration": schema.Government, "government": schema.Government,
	"court": schema.Government, "chamber": schema.Government, "committee": schema.Organization,
	"group": schema.Organization, "organization": schema.Organization, "organisation": schema.Organization,
	"newspaper": schema.MediaOutlet, "broadcaster": schema.MediaOutlet,
	"country": schema.Country, "city": schema.City, "state": schema.Region,
}

// bodyKinds group the head words of bodies' names and of their
// descriptions by kind: "the agency" may be the Food and Drug
// Administration or the FBI, never a court, a chamber, a committee or
// "the Obama administration".
var bodyKinds = map[string]string{
	"agency": "executive", "department": "executive", "ministry": "executive", "administration": "government", "government": "government",
	"office": "executive", "bureau": "executive", "service": "executive", "commission": "executive", "authority": "executive",
	"court": "court", "tribunal": "court",
	"chamber": "legislature", "house": "legislature", "senate": "legislature", "congress": "legislature",
	"parliament": "legislature", "assembly": "legislature", "legislature": "legislature",
	"committee": "committee", "subcommittee": "committee", "panel": "committee",
	"party": "party", "campaign": "campaign",
	"company": "company", "firm": "company", "bank": "company", "carrier": "company", "automaker": "company",
	"retailer": "company", "insurer": "company", "lender": "company",
}

// headFits reports whether a description's head ("the agency") may
// describe an entity of that name: when the name ends in a body's head
// word ("U.S. District Court"), the two must be bodies of one kind.
func headFits(head, name string) bool {
	want, ok := bodyKinds[strings.ToLower(head)]
	if !ok {
		return true
	}
	words := strings.Fields(name)
	if len(words) == 0 {
		return true
	}
	last := words[len(words)-1]
	got, ok := bodyKinds[strings.ToLower(last)]
	if last == "Administration" {
		got = "executive" // "Food and Drug Administration"; "the Obama administration" governs
	}
	return !ok || got == want
}

// classFits reports whether a description's head ("the agency") may
// describe an entity of that class: a company is no agency; a body whose
// kind is unknown (a plain organisation) may be any.
func classFits(head string, class schema.Class) bool {
	want := descriptionHeads[strings.ToLower(head)]
	return want == "" || class == schema.Organization || class.IsA(want)
}

// personPronouns refer to a person.
var personPronouns = map[string]bool{"he": true, "she": true, "him": true, "his": true, "her": true}

// Antecedent returns the document entity that the pronoun or definite
// description starting at token ti of sentence si refers to, and the token
// after the description; ent is -1 when the tokens are neither or when no
// single entity fits. It reads the mentions and their entities, so it is
// for use after resolve (the relation rules, quotes.go). A description
// agrees with its antecedent in class, and a person's description ("the
// senator", "the Republican") also in a title or party the document gives
// that person next to a mention of the name.
func (x *docState) Antecedent(si, ti int) (ent, end int) {
	toks := x.sents[si].Toks
	if ti >= len(toks) {
		return -1, ti
	}
	var class schema.Class
	head := ""
	switch w := toks[ti].Lower; {
	case personPronouns[w]:
		class, end = schema.Person, ti+1
	case w == "the":
		k := ti + 1
		// Modifiers: "the 64-year-old Republican", "the embattled company".
		for k < len(toks)-1 && (toks[k].Tag == "JJ" || toks[k].Tag == "CD" || strings.Contains(toks[k].Text, "-year-old")) {
			k++
		}
		if k >= len(toks) {
			return -1, ti
		}
		h := toks[k]
		switch {
		case h.Text == h.Lower && descriptionHeads[h.Lower] != "":
			class = descriptionHeads[h.Lower]
		case h.Text == h.Lower && (x.g.roleNouns[h.Lower] || h.Lower == "man" || h.Lower == "woman"):
			class = schema.Person
		case x.partyWord(h.Text):
			class = schema.Person // "the Republican"
		default:
			return -1, ti
		}
		head, end = h.Text, k+1
		// "the company's shares" is fine; "the company of", "the senator
		// John Smith" name something else.
		if end < len(toks) && (toks[end].Lower == "of" || upperFirst(toks[end].Text) && toks[end].Tag == "NNP") {
			return -1, ti
		}
	default:
		return -1, ti
	}
	cands := map[int]bool{}
	for s := max(0, si-corefWindow); s <= si; s++ {
		for _, mi := range x.sentMents[s] {
			m := x.ments[mi]
			if m.kind != kName || m.ent < 0 || s == si && m.i >= ti {
				continue
			}
			e := x.ents[m.ent]
			if !e.class.IsA(class) && !(class == schema.Person && e.class == schema.Person) {
				continue
			}
			if head != "" && class == schema.Person && !x.describedAs(m.ent, head) {
				continue
			}
			if head != "" && class != schema.Person && !headFits(head, x.ents[m.ent].name()) {
				continue
			}
			cands[m.ent] = true
		}
	}
	if len(cands) != 1 {
		return -1, end
	}
	for k := range cands {
		return k, end
	}
	return -1, end
}

// partyWord reports whether a capitalised word names a party as its
// members are called: "Republican", "Democrat", "Tory".
func (x *docState) partyWord(w string) bool {
	if !upperFirst(w) {
		return false
	}
	m, ok := names.Default().Family(w)
	return ok && m.Kind == names.KindParty
}

// describedAs reports whether the document gives entity k the title or
// party word: a role or party mention right before a mention of the name
// ("Senator Ana Ruiz", "Republican Ana Ruiz") or in an apposition after it
// ("Ana Ruiz, a Republican senator,").
func (x *docState) describedAs(k int, word string) bool {
	word = strings.ToLower(word)
	fits := func(m mention) bool {
		if m.kind != kRole && !(m.kind == kName && m.ent >= 0 && x.ents[m.ent].class == schema.PoliticalParty) {
			return false
		}
		for _, w := range strings.Fields(strings.ToLower(m.surface)) {
			if w == word || m.kind == kName && x.partyWord(m.surface) && sameParty(m.surface, word) {
				return true
			}
		}
		return false
	}
	for si, ms := range x.sentMents {
		toks := x.sents[si].Toks
		for n, mi := range ms {
			m := x.ments[mi]
			if m.ent != k || m.kind != kName {
				continue
			}
			// Before the name: "Senator Ana Ruiz", "Republican Senator Ana Ruiz".
			for p := n - 1; p >= 0 && p >= n-2; p-- {
				if fits(x.ments[ms[p]]) && x.ments[ms[p]].j <= m.i && m.i-x.ments[ms[p]].j <= 1 {
					return true
				}
			}
			// After it, in an apposition: "Ana Ruiz, a Republican senator,".
			if m.j < len(toks) && toks[m.j].Text == "," {
				for q := n + 1; q < len(ms) && x.ments[ms[q]].i <= m.j+5; q++ {
					if fits(x.ments[ms[q]]) {
						return true
					}
				}
				for t := m.j + 1; t < len(toks) && t <= m.j+5 && toks[t].Text != ","; t++ {
					if toks[t].Lower == word {
						return true // a lower-case title the patterns did not make a mention
					}
				}
			}
		}
	}
	return false
}

// sameParty reports whether two words name one party ("Democratic",
// "democrat").
func sameParty(a, b string) bool {
	ma, ok1 := names.Default().Family(a)
	mb, ok2 := names.Default().Family(titleCase(b))
	return ok1 && ok2 && ma.Canonical == mb.Canonical
}

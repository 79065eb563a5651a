// Corporate evidence: a name the tables do not know, guessed a person, that
// the document treats as a company somewhere.

package ingest

import (
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

// corporateAfterPossessive are the nouns after "X's" that only a company
// owns: "Navient's shares", "Norvik's chief executive". "X's spokesman"
// and "X's chief of staff" are not among them: people have both.
var corporateAfterPossessive = map[string]bool{"stock": true, "shares": true, "shareholders": true, "stockholders": true,
	"ceo": true, "board": true, "subsidiary": true, "subsidiaries": true, "revenue": true, "revenues": true,
	"earnings": true, "profit": true, "profits": true, "customers": true, "headquarters": true, "employees": true,
	"products": true, "stores": true, "units": true}

// tickerShape: a Reuters instrument code or an exchange ticker in
// parentheses after a name, "(NAVI.O)", "(PPC.O)", "(NYSE: BRK)".
func tickerShape(t string) bool {
	k := strings.IndexByte(t, '.')
	if k < 1 || k > 5 || len(t)-k-1 < 1 || len(t)-k-1 > 2 {
		return false
	}
	for _, r := range t[:k] + t[k+1:] {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// tickerAfter reports whether a company's ticker in parentheses opens at
// token k: "( NAVI.O )", or the same split by the tokenizer, "( NAVI . O )",
// which the sentence splitter may also cut after the period.
func tickerAfter(toks []token, k int) bool {
	if k+1 >= len(toks) || toks[k].Text != "(" {
		return false
	}
	t := toks[k+1].Text
	if tickerShape(t) {
		return k+2 < len(toks) && toks[k+2].Text == ")"
	}
	if !allCaps(t) || len(t) > 5 || strings.ContainsAny(t, ".-") || k+2 >= len(toks) || toks[k+2].Text != "." {
		return false
	}
	if k+3 == len(toks) {
		return true
	}
	x := toks[k+3].Text
	return len(x) <= 2 && allCaps(x) && k+4 < len(toks) && toks[k+4].Text == ")"
}

// tickerToken reports whether token i is the code inside a ticker's
// parentheses, which names no entity of its own.
func tickerToken(toks []token, i int) bool {
	return i > 0 && tickerAfter(toks, i-1)
}

// corporateCue reports whether the context of a name mention says it is
// a company: a ticker after it, "shares of X", "X's shares", "X's chief
// executive", "an analyst at X", "the X said" (people's names take no
// article).
func (x *docState) corporateCue(si int, m *mention) bool {
	toks := x.sents[si].Toks
	low := func(i int) string {
		if i < 0 || i >= len(toks) {
			return ""
		}
		return toks[i].Lower
	}
	switch {
	case tickerAfter(toks, m.j):
		return true
	case low(m.j) == "(" && (low(m.j+1) == "nyse" || low(m.j+1) == "nasdaq"):
		return true
	case low(m.j) == "'s" && (corporateAfterPossessive[low(m.j+1)] || low(m.j+1) == "chief" && low(m.j+2) == "executive"):
		return true
	case (low(m.i-1) == "of" || low(m.i-1) == "in") && (low(m.i-2) == "shares" || low(m.i-2) == "stake" || low(m.i-2) == "shareholders"):
		return true
	case low(m.i-1) == "at" && m.i >= 2 && toks[m.i-2].Text == low(m.i-2) && (x.g.roleNouns[low(m.i-2)] || occupationShape(low(m.i-2))) && !x.g.given[toks[m.i].Text]:
		return true
	case low(m.i-1) == "the" && (m.i < 2 || low(m.i-2) != "of") && speechVerbs[low(m.j)]:
		return true
	}
	return false
}

// corporateNames retypes, through the whole document, a name guessed a
// person (weakly: no given name, no title, no table) when one of its
// mentions has a company's cue: "Navient (NAVI.O)" makes "Navient said"
// a company's words too.
func (x *docState) corporateNames() {
	weak := func(m *mention) bool {
		if m.kind != kName || m.gazName != "" || !m.class.IsA(schema.Person) || m.strength >= 3 {
			return false
		}
		w := strings.Fields(m.stripped)
		return len(w) >= 1 && len(w) <= 2 && !x.g.given[w[0]] && !honorifics[w[0]]
	}
	// Words of the story's multi-word people's names: "Ross" is a surname
	// when "Wilbur Ross" is in the story, whatever its context.
	personWord := map[string]bool{}
	for si := range x.sents {
		for _, mi := range x.sentMents[si] {
			m := &x.ments[mi]
			if m.kind != kName {
				continue
			}
			w := strings.Fields(m.stripped)
			if m.class.IsA(schema.Person) && len(w) >= 2 && x.g.given[w[0]] {
				for _, s := range w {
					personWord[s] = true
				}
			}
		}
	}
	corp := map[string]bool{}
	for si := range x.sents {
		for _, mi := range x.sentMents[si] {
			m := &x.ments[mi]
			if weak(m) && !personWord[m.stripped] && x.corporateCue(si, m) {
				corp[m.stripped] = true
			}
		}
	}
	if len(corp) == 0 {
		return
	}
	for si := range x.sents {
		for _, mi := range x.sentMents[si] {
			if m := &x.ments[mi]; weak(m) && corp[m.stripped] {
				m.class, m.strength = schema.Organization, 2
			}
		}
	}
}

// distinctNames gives two entities of one document that would be shown
// under one name ("New York" the city and "New York" the state) their
// gazetteer names ("New York City", "New York State"), so that a reader
// of the graph tells them apart; the shared name stays an alias. gaz[k]
// is the gazetteer's name of ents[k], "" when it has none.
func distinctNames(ents []schema.Entity, gaz []string) {
	byName := map[string][]int{}
	for k, e := range ents {
		byName[e.Name] = append(byName[e.Name], k)
	}
	for _, ks := range byName {
		if len(ks) < 2 {
			continue
		}
		for _, k := range ks {
			if g := gaz[k]; g != "" && g != ents[k].Name {
				ents[k].Name = g
				if !containsStr(ents[k].Aliases, g) {
					ents[k].Aliases = append([]string{g}, ents[k].Aliases...)
				}
			}
		}
	}
}

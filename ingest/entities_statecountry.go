package ingest

import (
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

// stateCountries are names the gazetteer reads as a country that are also
// a U.S. state, with the words that keep the country's reading wherever
// the story uses them: its capital, its neighbours and regions, its
// history. "Georgia" in news from Washington is far more often the state
// (its senators, its governor's race, Atlanta) than the Caucasus republic.
var stateCountries = map[string][]string{
	"Georgia": {"tbilisi", "georgian", "georgians", "caucasus", "soviet", "abkhazia", "ossetia", "armenia", "azerbaijan", "ukraine", "saakashvili", "moldova", "chechnya"},
}

// settleStateCountries retypes a country name shared with a U.S. state as
// the state in a story about the United States that says nothing of the
// country (no capital, neighbour or demonym of it anywhere). A story with
// either reading's words, or not about the United States, keeps the
// country: a wrong state is no better than a wrong country, and the
// gazetteer's reading is the one other stories share.
func (x *docState) settleStateCountries() {
	for k, e := range x.ents {
		signals, ok := stateCountries[e.gaz]
		if !ok || e.class != schema.Country || len(e.surfaces) == 0 {
			continue
		}
		if x.docHasWord(signals, e.gaz) || !x.americanStory() && !x.stateContext(k) {
			continue
		}
		e.class = schema.Region
	}
}

// stateContext reports whether a mention of entity k has a U.S. state's
// context: a politician "of" or "from" it ("Senator David Perdue from
// Georgia"), or a state's office or party member after it ("Georgia
// Governor", "a Georgia Democrat"), as a country's never has.
func (x *docState) stateContext(k int) bool {
	for i := range x.ments {
		m := &x.ments[i]
		if m.ent != k || m.kind != kName {
			continue
		}
		toks := x.sents[m.sent].Toks
		if m.j < len(toks) && (stateOffices[toks[m.j].Lower] || toks[m.j].Text == "Democrat" || toks[m.j].Text == "Republican") {
			return true
		}
		if m.i < 2 || toks[m.i-1].Lower != "of" && toks[m.i-1].Lower != "from" {
			continue
		}
		for _, mi := range x.sentMents[m.sent] {
			o := x.ments[mi]
			if o.j == m.i-1 && o.ent >= 0 && (o.kind == kRole || o.kind == kName && x.ents[o.ent].class == schema.Person) {
				return true
			}
		}
	}
	return false
}

// docHasWord reports whether any token of the document is one of words
// (lower case), or "republic of" precedes the country's name.
func (x *docState) docHasWord(words []string, name string) bool {
	for _, s := range x.sents {
		for i, t := range s.Toks {
			for _, w := range words {
				if t.Lower == w || strings.HasPrefix(t.Lower, w+"-") {
					return true
				}
			}
			if t.Lower == "republic" && i+2 < len(s.Toks) && s.Toks[i+1].Lower == "of" && s.Toks[i+2].Text == name {
				return true
			}
		}
	}
	return false
}

package resolve

import (
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/names"
)

// chamber: a committee, subcommittee or caucus of the U.S. Congress goes by
// several spellings of its chamber ("U.S. House of Representatives
// Intelligence Committee", "U.S. House Intelligence Committee", "House
// Intelligence Committee"), and news uses them all. Those spellings are one
// body: the shared name once "U.S." and "of Representatives" are set aside
// is the evidence. Into the plain name, else the one most documents name.
func (w *world) chamber() []Candidate {
	var out []Candidate
	for _, es := range w.sameKey(func(e *entity) (string, bool) {
		if e.top != "organization" {
			return "", false
		}
		return chamberBody(e.name)
	}) {
		into := preferred(es, func(e *entity) bool {
			plain, _ := chamberPlain(e.name)
			return plain == e.name
		})
		plain, _ := chamberPlain(into.name)
		for _, e := range es {
			if e == into {
				continue
			}
			ev := fmt.Sprintf("one body of the U.S. Congress: %q and %q are both %q once \"U.S.\" and \"of Representatives\" are set aside", e.name, into.name, plain)
			out = append(out, w.candidate(e, into, RuleChamber, false, ev))
		}
	}
	return out
}

// chamberBodyWords end the name of a body within a chamber; the chamber
// itself ("U.S. House") is the names table's family.
var chamberBodyWords = map[string]bool{"Committee": true, "Subcommittee": true, "Caucus": true}

// chamberBody is the key of a congressional body's name, and whether the
// name is one.
func chamberBody(name string) (string, bool) {
	plain, ok := chamberPlain(name)
	if !ok {
		return "", false
	}
	words := strings.Fields(plain)
	if len(words) < 3 || !chamberBodyWords[words[len(words)-1]] {
		return "", false
	}
	return names.Key(plain), true
}

// chamberPlain is the name as news writes it most often ("House
// Intelligence Committee"), and whether it starts with a chamber of the
// U.S. Congress.
func chamberPlain(name string) (string, bool) {
	s := strings.TrimSpace(name)
	for _, p := range []string{"U.S. ", "US ", "United States "} {
		s = strings.TrimPrefix(s, p)
	}
	if rest, ok := strings.CutPrefix(s, "House of Representatives "); ok {
		s = "House " + rest
	}
	return s, strings.HasPrefix(s, "House ") || strings.HasPrefix(s, "Senate ")
}

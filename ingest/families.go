package ingest

import (
	"strings"

	"github.com/newsgraph/newsgraph/names"
	"github.com/newsgraph/newsgraph/schema"
)

// settleFamilies decides, within one document, what an ambiguous name of
// a family in the names tables means ("the House", "the Supreme Court",
// "Treasury"). Across documents resolution can only merge whole nodes, and
// one "House" node holds every story's House, the Maine House's too; within
// a story the question has an answer:
//   - a longer name in the story that ends with the short one ("Alabama
//     Supreme Court", "Maine House") is what the short one means there;
//   - else a node of the family named unambiguously in the story ("House of
//     Representatives", "U.S. House") is;
//   - else, when the story names a family of the family's context
//     (families.tsv: the U.S. Senate, Congress, the two parties for the
//     U.S. House), the short name is the family's entity, named by its
//     canonical name.
//
// Otherwise the short name stays a node of its own, for resolution to
// propose. It runs after resolve, before the relation rules.
func (x *docState) settleFamilies() {
	tb := names.Default()
	type fam struct {
		canonical string
		ambiguous bool
		f         names.Family
	}
	fams := make([]fam, len(x.ents))
	inDoc := map[string]int{} // canonical → an unambiguous entity of the family, -2 for several
	for k, e := range x.ents {
		if e.class.Top() == schema.Person || e.class == schema.Role || len(e.surfaces) == 0 {
			continue
		}
		var got fam
		ok := true
		for s := range e.surfaces {
			m, found := tb.Family(s)
			if !found && e.gaz != "" {
				m, found = tb.Family(e.gaz)
			}
			if !found || got.canonical != "" && got.canonical != m.Canonical || m.Class.Top() != e.class.Top() {
				ok = false
				break
			}
			if got.canonical == "" {
				got = fam{canonical: m.Canonical, ambiguous: true, f: m.Family}
			}
			got.ambiguous = got.ambiguous && m.Ambiguous
		}
		if !ok || got.canonical == "" {
			continue
		}
		fams[k] = got
		if !got.ambiguous {
			if old, seen := inDoc[got.canonical]; seen && old != k {
				inDoc[got.canonical] = -2
			} else {
				inDoc[got.canonical] = k
			}
		}
	}
	for k, e := range x.ents {
		f := fams[k]
		if f.canonical == "" || !f.ambiguous || len(e.surfaces) == 0 {
			continue
		}
		if r := x.longerName(k); r != -1 {
			if r >= 0 {
				x.mergeEntity(k, r)
			}
			continue
		}
		if x.stateQualified(k) {
			continue // "the state Supreme Court": a state's, whatever else the story names
		}
		if t, ok := inDoc[f.canonical]; ok {
			if t >= 0 {
				x.mergeEntity(k, t)
			}
			continue
		}
		for _, c := range f.f.Context {
			if _, ok := inDoc[c]; ok {
				e.gaz, e.class = f.canonical, f.f.Class
				break
			}
		}
	}
}

// longerName finds the one other organisation or place of the document
// whose name ends with a name of entity k ("Maine House" for "House"): -1
// when there is none, -2 when there are several.
func (x *docState) longerName(k int) int {
	found := -1
	for r, o := range x.ents {
		if r == k || o.class.Top() == schema.Person || o.class == schema.Role || len(o.surfaces) == 0 {
			continue
		}
		for s := range x.ents[k].surfaces {
			hit := false
			for os := range o.surfaces {
				// "Maine House", "Alabama Supreme Court": a place's; "House
				// of Commons": another house ("White House" is neither).
				if place, ok := strings.CutSuffix(os, " "+s); ok {
					if e, known := x.lookup(place); known && e.Class.IsA(schema.Location) {
						hit = true
						break
					}
				}
				if rest, ok := strings.CutPrefix(os, s+" of "); ok && len(strings.Fields(rest)) == 1 {
					hit = true
					break
				}
			}
			if !hit {
				continue
			}
			if m, ok := names.Default().Family(o.name()); ok && !m.Ambiguous {
				if f, ok2 := names.Default().Family(s); ok2 && f.Canonical == m.Canonical {
					continue // "House of Representatives" is the House's own family
				}
			}
			if found >= 0 && found != r {
				return -2
			}
			found = r
		}
	}
	return found
}

// mergeEntity makes entity from one with entity into: its names become
// aliases of into and its mentions point to into. It runs before the
// relation rules, so no fact refers to from yet.
func (x *docState) mergeEntity(from, into int) {
	e := x.ents[from]
	for _, a := range e.aliases {
		x.addSurface(into, a, "", 0, e.lastSent)
	}
	e.surfaces = map[string]int{}
	for i := range x.ments {
		if x.ments[i].ent == from {
			x.ments[i].ent = into
		}
	}
}

// stateQualified reports whether a mention of entity k follows "state"
// ("the state House", "the state's Supreme Court").
func (x *docState) stateQualified(k int) bool {
	for _, m := range x.ments {
		if m.ent != k || m.kind != kName || m.i == 0 {
			continue
		}
		toks := x.sents[m.sent].Toks
		if p := toks[m.i-1].Lower; p == "state" || p == "'s" && m.i >= 2 && toks[m.i-2].Lower == "state" {
			return true
		}
	}
	return false
}

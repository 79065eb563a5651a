package api

import (
	"sort"
	"strconv"

	"github.com/dennwc/graphql/language/ast"
	"github.com/dennwc/graphql/language/parser"
)

// limitGraphQL gives every object field of a GraphQL query that has no
// `first:` argument one of n, so that Cayley stops reading after n nodes
// per level instead of answering { nodes { id } } with every node of the
// store. The text is edited at the parser's byte offsets, so the rest of
// the query (Cayley's IRI syntax included) is left as written. A query the
// parser refuses is returned as is: Cayley will report the error.
func limitGraphQL(src string, n int) string {
	doc, err := parser.Parse(parser.ParseParams{Source: src})
	if err != nil {
		return src
	}
	type edit struct {
		at   int
		text string
	}
	var edits []edit
	first := " first: " + strconv.Itoa(n)
	var walk func(set *ast.SelectionSet)
	walk = func(set *ast.SelectionSet) {
		if set == nil {
			return
		}
		for _, sel := range set.Selections {
			f, ok := sel.(*ast.Field)
			if !ok || f.SelectionSet == nil || f.Name == nil || f.Name.Loc == nil {
				continue
			}
			has := false
			for _, a := range f.Arguments {
				has = has || (a.Name != nil && a.Name.Value == "first")
			}
			switch {
			case has:
			case len(f.Arguments) > 0:
				last := f.Arguments[len(f.Arguments)-1]
				if last.Loc == nil {
					continue
				}
				edits = append(edits, edit{last.Loc.End, "," + first})
			default:
				edits = append(edits, edit{f.Name.Loc.End, "(" + first + ")"})
			}
			walk(f.SelectionSet)
		}
	}
	for _, d := range doc.Definitions {
		if op, ok := d.(*ast.OperationDefinition); ok {
			walk(op.SelectionSet)
		}
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].at > edits[j].at })
	out := src
	for _, e := range edits {
		if e.at < 0 || e.at > len(out) {
			return src
		}
		out = out[:e.at] + e.text + out[e.at:]
	}
	return out
}

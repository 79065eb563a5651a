package gizmo

import (
	"context"
	"testing"

	"github.com/cayleygraph/cayley/graph/memstore"
	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/quad"
)

// TestHopAnswersOneStepOnly: Options.Hop answers ToValue of
// g.V(node).Out(predicate) and nothing else. The hook here answers a value
// the store does not hold, so each case shows which of the two answered;
// a hook that answered any other path shape would change what scripts
// read (it only knows one node's objects of one predicate).
func TestHopAnswersOneStepOnly(t *testing.T) {
	qs := memstore.New(
		quad.Make(quad.IRI("a"), quad.IRI("p"), quad.String("stored"), nil),
		quad.Make(quad.IRI("a"), quad.IRI("q"), quad.IRI("b"), nil),
		quad.Make(quad.IRI("b"), quad.IRI("p"), quad.String("stored b"), nil),
	)
	var asked [][2]quad.Value
	hop := func(from, pred quad.Value) ([]quad.Value, bool) {
		asked = append(asked, [2]quad.Value{from, pred})
		switch pred {
		case quad.IRI("p"):
			return []quad.Value{quad.String("hop")}, true
		case quad.IRI("none"):
			return nil, true
		case quad.IRI("two"):
			return []quad.Value{quad.String("x"), quad.String("y")}, true
		}
		return nil, false
	}
	cases := []struct{ src, want string }{
		{`g.V("<a>").Out("<p>").ToValue()`, "hop"},
		{`(function () { var v = g.V("<a>"); v.Out("<q>"); return v.Out("<p>").ToValue() })()`, "hop"},
		{`g.V("<a>").Out("<none>").ToValue()`, "<nil>"},
		{`g.V("<a>").Out("<two>").ToValue()`, "<nil>"}, // the store's answer: it has no such quads
		{`g.V("<a>").Out("<q>").ToValue()`, "<b>"},     // the hook does not know: the store
		{`g.V("<a>").Out("<q>").Out("<p>").ToValue()`, "stored b"},
		{`g.V("<a>", "<b>").Out("<p>").ToValue()`, "stored"},
		{`g.V("<a>").Out("<p>", "t").ToValue()`, "stored"},
		{`g.V("<a>").In("<p>").ToValue()`, "<nil>"},
		{`g.V("<a>").Out("<p>").ToArray()[0]`, "stored"},
		{`g.V("<a>").Out(["<p>"]).Has("<p>").ToValue()`, "<nil>"},
	}
	for _, c := range cases {
		s, err := NewSessionWith(qs, Options{MaxRows: 10, Hop: hop})
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		it, err := s.Execute(ctx, `g.Emit(String(`+c.src+`))`, query.Options{Collation: query.Raw})
		if err != nil {
			t.Fatal(err)
		}
		var got []any
		for it.Next(ctx) {
			if r, ok := it.Result().(*Result); ok && !r.Meta {
				got = append(got, r.Val)
			}
		}
		if err := it.Err(); err != nil {
			t.Fatalf("%s: %v", c.src, err)
		}
		it.Close()
		want := c.want
		if want == "<nil>" {
			want = "null"
		}
		if len(got) != 1 || got[0] != want {
			t.Errorf("%s = %v, want %q", c.src, got, want)
		}
	}
	if len(asked) == 0 {
		t.Fatal("the hook was never asked")
	}
}

package gizmo

import (
	"context"
	"fmt"
	"testing"

	"github.com/cayleygraph/cayley/graph/memstore"
	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/quad"
)

// A script run again through the same Programs is not compiled again, a
// script that does not compile is not kept, and the cache starts over
// when full instead of growing.
func TestProgramsKeepCompiledScripts(t *testing.T) {
	var p Programs
	a, err := p.compile("a.js", "1 + 1")
	if err != nil {
		t.Fatal(err)
	}
	again, err := p.compile("a.js", "1 + 1")
	if err != nil || again != a {
		t.Fatalf("second compile of the same script: %p, %v; want the first program %p", again, err, a)
	}
	if other, err := p.compile("b.js", "1 + 1"); err != nil || other == a {
		t.Fatalf("the same source under another name (its error positions): %p, %v; want a program of its own", other, err)
	}
	if _, err := p.compile("bad.js", "var ="); err == nil {
		t.Fatal("a syntax error compiled")
	}
	if _, kept := p.m[programKey{"bad.js", "var ="}]; kept {
		t.Error("a script that does not compile was kept")
	}
	for i := range 2 * maxPrograms {
		if _, err := p.compile("n.js", fmt.Sprint(i)); err != nil {
			t.Fatal(err)
		}
	}
	if len(p.m) > maxPrograms {
		t.Errorf("%d programs kept, want at most %d", len(p.m), maxPrograms)
	}
}

// Sessions that share Programs run the cached lib and query with their
// own globals: a cached program carries no state of the run that
// compiled it.
func TestProgramsSharedBySessions(t *testing.T) {
	qs := memstore.New(quad.Make(quad.IRI("a"), quad.IRI("knows"), quad.IRI("b"), nil))
	var progs Programs
	for _, who := range []string{"first", "second"} {
		s, err := NewSessionWith(qs, Options{
			Globals:  map[string]any{"who": who},
			Prelude:  []Script{{Name: "lib.js", Source: `var seen = (typeof seen === "undefined") ? 0 : seen + 1;`}},
			Name:     "q.js",
			Programs: &progs,
		})
		if err != nil {
			t.Fatal(err)
		}
		it, err := s.Execute(context.Background(), `g.Emit(who + " " + seen)`, query.Options{Collation: query.Raw})
		if err != nil {
			t.Fatal(err)
		}
		var got []any
		for it.Next(context.Background()) {
			if r, ok := it.Result().(*Result); ok && !r.Meta {
				got = append(got, r.Val)
			}
		}
		if err := it.Err(); err != nil {
			t.Fatal(err)
		}
		it.Close()
		if want := who + " 0"; len(got) != 1 || got[0] != want {
			t.Errorf("%s session emitted %v, want [%q]", who, got, want)
		}
	}
	if len(progs.m) != 2 {
		t.Errorf("%d programs cached, want 2 (lib.js and q.js)", len(progs.m))
	}
}

package queries

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/query"

	"github.com/newsgraph/newsgraph/queries/gizmo"

	"github.com/newsgraph/newsgraph/schema"
)

func mustLoad(t *testing.T, dir string) *Registry {
	t.Helper()
	reg, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	return reg
}

func run(t *testing.T, r *Runner, reg *Registry, name string, params map[string]string) *Result {
	t.Helper()
	q, ok := reg.Get(name)
	if !ok {
		t.Fatalf("no query %q", name)
	}
	res, err := r.Run(context.Background(), q, params)
	if err != nil {
		t.Fatalf("%s %v: %v", name, params, err)
	}
	return res
}

func same(t *testing.T, what string, got, want []string) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got  %q\n want %q", what, got, want)
	}
}

func TestSavedQueries(t *testing.T) {
	st := openFixture(t)
	reg := mustLoad(t, "")
	r := &Runner{QS: st.QuadStore()}

	t.Run("roles", func(t *testing.T) {
		res := run(t, r, reg, "roles", map[string]string{"person": "Quill"})
		same(t, "roles", sortedTable(res, "person", "role", "former", "document", "confidence", "source", "target"), []string{
			"Mara Quill | Special Envoy for Varna | false | doc:valley-1 | 0.9 | " + quill.IRI + " | " + envoy.IRI,
			"Mara Quill | Special Envoy for Varna | true | doc:valley-2 | 0.85 | " + quill.IRI + " | " + envoy.IRI,
		})
		same(t, "columns", res.Columns, []string{"person", "role", "former", "document", "sentence", "confidence", "qualifiers", "source", "target"})
		for _, row := range res.Rows {
			if s := row["sentence"]; row["document"] == "doc:valley-1" && s != "Mara Quill, the Special Envoy for Varna, spoke on Monday." {
				t.Errorf("sentence %q", s)
			}
		}
	})
	t.Run("who-controls", func(t *testing.T) {
		res := run(t, r, reg, "who-controls", map[string]string{"place": "varna"})
		same(t, "who-controls", table(res, "place", "actor", "negated", "document", "qualifiers"), []string{
			"Varna | Northern Shield Front | false | doc:valley-1 | ",
			"Varna | Ostland | true | doc:valley-2 | negated=true",
		})
	})
	t.Run("relations", func(t *testing.T) {
		res := run(t, r, reg, "relations", map[string]string{"entity": "NSF"})
		same(t, "relations", sortedTable(res, "direction", "predicate", "other", "document", "confidence"), []string{
			"in | backs | Ostland | doc:valley-1 | 0.7",
			"in | opposes | Mara Quill | doc:valley-1 | 0.6",
			"out | controls | Dorn | doc:valley-2 | 0.75",
			"out | controls | Varna | doc:valley-1 | 0.8",
		})
		// Order: facts out, then facts in.
		same(t, "directions", table(res, "direction"), []string{"out", "out", "in", "in"})
		// A literal-valued fact has no node to draw: no source/target.
		res = run(t, r, reg, "relations", map[string]string{"entity": "lume camp", "predicate": "population"})
		same(t, "population", table(res, "predicate", "other", "qualifiers", "source", "target"), []string{
			"population | 12000 | approximate=true | <nil> | <nil>",
		})
	})
	t.Run("statements", func(t *testing.T) {
		res := run(t, r, reg, "statements", map[string]string{"speaker": "Mara Quill"})
		same(t, "statements", table(res, "speaker", "quote", "document", "title"), []string{
			"Mara Quill | We will not negotiate under fire | doc:valley-1 | Militia tightens grip on Varna",
			"Mara Quill | Dorn must stay open | doc:valley-2 | Envoy visits Dorn",
		})
	})
	t.Run("sources", func(t *testing.T) {
		res := run(t, r, reg, "sources", map[string]string{"entity": "Dorn"})
		same(t, "sources", table(res, "entity", "document", "title", "publisher", "url"), []string{
			"Dorn | doc:valley-1 | Militia tightens grip on Varna | Example Wire | https://example.org/valley-1",
			"Dorn | doc:valley-2 | Envoy visits Dorn | Example Wire | https://example.org/valley-2",
		})
		if p, ok := res.Rows[0]["published"].(time.Time); !ok || !p.Equal(time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("published = %#v", res.Rows[0]["published"])
		}
	})
	t.Run("entities", func(t *testing.T) {
		res := run(t, r, reg, "entities", map[string]string{"class": "location"})
		same(t, "locations", sortedTable(res, "entity", "class", "documents"), []string{
			"Dorn | City | 2", "Lume camp | Camp | 1", "Ostland | Country | 2", "Varna | Province | 2",
		})
		res = run(t, r, reg, "entities", map[string]string{"class": "Organization"})
		same(t, "organizations", sortedTable(res, "entity", "class", "iri"), []string{
			"Harbor Times | MediaOutlet | " + harbor.IRI,
			"Northern Shield Front | ArmedGroup | " + nsf.IRI,
		})
		res = run(t, r, reg, "entities", map[string]string{"class": "region"})
		same(t, "regions", table(res, "entity", "class"), []string{"Varna | Province"})
	})
	t.Run("connections", func(t *testing.T) {
		res := run(t, r, reg, "connections", map[string]string{"from": "Quill", "to": "Ostland"})
		same(t, "connections", table(res, "path", "hops", "step", "subject", "predicate", "object"), []string{
			"1 | 2 | 1 | Mara Quill | opposes | Northern Shield Front",
			"1 | 2 | 2 | Ostland | backs | Northern Shield Front",
		})
		res = run(t, r, reg, "connections", map[string]string{"from": "Quill", "to": "Ostland", "hops": "1"})
		if len(res.Rows) != 0 {
			t.Errorf("1 hop: %v", res.Rows)
		}
		// More hops find no more: "Ostland does not control Varna" is
		// evidence, not an edge, so no path may walk it.
		res = run(t, r, reg, "connections", map[string]string{"from": "Quill", "to": "Ostland", "hops": "4"})
		for _, row := range res.Rows {
			if row["predicate"] == "controls" && row["subject"] == "Ostland" {
				t.Errorf("a path walks the negated fact: %v", row)
			}
		}
		if len(res.Rows) != 2 {
			t.Errorf("hops=4: %v", res.Rows)
		}
	})
	t.Run("shortest-path", func(t *testing.T) {
		res := run(t, r, reg, "shortest-path", map[string]string{"from": "Quill", "to": "Ostland"})
		same(t, "shortest-path", table(res, "path", "hops", "step", "subject", "predicate", "object", "source", "target"), []string{
			"1 | 2 | 1 | Mara Quill | opposes | Northern Shield Front | " + quill.IRI + " | " + nsf.IRI,
			"1 | 2 | 2 | Ostland | backs | Northern Shield Front | " + ostland.IRI + " | " + nsf.IRI,
		})
		res = run(t, r, reg, "shortest-path", map[string]string{"from": "Ilan Brook", "to": "Quill"})
		if len(res.Rows) != 0 {
			t.Errorf("Brook is not connected to Quill by facts: %v", res.Rows)
		}
		res = run(t, r, reg, "shortest-path", map[string]string{"from": "Lume camp", "to": "dorn"})
		same(t, "lume-dorn", table(res, "subject", "predicate", "object"), []string{
			"Lume camp | located_in | Varna", "Dorn | located_in | Varna",
		})
	})
}

func TestNameResolution(t *testing.T) {
	st := openFixture(t)
	ctx := context.Background()
	for text, want := range map[string][]string{
		"Mara Quill":        {quill.IRI},
		"Envoy Quill":       {quill.IRI}, // alias, exact
		"quill":             {quill.IRI}, // case-insensitive
		"  mara   QUILL ":   {quill.IRI}, // spaces folded
		quill.IRI:           {quill.IRI}, // an IRI as such
		"NSF":               {nsf.IRI},
		"nsf":               {nsf.IRI},
		"Varna province":    {varna.IRI},
		"Nobody":            {},
		"ent:person/nobody": {},
		"Quill.*":           {}, // regular-expression characters are literal
		"":                  {},
	} {
		// Read from index keys and by scans alike.
		for _, keys := range []KeyReader{nil, st} {
			got, err := ResolveName(ctx, st.QuadStore(), keys, text)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) == 0 {
				got = []string{}
			}
			same(t, fmt.Sprintf("ResolveName(%s), keys %v", text, keys != nil), got, want)
		}
	}
	// The Gizmo resolver agrees: roles by every spelling gives the same rows.
	reg := mustLoad(t, "")
	r := &Runner{QS: st.QuadStore()}
	want := table(run(t, r, reg, "roles", map[string]string{"person": "Mara Quill"}), "person", "role", "document")
	for _, text := range []string{"Envoy Quill", "quill", "  mara   QUILL ", quill.IRI} {
		same(t, "roles by "+text, table(run(t, r, reg, "roles", map[string]string{"person": text}), "person", "role", "document"), want)
	}
	// Exact beats case-insensitive: "Dorn" (a city) must not also pick a
	// different entity spelled "dorn".
	other := doc("valley-3", "Dorn family", time.Time{}, []schema.Entity{ent(schema.Person, "Ada dorn", "dorn")},
		[]string{"Ada dorn spoke."})
	st2 := openFixture(t, other)
	for _, keys := range []KeyReader{nil, st2} {
		got, err := ResolveName(ctx, st2.QuadStore(), keys, "Dorn")
		if err != nil {
			t.Fatal(err)
		}
		same(t, "exact first", got, []string{dorn.IRI})
		got, _ = ResolveName(ctx, st2.QuadStore(), keys, "DORN")
		same(t, "both folded", got, []string{dorn.IRI, schema.EntityIRI(schema.Person, "Ada dorn")})
	}
}

func TestUnknownNameIsAClearError(t *testing.T) {
	st := openFixture(t)
	reg := mustLoad(t, "")
	r := &Runner{QS: st.QuadStore()}
	q, _ := reg.Get("roles")
	_, err := r.Run(context.Background(), q, map[string]string{"person": "Nobody Atall"})
	if err == nil || !strings.Contains(err.Error(), `no entity named "Nobody Atall"`) {
		t.Fatalf("err = %v", err)
	}
	q, _ = reg.Get("shortest-path")
	_, err = r.Run(context.Background(), q, map[string]string{"from": "Nobody", "to": "Quill"})
	var pe *ParamError
	if !errors.As(err, &pe) || pe.Param != "from" {
		t.Fatalf("err = %v", err)
	}
}

func TestParamErrors(t *testing.T) {
	reg := mustLoad(t, "")
	q, _ := reg.Get("connections")
	for _, c := range []struct {
		params map[string]string
		param  string
	}{
		{map[string]string{"from": "a"}, "to"},
		{map[string]string{"from": "a", "to": "b", "hops": "three"}, "hops"},
		{map[string]string{"from": "a", "to": "b", "hops": "9007199254740993"}, "hops"},
		{map[string]string{"from": "a", "to": "b", "colour": "red"}, "colour"},
		{map[string]string{"from": " ", "to": "b"}, "from"},
		{map[string]string{"from": "a\xff", "to": "b"}, "from"},
		{map[string]string{"from": strings.Repeat("a", maxParamLen+1), "to": "b"}, "from"},
	} {
		_, err := Bind(q, c.params)
		var pe *ParamError
		if !errors.As(err, &pe) || pe.Param != c.param {
			t.Errorf("%v: err = %v, want a ParamError on %s", c.params, err, c.param)
		}
	}
	vals, err := Bind(q, map[string]string{"from": "a", "to": "b"})
	if err != nil || vals["hops"] != int64(3) {
		t.Errorf("default: %v %v", vals, err)
	}
	p := Query{Name: "t", Params: []Param{{Name: "f", Type: "float"}, {Name: "b", Type: "bool"}, {Name: "o", Type: "string"}}}
	vals, err = Bind(p, map[string]string{"f": "0.25", "b": "true"})
	if err != nil || vals["f"] != 0.25 || vals["b"] != true {
		t.Errorf("typed: %v %v", vals, err)
	}
	if _, ok := vals["o"]; ok {
		t.Errorf("optional without default must be absent: %v", vals)
	}
	for _, bad := range []map[string]string{{"f": "NaN"}, {"f": "1e999"}, {"b": "yes please"}} {
		if _, err := Bind(p, bad); err == nil {
			t.Errorf("%v accepted", bad)
		}
	}
}

// hostile are parameter values that would break out of a JavaScript
// string or comment if pasted into source.
var hostile = []string{
	`x") ; g.V().All(); ("`,
	`x'); g.Emit("pwned"); ('`,
	`"; g.Emit("pwned"); "`,
	"\u2028g.Emit('pwned')//",
	`\"); g.Emit("pwned"); //`,
	"*/ g.Emit('pwned') /*",
	`</script><script>g.Emit("pwned")</script>`,
	"`${g.Emit('pwned')}`",
	`_:x`,
	`<ent:person/mara-quill>`,
}

func TestInjection(t *testing.T) {
	// One person is really named like an injection attempt: the query must
	// find exactly that person, and every other hostile value nothing.
	weird := ent(schema.Person, hostile[0])
	odd := doc("odd", "Odd names", time.Time{}, []schema.Entity{weird, envoy}, []string{"The odd one is an envoy."},
		fact(weird, "role", envoy.IRI, 0, 0.5))
	st := openFixture(t, odd)
	reg := mustLoad(t, "")
	r := &Runner{QS: st.QuadStore()}
	q, _ := reg.Get("roles")

	res, err := r.Run(context.Background(), q, map[string]string{"person": hostile[0]})
	if err != nil {
		t.Fatal(err)
	}
	same(t, "the strange name", table(res, "person", "role", "document"), []string{hostile[0] + " | Special Envoy for Varna | doc:odd"})

	for _, h := range hostile[1:] {
		res, err := r.Run(context.Background(), q, map[string]string{"person": h})
		if err == nil || !strings.Contains(err.Error(), "no entity named") {
			t.Errorf("%q: rows %v, err %v; want no entity", h, res, err)
		}
	}
	// The same through the text form (Program), as the console would run it.
	for _, h := range hostile {
		src, err := Program(q, map[string]string{"person": h})
		if err != nil {
			t.Fatal(err)
		}
		res, err := r.Gizmo(context.Background(), src)
		if h == hostile[0] {
			if err != nil || len(res.Rows) != 1 || res.Rows[0]["person"] != h {
				t.Errorf("Program(%q): %v %v", h, res, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), "no entity named") {
			t.Errorf("Program(%q): rows %v, err %v; want no entity", h, res, err)
		}
	}
	// params is frozen: a script cannot rewrite what the caller bound.
	user := t.TempDir()
	os.WriteFile(filepath.Join(user, "p.js"), []byte("// name: p\n// param: a string required  x\n"+
		"try { params.a = 'changed'; } catch (e) {}\nparams = {a: 'replaced'};\ng.Emit({a: params.a, frozen: Object.isFrozen(params)});\n"), 0o600)
	reg = mustLoad(t, user)
	q, _ = reg.Get("p")
	res, err = r.Run(context.Background(), q, map[string]string{"a": "orig"})
	if err != nil {
		t.Fatal(err)
	}
	same(t, "frozen params", table(res, "a", "frozen"), []string{"orig | true"})
}

func TestTimeoutStopsInfiniteLoop(t *testing.T) {
	st := openFixture(t)
	base := runtime.NumGoroutine()
	defer func() {
		// Every interrupted script's goroutine has ended: nothing spins on.
		for i := 0; i < 100 && runtime.NumGoroutine() > base; i++ {
			time.Sleep(50 * time.Millisecond)
		}
		if n := runtime.NumGoroutine(); n > base {
			buf := make([]byte, 1<<16)
			t.Errorf("%d goroutines left running (before: %d)\n%s", n, base, buf[:runtime.Stack(buf, true)])
		}
	}()
	r := &Runner{QS: st.QuadStore(), Timeout: 200 * time.Millisecond}
	for _, src := range []string{
		`while (true) {}`,
		`for (;;) { g.V().ToArray(); }`,
		`g.V().ForEach(function (d) { while (true) {} })`,
	} {
		done := make(chan error, 1)
		go func() {
			_, err := r.Gizmo(context.Background(), src)
			done <- err
		}()
		select {
		case err := <-done:
			if !errors.Is(err, ErrTimeout) || !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("%s: err = %v, want the time limit", src, err)
			}
		case <-time.After(30 * time.Second):
			t.Fatalf("%s: not stopped", src)
		}
	}
	// A caller's own cancellation (a client that went away) stops it too.
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	r.Timeout = -1
	if _, err := r.Gizmo(ctx, `while (true) {}`); !errors.Is(err, context.Canceled) {
		t.Errorf("cancel: err = %v", err)
	}
	// The saved-query path has the same limit.
	user := t.TempDir()
	os.WriteFile(filepath.Join(user, "spin.js"), []byte("// name: spin\nwhile (true) {}\n"), 0o600)
	q, _ := mustLoad(t, user).Get("spin")
	r.Timeout = 100 * time.Millisecond
	if _, err := r.Run(context.Background(), q, nil); !errors.Is(err, ErrTimeout) {
		t.Errorf("saved: err = %v", err)
	}
}

func TestRowLimit(t *testing.T) {
	st := openFixture(t)
	r := &Runner{QS: st.QuadStore(), RowLimit: 5, Timeout: 20 * time.Second}
	ctx := context.Background()
	// Endless rows: cut at the limit, and the script is stopped.
	res, err := r.Gizmo(ctx, `for (var i = 0; ; i++) { g.Emit({i: i}); }`)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rows) != 5 || !res.Truncated || res.Rows[4]["i"] != int64(4) {
		t.Errorf("emit: %d rows, truncated %v: %v", len(res.Rows), res.Truncated, res.Rows)
	}
	// GetLimit cannot raise it.
	res, err = r.Gizmo(ctx, `g.V().GetLimit(1000000)`)
	if err != nil || len(res.Rows) != 5 || !res.Truncated {
		t.Errorf("GetLimit: %v rows, truncated %v, %v", len(res.Rows), res.Truncated, err)
	}
	// Exactly the limit is not "truncated".
	res, err = r.Gizmo(ctx, `for (var i = 0; i < 5; i++) g.Emit(i)`)
	if err != nil || len(res.Rows) != 5 || res.Truncated || res.Rows[0]["value"] != int64(0) {
		t.Errorf("exact: %v %v", res, err)
	}
	// Arrays collected inside the script are capped as well.
	r.ArrayLimit = 10
	if _, err := r.Gizmo(ctx, `var a = g.V().ToArray(); g.Emit(a.length)`); err == nil || !strings.Contains(err.Error(), "more than 10 results") {
		t.Errorf("array cap: %v", err)
	}
	// Go queries obey the row limit.
	r.RowLimit = 1
	q, _ := mustLoad(t, "").Get("shortest-path")
	res, err = r.Run(ctx, q, map[string]string{"from": "Quill", "to": "Ostland"})
	if err != nil || len(res.Rows) != 1 || !res.Truncated {
		t.Errorf("go query: %v %v", res, err)
	}
}

func TestMemoryLimit(t *testing.T) {
	st := openFixture(t)
	r := &Runner{QS: st.QuadStore(), Timeout: 60 * time.Second, MaxHeap: 128 << 20}
	_, err := r.Gizmo(context.Background(), `var a = []; for (var i = 0; ; i++) { a.push("x".repeat(1 << 20) + i); }`)
	if !errors.Is(err, ErrMemoryLimit) {
		t.Fatalf("err = %v, want the memory limit", err)
	}
}

func TestPanicInNativeFunctionIsAnError(t *testing.T) {
	st := openFixture(t)
	r := &Runner{QS: st.QuadStore()}
	// Upstream Gizmo crashes the whole process on these.
	for _, src := range []string{`g.V().Out({})`, `iri({a: 1})`, `g.V(str([{}]))`} {
		if _, err := r.Gizmo(context.Background(), src); err == nil {
			t.Errorf("%s: no error", src)
		}
	}
	if _, err := r.Gizmo(context.Background(), `g.V(`); err == nil {
		t.Error("syntax error accepted")
	}
}

func TestAdHocGizmoRows(t *testing.T) {
	st := openFixture(t)
	r := &Runner{QS: st.QuadStore()}
	// The documents that mention a node are the labels of its quads.
	src := "g.V(iri(" + jsString(dorn.IRI) + ")).Tag(\"place\").Labels().Tag(\"doc\").All()"
	res, err := r.Gizmo(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	same(t, "columns", res.Columns, []string{"doc", "id", "place"})
	got := table(res, "place", "doc")
	same(t, "rows", got, []string{dorn.IRI + " | doc:valley-1", dorn.IRI + " | doc:valley-2"})
	// vocab is there for ad-hoc scripts too.
	res, err = r.Gizmo(context.Background(), `g.Emit({p: vocab.predicates.controls.inverse})`)
	if err != nil || res.Rows[0]["p"] != "controlled_by" {
		t.Errorf("vocab: %v %v", res, err)
	}
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func TestLoadAndUserOverride(t *testing.T) {
	reg := mustLoad(t, "")
	var names []string
	for _, q := range reg.List() {
		names = append(names, q.Name)
		if q.Description == "" || q.Origin != "builtin" {
			t.Errorf("%s: description %q origin %q", q.Name, q.Description, q.Origin)
		}
	}
	same(t, "built-in", names, []string{"connections", "entities", "relations", "roles", "shortest-path", "sources", "statements", "who-controls"})
	q, _ := reg.Get("roles")
	if !q.HasTag(TagGraph) || q.Lang != "gizmo" || len(q.Params) != 1 || !q.Params[0].Required || q.Params[0].Type != "string" ||
		q.Params[0].Description != `Name, alias, slug or entity IRI of the person ("Oskar Lind")` {
		t.Errorf("roles: %+v", q)
	}
	q, _ = reg.Get("connections")
	if q.Params[2] != (Param{Name: "hops", Type: "int", Default: "3", Description: "Longest path, in edges (1 to 4)"}) {
		t.Errorf("hops: %+v", q.Params[2])
	}

	user := t.TempDir()
	os.WriteFile(filepath.Join(user, "roles.js"), []byte("// name: roles\n// description: mine\n// param: person string required  who\ng.Emit({mine: params.person})\n"), 0o600)
	os.WriteFile(filepath.Join(user, "extra.js"), []byte("// name: extra\n// description: Extra\n// param: label string default=\"two words\"  a label\n// tags: a, b\ng.Emit({label: params.label})\n"), 0o600)
	os.WriteFile(filepath.Join(user, "notes.txt"), []byte("not a query"), 0o600)
	reg = mustLoad(t, user)
	q, _ = reg.Get("roles")
	if q.Description != "mine" || q.Origin != filepath.Join(user, "roles.js") {
		t.Errorf("override: %+v", q)
	}
	for _, l := range reg.List() {
		if l.Name == "roles" && l.Description != "mine" {
			t.Errorf("List shows the built-in roles")
		}
	}
	q, _ = reg.Get("extra")
	if q.Params[0].Default != "two words" || !reflect.DeepEqual(q.Tags, []string{"a", "b"}) {
		t.Errorf("extra: %+v", q)
	}
	res, err := (&Runner{QS: openFixture(t).QuadStore()}).Run(context.Background(), q, nil)
	if err != nil || res.Rows[0]["label"] != "two words" {
		t.Errorf("extra run: %v %v", res, err)
	}

	for file, msg := range map[string]string{
		"noname.js":  "// description: x\ng.V()\n",
		"badtype.js": "// name: bad\n// param: x date  when\n",
		"badname.js": "// name: Bad Name\n",
		"both.js":    "// name: both\n// param: x int required default=1  x\n",
		"baddef.js":  "// name: baddef\n// param: x int default=one  x\n",
	} {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, file), []byte(msg), 0o600)
		if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), file) {
			t.Errorf("%s: err = %v", file, err)
		}
	}
	if _, err := Load(filepath.Join(t.TempDir(), "missing")); err != nil {
		t.Errorf("missing user folder: %v", err)
	}
}

func TestFormats(t *testing.T) {
	res := &Result{
		Columns: []string{"name", "n", "when", "text"},
		Rows: []map[string]any{
			{"name": "Varna", "n": int64(3), "when": time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), "text": "tab\there\nline"},
			{"name": "Dorn", "n": 0.5},
		},
	}
	var b bytes.Buffer
	if err := Write(&b, "tsv", res); err != nil {
		t.Fatal(err)
	}
	same(t, "tsv", strings.Split(b.String(), "\n"), []string{
		"name\tn\twhen\ttext", "Varna\t3\t2026-03-02T00:00:00Z\ttab\\there\\nline", "Dorn\t0.5\t\t", "",
	})
	b.Reset()
	Write(&b, "csv", res)
	if !strings.Contains(b.String(), "\"tab\there\nline\"") {
		t.Errorf("csv: %q", b.String())
	}
	b.Reset()
	Write(&b, "json", res)
	var back jsonResult
	if err := json.Unmarshal(b.Bytes(), &back); err != nil || len(back.Rows) != 2 || back.Rows[0]["when"] != "2026-03-02T00:00:00Z" {
		t.Errorf("json: %v %s", err, b.String())
	}
	b.Reset()
	Write(&b, "table", res)
	if lines := strings.Split(b.String(), "\n"); len(lines) != 5 || !strings.HasPrefix(lines[1], "Varna  3") || lines[3] != "(2 rows)" {
		t.Errorf("table: %q", b.String())
	}
	if err := Write(&b, "xml", res); err == nil {
		t.Error("xml accepted")
	}
}

// savedCases run every saved query with names spelled as readers do.
var savedCases = []struct {
	name   string
	params map[string]string
}{
	{"roles", map[string]string{"person": "quill"}},
	{"roles", map[string]string{"person": "Envoy Quill"}},
	{"who-controls", map[string]string{"place": "VARNA"}},
	{"relations", map[string]string{"entity": "nsf"}},
	{"relations", map[string]string{"entity": "Lume camp", "predicate": "ng:population"}},
	{"statements", map[string]string{"speaker": "Mara  Quill"}},
	{"sources", map[string]string{"entity": "dorn"}},
	{"entities", map[string]string{"class": "Location"}},
	{"connections", map[string]string{"from": "Quill", "to": "ostland", "hops": "4"}},
}

// TestPlainGizmoFallback checks that the text form of each saved query,
// run without the runner's native helpers (as Cayley's console would run
// it), gives the same rows: with and without ng:key quads in the store.
func TestPlainGizmoFallback(t *testing.T) {
	st := openFixture(t)
	reg := mustLoad(t, "")
	fast := &Runner{QS: st.QuadStore()}
	plain := &Runner{QS: st.QuadStore(), plain: true}
	compare := func(t *testing.T) {
		for _, c := range savedCases {
			q, _ := reg.Get(c.name)
			want, err := fast.Run(context.Background(), q, c.params)
			if err != nil {
				t.Fatal(err)
			}
			if len(want.Rows) == 0 {
				t.Errorf("%s %v: no rows", c.name, c.params)
			}
			src, err := Program(q, c.params)
			if err != nil {
				t.Fatal(err)
			}
			got, err := plain.Gizmo(context.Background(), src)
			if err != nil {
				t.Fatalf("%s %v: %v", c.name, c.params, err)
			}
			if c.name == "sources" {
				want.Rows = byDocument(want.Rows) // plain Gizmo lists documents by IRI
			}
			if !reflect.DeepEqual(got.Rows, want.Rows) {
				t.Errorf("%s %v:\n plain  %v\n native %v", c.name, c.params, got.Rows, want.Rows)
			}
		}
	}
	// The graph layout writes ng:key quads (schema.PredKey): folded names
	// resolve by lookup.
	t.Run("key", compare)
	got, err := ResolveName(context.Background(), st.QuadStore(), st, "northern  SHIELD front")
	if err != nil || !reflect.DeepEqual(got, []string{nsf.IRI}) {
		t.Errorf("key lookup: %v %v", got, err)
	}
}

// TestRegisterReplacesCayleyGizmo checks the fork as Cayley's "gizmo"
// language (what Cayley's HTTP API and console run): a bad native call is
// an error, not a crash, and rows are capped.
func TestRegisterReplacesCayleyGizmo(t *testing.T) {
	st := openFixture(t)
	gizmo.Register(gizmo.Options{MaxRows: 3, MaxArray: 1000})
	for src, wantErr := range map[string]bool{`g.V().Out({})`: true, `g.V().GetLimit(100)`: false} {
		sess := query.NewSession(st.QuadStore(), gizmo.Name)
		it, err := sess.Execute(context.Background(), src, query.Options{Collation: query.JSON})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for it.Next(context.Background()) {
			n++
		}
		if (it.Err() != nil) != wantErr {
			t.Errorf("%s: err = %v", src, it.Err())
		}
		if !wantErr && n != 3 {
			t.Errorf("%s: %d rows, want the cap of 3", src, n)
		}
		it.Close()
	}
}

func TestListAndParamFlags(t *testing.T) {
	reg := mustLoad(t, "")
	var b bytes.Buffer
	if err := WriteList(&b, "table", reg.List()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "connections") || !strings.Contains(b.String(), "hops:int=3") || !strings.Contains(b.String(), "person:string!") {
		t.Errorf("table:\n%s", b.String())
	}
	b.Reset()
	WriteList(&b, "json", reg.List())
	var back []Query
	if err := json.Unmarshal(b.Bytes(), &back); err != nil || len(back) != len(reg.List()) || back[0].Name != "connections" || back[0].Params[0].Name != "from" {
		t.Errorf("json: %v %s", err, b.String())
	}
	got, err := ParseParamFlags([]string{"person=a=b", " place = x"})
	if err != nil || got["person"] != "a=b" || got["place"] != " x" {
		t.Errorf("flags: %v %v", got, err)
	}
	for _, bad := range [][]string{{"novalue"}, {"=x"}, {"a=1", "a=2"}} {
		if _, err := ParseParamFlags(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// TestReadmeExample runs the user query shown in README.md.
func TestReadmeExample(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, _ := strings.Cut(string(readme), "```js\n")
	src, _, _ := strings.Cut(rest, "```")
	user := t.TempDir()
	os.WriteFile(filepath.Join(user, "cp.js"), []byte(src), 0o600)
	q, ok := mustLoad(t, user).Get("controlled-places")
	if !ok {
		t.Fatal("README example not loaded")
	}
	r := &Runner{QS: openFixture(t).QuadStore()}
	res, err := r.Run(context.Background(), q, map[string]string{"actor": "nsf", "min": "0.76"})
	if err != nil {
		t.Fatal(err)
	}
	same(t, "readme", table(res, "actor", "place", "document", "source"), []string{
		"Northern Shield Front | Varna | doc:valley-1 | " + nsf.IRI,
	})
	same(t, "columns", res.Columns, []string{"actor", "place", "document", "confidence", "source", "target"})
}

// TestErrorPositionsAndLibInAdHoc: the helper library runs as its own
// script, so errors point into the user's file, and ad-hoc scripts can use
// it too.
func TestErrorPositionsAndLibInAdHoc(t *testing.T) {
	st := openFixture(t)
	r := &Runner{QS: st.QuadStore()}
	user := t.TempDir()
	os.WriteFile(filepath.Join(user, "broken.js"), []byte("// name: broken\n\nvar x = 1;\nnoSuchFunction();\n"), 0o600)
	q, _ := mustLoad(t, user).Get("broken")
	_, err := r.Run(context.Background(), q, nil)
	if err == nil || !strings.Contains(err.Error(), "broken.js:4:") {
		t.Errorf("err = %v, want a position in broken.js line 4", err)
	}
	res, err := r.Gizmo(context.Background(), `ng.resolve("nsf").forEach(function (e) { g.Emit({e: e, n: ng.facts(e, "out").length}); })`)
	if err != nil {
		t.Fatal(err)
	}
	same(t, "ad-hoc with lib", table(res, "e", "n"), []string{nsf.IRI + " | 2"})
}

// TestMergedEntities: a name stands for its entity and every entity merged
// with it (graph.Merge writes ng:same_as), in Go and in plain Gizmo.
func TestMergedEntities(t *testing.T) {
	mq := ent(schema.Person, "M. Quill")
	extra := doc("valley-4", "Briefing", time.Time{}, []schema.Entity{mq, envoy}, []string{"M. Quill, the envoy, briefed reporters."},
		fact(mq, "role", envoy.IRI, 0, 0.7))
	st := openFixture(t, extra)
	ctx := context.Background()
	if _, err := st.Merge(ctx, mq.IRI, quill.IRI, "test"); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Mara Quill", "m. quill", mq.IRI} {
		for _, keys := range []KeyReader{nil, st} {
			got, err := ResolveName(ctx, st.QuadStore(), keys, name)
			if err != nil {
				t.Fatal(err)
			}
			same(t, "cluster of "+name, got, []string{mq.IRI, quill.IRI})
		}
	}
	reg := mustLoad(t, "")
	q, _ := reg.Get("roles")
	res, err := (&Runner{QS: st.QuadStore()}).Run(ctx, q, map[string]string{"person": "M. Quill"})
	if err != nil {
		t.Fatal(err)
	}
	same(t, "roles of the cluster", sortedTable(res, "person", "document"), []string{
		"M. Quill | doc:valley-4", "Mara Quill | doc:valley-1", "Mara Quill | doc:valley-2",
	})
	src, _ := Program(q, map[string]string{"person": "M. Quill"})
	plain, err := (&Runner{QS: st.QuadStore(), plain: true}).Gizmo(ctx, src)
	if err != nil || !reflect.DeepEqual(plain.Rows, res.Rows) {
		t.Errorf("plain Gizmo: %v %v", plain, err)
	}
	// Paths walk merges as edges.
	gv, err := newGraphView(st.QuadStore())
	if err != nil {
		t.Fatal(err)
	}
	es, err := gv.neighbours(ctx, mq.IRI)
	if err != nil {
		t.Fatal(err)
	}
	want := []edge{
		{subject: mq.IRI, pred: schema.PredSameAs, object: quill.IRI, node: quill.IRI},
		{subject: mq.IRI, pred: schema.Predicate{Name: "role"}.IRI(), object: envoy.IRI, node: envoy.IRI},
	}
	if !reflect.DeepEqual(es, want) {
		t.Errorf("edges of the merged entity:\n got  %v\n want %v", es, want)
	}
}

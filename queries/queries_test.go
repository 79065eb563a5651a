package queries

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

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
		same(t, "roles", table(res, "person", "role", "former", "document", "confidence", "source", "target"), []string{
			"Mara Quill | Special Envoy for Varna | false | doc:valley-1 | 0.9 | " + quill.IRI + " | " + envoy.IRI,
			"Mara Quill | Special Envoy for Varna | true | doc:valley-2 | 0.85 | " + quill.IRI + " | " + envoy.IRI,
		})
		same(t, "columns", res.Columns, []string{"person", "role", "former", "document", "sentence", "confidence", "qualifiers", "source", "target"})
		if s := res.Rows[0]["sentence"]; s != "Mara Quill, the Special Envoy for Varna, spoke on Monday." {
			t.Errorf("sentence %q", s)
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
		same(t, "relations", table(res, "direction", "predicate", "other", "document", "confidence"), []string{
			"in | backs | Ostland | doc:valley-1 | 0.7",
			"in | opposes | Mara Quill | doc:valley-1 | 0.6",
			"out | controls | Dorn | doc:valley-2 | 0.75",
			"out | controls | Varna | doc:valley-1 | 0.8",
		})
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
		same(t, "locations", table(res, "entity", "class", "documents"), []string{
			"Dorn | City | 2", "Lume camp | Camp | 1", "Ostland | Country | 2", "Varna | Province | 2",
		})
		res = run(t, r, reg, "entities", map[string]string{"class": "Organization"})
		same(t, "organizations", table(res, "entity", "class", "iri"), []string{
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
			"2 | 3 | 1 | Mara Quill | opposes | Northern Shield Front",
			"2 | 3 | 2 | Northern Shield Front | controls | Varna",
			"2 | 3 | 3 | Ostland | controls | Varna",
		})
		res = run(t, r, reg, "connections", map[string]string{"from": "Quill", "to": "Ostland", "hops": "1"})
		if len(res.Rows) != 0 {
			t.Errorf("1 hop: %v", res.Rows)
		}
		// Four hops reach through Dorn as well.
		res = run(t, r, reg, "connections", map[string]string{"from": "Quill", "to": "Ostland", "hops": "4"})
		if got := res.Rows[len(res.Rows)-1]["hops"]; got != int64(4) {
			t.Errorf("longest path with hops=4: %v", got)
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
		got, err := ResolveName(ctx, st.QuadStore(), text)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) == 0 {
			got = []string{}
		}
		same(t, "ResolveName("+text+")", got, want)
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
	got, err := ResolveName(ctx, st2.QuadStore(), "Dorn")
	if err != nil {
		t.Fatal(err)
	}
	same(t, "exact first", got, []string{dorn.IRI})
	got, _ = ResolveName(ctx, st2.QuadStore(), "DORN")
	same(t, "both folded", got, []string{dorn.IRI, schema.EntityIRI(schema.Person, "Ada dorn")})
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
	r := &Runner{QS: st.QuadStore(), Timeout: 60 * time.Second, MaxHeap: 256 << 20}
	_, err := r.Gizmo(context.Background(), `var a = []; while (true) { a.push(new Array(20000).join("xxxxxxxx")); }`)
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
	src := "g.V(iri(" + jsString(dorn.IRI) + ")).Tag(\"place\").Out(iri(" + jsString(schema.PredMentionedIn) + ")).Tag(\"doc\").All()"
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
		q.Params[0].Description != `Name, alias or entity IRI of the person ("Jeffrey")` {
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

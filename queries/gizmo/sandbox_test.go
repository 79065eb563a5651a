package gizmo

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/graph/memstore"
	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/quad"
)

// run executes src in a fresh session over a small store and returns the
// emitted values and the error. Each case below once killed or froze the
// process (Go stack overflow, out of memory, an endless built-in).
func run(t *testing.T, src string, timeout time.Duration) ([]any, error) {
	t.Helper()
	qs := memstore.New(quad.Make(quad.IRI("a"), quad.IRI("knows"), quad.IRI("b"), nil))
	s, err := NewSessionWith(qs, Options{MaxRows: 100})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	it, err := s.Execute(ctx, src, query.Options{Collation: query.Raw})
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var out []any
	for it.Next(ctx) {
		if r, ok := it.Result().(*Result); ok && !r.Meta {
			out = append(out, r.Val)
		}
	}
	return out, it.Err()
}

func TestSandboxStopsHostileScripts(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"nested array to string", `var a=[]; for (var i=0;i<100000;i++) a=[a]; String(a)`, "stack"},
		{"nested array join", `var a=[]; for (var i=0;i<100000;i++) a=[a]; a.join(",")`, "stack"},
		{"nested array toLocaleString", `var a=[]; for (var i=0;i<100000;i++) a=[a]; a.toLocaleString()`, "stack"},
		{"nested object emitted", `var o={}; for (var i=0;i<1000000;i++) o={a:o}; g.Emit(o)`, "nested deeper"},
		{"nested object as the last value", `var o={}; for (var i=0;i<1000000;i++) o={a:o}; o`, "-"},
		{"nested object to a path step", `var o={}; for (var i=0;i<1000000;i++) o={a:o}; g.V(o).All()`, "nested deeper"},
		{"nested error emitted", `var o={}; for (var i=0;i<100000;i++) o={a:o}; var e=new Error("x"); e.o=o; g.Emit(e)`, "nested deeper"},
		{"deep stringify", `var o={}; for (var i=0;i<1000000;i++) o={a:o}; JSON.stringify(o)`, "JSON nested"},
		{"deep parse", `JSON.parse("[".repeat(1000000)+"]".repeat(1000000))`, "JSON nested"},
		{"flat infinity", `var a=[]; for (var i=0;i<100000;i++) a=[a]; a.flat(Infinity)`, "flat depth"},
		{"replace in a loop with a ReDoS pattern", `var r=/^(a+)+$/, s="a".repeat(40)+"!"; for(;;){ try { s.replace(r, "x") } catch (e) {} }`, "deadline"},
		{"recursion through forEach", `function f(){[0].forEach(f)} f()`, "stack"},
		{"plain recursion", `function f(){f()} f()`, "stack"},
		{"repeat", `"x".repeat(268435456)+"y"`, "repeated string"},
		{"padStart", `"x".padStart(1e9)`, "padded string"},
		{"fill", `new Array(1e8).fill(0)`, "array of length"},
		{"sparse map", `var a=[]; a.length=4e9; a.map(function(x){return x})`, "array of length"},
		{"join of holes", `new Array(1e7).join("xxxxxxxxxx")`, "array of length"},
		{"apply", `Math.max.apply(null, {length: 1e9})`, "arguments"},
		{"replace", `"x".repeat(1e6).replace(/x/g, "y".repeat(100))`, "replaced string"},
		{"replace by function", `var big="y".repeat(1e6); "x".repeat(1e3).replace(/x/g, function(){return big})`, "replaced string"},
		{"nested map emitted", `var m=new Map(); for (var i=0;i<100000;i++) m=new Map([["a", m]]); g.Emit({m: m})`, "cannot return a Map"},
		{"stringify fan-out", `var s="x".repeat(1e6), a=[]; for (var i=0;i<100;i++) a.push(s); JSON.stringify(a)`, "JSON text"},
		{"typed array", `new Uint8Array(1e9)`, "not defined"},
		{"eval", `eval("1")`, "dynamic code"},
		{"Function constructor", `(function(){}).constructor("return 1")()`, "dynamic code"},
		{"ReDoS", `/^(?=a)(a+)+$/.test("a".repeat(40)+"!")`, "regular expression ran longer"},
		{"endless loop", `while(true){}`, "deadline"},
		{"Go panic in a step", `g.V({}).All()`, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			_, err := run(t, c.src, 10*time.Second)
			if c.want == "-" {
				if err != nil {
					t.Fatalf("err = %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("no error")
			}
			if !strings.Contains(strings.ToLower(err.Error()), strings.ToLower(c.want)) {
				t.Errorf("error %q does not say %q", err, c.want)
			}
			t.Logf("%v after %v", err, time.Since(start).Round(time.Millisecond))
		})
	}
}

func TestSandboxKeepsOrdinaryScripts(t *testing.T) {
	src := `
		var a = [1, [2, [3]]];
		g.Emit({s: String(a), j: a.join("-"), l: [1,2].toLocaleString(), f: a.flat(Infinity).length,
			json: JSON.stringify({x: [1, {y: 2}], d: "q"}, null, 2).length,
			keys: JSON.stringify({a: 1, b: 2, c: 3}, ["a", "c"]),
			rep: JSON.stringify({a: 1}, function (k, v) { return typeof v === "number" ? v + 1 : v; }),
			parsed: JSON.parse('{"a":[1,2]}', function (k, v) { return v; }).a.length,
			r: "a-b".replace(/-/g, "$&$&"), r2: "abc".replace("b", function (m) { return m.toUpperCase(); }),
			pad: "7".padStart(3, "0"), rep2: "ab".repeat(2), c: [1].concat([2], 3).length,
			from: Array.from({length: 3}).length, max: Math.max.apply(null, [1, 5, 2]),
			re: /^(?=a)(a+)+$/.test("aaa"), isArr: [] instanceof Array, fn: typeof function(){} });
		g.V("a").Out("knows").All();
	`
	out, err := run(t, src, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	got := out[0].(map[string]any)
	want := map[string]any{"s": "1,2,3", "j": "1-2,3", "l": "1,2", "f": int64(3), "keys": `{"a":1,"c":3}`,
		"rep": `{"a":2}`, "parsed": int64(2), "r": "a--b", "r2": "aBc", "pad": "007", "rep2": "abab",
		"c": int64(3), "from": int64(3), "max": int64(5), "re": true, "isArr": true, "fn": "function"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %#v, want %#v", k, got[k], v)
		}
	}
	if got["json"] == nil || got["json"].(int64) < 20 {
		t.Errorf("indented JSON: %v", got["json"])
	}
}

func TestSourceLimit(t *testing.T) {
	_, err := run(t, "1;"+strings.Repeat(" ", DefaultMaxSource), time.Second)
	if !errors.Is(err, ErrLimit) {
		t.Fatalf("err = %v, want ErrLimit", err)
	}
}

package queries

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/graph/memstore"
)

// FuzzBindParams checks that any parameter value reaches the script as the
// same value, through the bound global (Runner) and through the text form
// (Program), and never as code: the script emits exactly one row.
// Its seed corpus is testdata/fuzz/FuzzBindParams.
func FuzzBindParams(f *testing.F) {
	for _, h := range hostile {
		f.Add(h, "3")
	}
	f.Add("", "-9007199254740991")
	f.Add("\x00\u2029\\u0022", " 12 ")
	q := Query{
		Name: "fuzz", Lang: "gizmo",
		Params: []Param{{Name: "s", Type: "string"}, {Name: "n", Type: "int"}},
		Source: `g.Emit({s: params.s === undefined ? null : params.s, n: params.n === undefined ? null : params.n, keys: Object.keys(params).sort().join(",")})`,
	}
	r := &Runner{QS: memstore.New(), Timeout: 10 * time.Second}
	f.Fuzz(func(t *testing.T, s, n string) {
		raw := map[string]string{"s": s, "n": n}
		vals, err := Bind(q, raw)
		var pe *ParamError
		if err != nil && !errors.As(err, &pe) {
			t.Fatalf("Bind(%q, %q): %v is not a ParamError", s, n, err)
		}
		if pe != nil && pe.Param == "n" {
			// Most random n are not integers: still try s alone.
			delete(raw, "n")
			vals, err = Bind(q, raw)
		}
		if err != nil {
			return
		}
		check := func(how string, res *Result, err error) {
			if err != nil {
				t.Fatalf("%s (%q, %q): %v", how, s, n, err)
			}
			if len(res.Rows) != 1 {
				t.Fatalf("%s (%q, %q): %d rows: %v", how, s, n, len(res.Rows), res.Rows)
			}
			row := res.Rows[0]
			keys := "n,s"
			if _, ok := vals["n"]; !ok {
				keys = "s"
			}
			if row["s"] != s || row["n"] != vals["n"] || row["keys"] != keys {
				t.Fatalf("%s (%q, %q): got %#v, want s=%q n=%v", how, s, n, row, s, vals["n"])
			}
		}
		res, err := r.Run(context.Background(), q, raw)
		check("Run", res, err)
		src, err := Program(q, raw)
		if err != nil {
			t.Fatal(err)
		}
		res, err = r.Gizmo(context.Background(), src)
		check("Program", res, err)
	})
}

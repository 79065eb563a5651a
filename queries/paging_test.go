package queries

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/schema"
)

// busyExtractions are n more documents about the fixture's entities, so
// that the hub queries have more rows than a page: each says the NSF
// controls a town of its own, Quill holds her role and says something new.
func busyExtractions(n int) []schema.Extraction {
	var out []schema.Extraction
	for i := range n {
		town := ent(schema.City, fmt.Sprintf("Town %03d", i))
		q := fmt.Sprintf("Town %03d will be rebuilt", i)
		quote := schema.Entity{IRI: schema.StatementIRI(quill.IRI, q), Name: q, Class: schema.Statement}
		out = append(out, doc(fmt.Sprintf("busy-%03d", i), fmt.Sprintf("Report %d", i), time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC),
			[]schema.Entity{quill, envoy, nsf, town, quote},
			[]string{
				fmt.Sprintf("The NSF controls Town %03d.", i),
				"Mara Quill, the Special Envoy for Varna, arrived.",
				fmt.Sprintf(`"%s," Quill said.`, q),
			},
			fact(nsf, "controls", town.IRI, 0, 0.8),
			fact(quill, "role", envoy.IRI, 1, 0.9),
			fact(quill, "said", quote.IRI, 2, 0.9),
		))
	}
	return out
}

// pageAll follows Next from the first page to the last.
func pageAll(t *testing.T, r *Runner, q Query, params map[string]string, limit int) []map[string]any {
	t.Helper()
	var rows []map[string]any
	p := Page{Limit: limit}
	for pages := 0; ; pages++ {
		if pages > 1000 {
			t.Fatalf("%s: no last page", q.Name)
		}
		res, err := r.RunPage(context.Background(), q, params, p)
		if err != nil {
			t.Fatalf("%s %v page %d: %v", q.Name, params, pages, err)
		}
		if res.Offset != len(rows) {
			t.Errorf("%s page %d: offset %d after %d rows", q.Name, pages, res.Offset, len(rows))
		}
		if len(res.Rows) > limit {
			t.Errorf("%s page %d: %d rows, page size %d", q.Name, pages, len(res.Rows), limit)
		}
		rows = append(rows, res.Rows...)
		if res.Truncated != (res.Next != "") {
			t.Errorf("%s page %d: truncated %v, next %q", q.Name, pages, res.Truncated, res.Next)
		}
		if res.Next == "" {
			return rows
		}
		if len(res.Rows) != limit {
			t.Errorf("%s page %d: %d rows before the last page, want %d", q.Name, pages, len(res.Rows), limit)
		}
		p.Cursor = res.Next
	}
}

// TestPagingEveryRowOnce pages through every saved query with several
// page sizes and gets the rows of one big page, each once, in its order.
func TestPagingEveryRowOnce(t *testing.T) {
	st := openFixture(t, busyExtractions(45)...)
	reg := mustLoad(t, "")
	r := &Runner{QS: st.QuadStore()}
	plain := &Runner{QS: st.QuadStore(), plain: true}
	keyed := &Runner{QS: st.QuadStore(), Keys: st} // class listings from index keys
	cases := append([]struct {
		name   string
		params map[string]string
	}{
		{"relations", map[string]string{"entity": "NSF"}},
		{"roles", map[string]string{"person": "Quill"}},
		{"statements", map[string]string{"speaker": "Quill"}},
		{"sources", map[string]string{"entity": "NSF"}},
		{"who-controls", map[string]string{"place": "Town 007"}},
		{"entities", map[string]string{"class": "Location"}},
		{"entities", map[string]string{"class": "City"}},
		{"connections", map[string]string{"from": "Quill", "to": "Town 012", "hops": "3"}},
		{"shortest-path", map[string]string{"from": "Quill", "to": "Town 012"}},
	}, savedCases...)
	for _, c := range cases {
		q, ok := reg.Get(c.name)
		if !ok {
			t.Fatalf("no query %s", c.name)
		}
		all, err := r.RunPage(context.Background(), q, c.params, Page{Limit: 5000})
		if err != nil {
			t.Fatalf("%s %v: %v", c.name, c.params, err)
		}
		if all.Truncated || all.Next != "" || len(all.Rows) == 0 {
			t.Fatalf("%s %v: %d rows, truncated %v", c.name, c.params, len(all.Rows), all.Truncated)
		}
		seen := map[string]bool{}
		for _, row := range all.Rows {
			k := fmt.Sprint(row)
			if seen[k] {
				t.Errorf("%s %v: row twice: %v", c.name, c.params, row)
			}
			seen[k] = true
		}
		whole, err := r.RunAll(context.Background(), q, c.params)
		if err != nil || whole.Truncated || !reflect.DeepEqual(whole.Rows, all.Rows) {
			t.Errorf("%s %v: RunAll gives %d rows (truncated %v, %v), one page %d", c.name, c.params, len(whole.Rows), whole.Truncated, err, len(all.Rows))
		}
		for _, size := range []int{1, 3, 7, 40} {
			got := pageAll(t, r, q, c.params, size)
			if !reflect.DeepEqual(got, all.Rows) {
				t.Errorf("%s %v by pages of %d:\n got  %d rows %v\n want %d rows %v", c.name, c.params, size, len(got), got, len(all.Rows), all.Rows)
			}
		}
		// Reading index keys (bolt) changes the work, not the rows.
		if got := pageAll(t, keyed, q, c.params, 3); !reflect.DeepEqual(got, all.Rows) {
			t.Errorf("%s %v from index keys, by pages of 3:\n got  %d rows %v\n want %d rows %v", c.name, c.params, len(got), got, len(all.Rows), all.Rows)
		}
		// The plain Gizmo helpers (no natives, as in the console) page
		// the same way.
		if q.Lang == "gizmo" {
			want := all.Rows
			if q.Name == "sources" {
				// Plain Gizmo lists a node's documents by IRI (lib.js docsOf).
				want = byDocument(want)
			}
			if got := pageAll(t, plain, q, c.params, 7); !reflect.DeepEqual(got, want) {
				t.Errorf("%s %v plain, by pages of 7: %d rows, want %d", c.name, c.params, len(got), len(all.Rows))
			}
		}
	}
	// The busy queries have more rows than the default page.
	q, _ := reg.Get("relations")
	res, err := r.Run(context.Background(), q, map[string]string{"entity": "NSF"})
	if err != nil {
		t.Fatal(err)
	}
	r.PageSize = 10
	small, err := r.Run(context.Background(), q, map[string]string{"entity": "NSF"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rows) != 49 || res.Truncated || len(small.Rows) != 10 || !small.Truncated || small.Next == "" {
		t.Errorf("default page: %d rows (truncated %v); page size 10: %d rows (truncated %v)", len(res.Rows), res.Truncated, len(small.Rows), small.Truncated)
	}
}

// TestPageErrors: a page size beyond the row limit, a cursor that is not
// one, and a cursor of other parameters are parameter errors.
func TestPageErrors(t *testing.T) {
	st := openFixture(t, busyExtractions(3)...)
	reg := mustLoad(t, "")
	r := &Runner{QS: st.QuadStore(), RowLimit: 50}
	ctx := context.Background()
	q, _ := reg.Get("roles")
	params := map[string]string{"person": "Quill"}
	first, err := r.RunPage(ctx, q, params, Page{Limit: 1})
	if err != nil || first.Next == "" {
		t.Fatalf("first page: %v %v", first, err)
	}
	other, _ := reg.Get("statements")
	for name, c := range map[string]struct {
		q      Query
		params map[string]string
		page   Page
		param  string
	}{
		"too big":        {q, params, Page{Limit: 51}, "limit"},
		"negative":       {q, params, Page{Limit: -1}, "limit"},
		"garbage cursor": {q, params, Page{Cursor: "not-a-cursor!"}, "cursor"},
		"other params":   {q, map[string]string{"person": "Mara Quill"}, Page{Cursor: first.Next}, "cursor"},
		"other query":    {other, map[string]string{"speaker": "Quill"}, Page{Cursor: first.Next}, "cursor"},
	} {
		_, err := r.RunPage(ctx, c.q, c.params, c.page)
		var pe *ParamError
		if !errors.As(err, &pe) || pe.Param != c.param {
			t.Errorf("%s: err = %v, want a ParamError on %s", name, err, c.param)
		}
	}
	// A page past the end is empty, not an error.
	res, err := r.RunPage(ctx, q, params, Page{Limit: 1, Cursor: encodeCursor(1000, paramDigest("roles", mustBind(t, q, params)))})
	if err != nil || len(res.Rows) != 0 || res.Next != "" {
		t.Errorf("past the end: %v %v", res, err)
	}
}

func mustBind(t *testing.T, q Query, raw map[string]string) map[string]any {
	t.Helper()
	v, err := Bind(q, raw)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestPageStopsTheScript: a script that emits without end still returns
// its page (the runner stops it once the page is full), and sees `page`.
func TestPageStopsTheScript(t *testing.T) {
	st := openFixture(t)
	user := t.TempDir()
	src := "// name: endless\n// order: i\nfor (var i = 0; ; i++) { g.Emit({i: i, off: page.offset, lim: page.limit}); }\n"
	if err := os.WriteFile(filepath.Join(user, "endless.js"), []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	q, _ := mustLoad(t, user).Get("endless")
	if q.Order != "i" {
		t.Errorf("order header: %q", q.Order)
	}
	r := &Runner{QS: st.QuadStore(), Timeout: 20 * time.Second}
	res, err := r.RunPage(context.Background(), q, nil, Page{Limit: 4})
	if err != nil || len(res.Rows) != 4 || res.Next == "" {
		t.Fatalf("first page: %v %v", res, err)
	}
	res, err = r.RunPage(context.Background(), q, nil, Page{Limit: 4, Cursor: res.Next})
	if err != nil || len(res.Rows) != 4 {
		t.Fatalf("second page: %v %v", res, err)
	}
	if got := table(res, "i", "off", "lim"); !reflect.DeepEqual(got, []string{"4 | 4 | 4", "5 | 4 | 4", "6 | 4 | 4", "7 | 4 | 4"}) {
		t.Errorf("second page: %v", got)
	}
	if res.Offset != 4 {
		t.Errorf("offset %d", res.Offset)
	}
}

// TestPathBoundsDocumented: connections.js states the Go search's bounds.
func TestPathBoundsDocumented(t *testing.T) {
	q, _ := mustLoad(t, "").Get("connections")
	for _, n := range []int{pathBudget, maxEdgeQuads, maxPaths} {
		if !strings.Contains(q.Description, fmt.Sprint(n)) {
			t.Errorf("connections description does not state the bound %d: %s", n, q.Description)
		}
	}
}

// TestPagingHeader: "paging: script" is read, other values are errors.
func TestPagingHeader(t *testing.T) {
	q, err := Parse("// name: x\n// paging: script\ng.Emit(1)\n")
	if err != nil || !q.ScriptPaging {
		t.Errorf("script: %v %v", q.ScriptPaging, err)
	}
	if q, err = Parse("// name: x\ng.Emit(1)\n"); err != nil || q.ScriptPaging {
		t.Errorf("default: %v %v", q.ScriptPaging, err)
	}
	if _, err := Parse("// name: x\n// paging: sometimes\n"); err == nil {
		t.Error("paging: sometimes was accepted")
	}
}

// TestBudgetParam: both path queries take the same budget parameter and
// refuse one out of range.
func TestBudgetParam(t *testing.T) {
	st := openFixture(t)
	reg := mustLoad(t, "")
	r := &Runner{QS: st.QuadStore()}
	for _, name := range []string{"connections", "shortest-path"} {
		q, _ := reg.Get(name)
		var found bool
		for _, p := range q.Params {
			if p.Name == "budget" {
				found = p.Type == budgetParam.Type && p.Default == budgetParam.Default
			}
		}
		if !found {
			t.Errorf("%s: no budget parameter like %+v: %+v", name, budgetParam, q.Params)
		}
		res, err := r.Run(context.Background(), q, map[string]string{"from": "Quill", "to": "Ostland", "budget": "100000"})
		if err != nil || len(res.Rows) != 2 || len(res.Notes) != 0 {
			t.Errorf("%s budget 100000: %v %v", name, res, err)
		}
		_, err = r.Run(context.Background(), q, map[string]string{"from": "Quill", "to": "Ostland", "budget": "10"})
		var pe *ParamError
		if !errors.As(err, &pe) || pe.Param != "budget" {
			t.Errorf("%s budget 10: %v", name, err)
		}
	}
}

// byDocument is rows sorted by their document, stably.
func byDocument(rows []map[string]any) []map[string]any {
	out := slices.Clone(rows)
	sort.SliceStable(out, func(i, j int) bool {
		return fmt.Sprint(out[i]["document"]) < fmt.Sprint(out[j]["document"])
	})
	return out
}

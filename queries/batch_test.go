package queries

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
	"github.com/newsgraph/newsgraph/schema"
)

// keysOnly hides a store's batched reads: the streams then read node by
// node, as before batch.go.
type keysOnly struct{ st *graph.Store }

func (k keysOnly) Subjects(pred, obj cgraph.Ref) (*graph.SubjectIter, error) {
	return k.st.Subjects(pred, obj)
}
func (k keysOnly) ListQuads(ctx context.Context, filter map[quad.Direction]cgraph.Ref) (iterator.Scanner, bool) {
	return k.st.ListQuads(ctx, filter)
}
func (k keysOnly) CountKey(sub, pred, obj cgraph.Ref) (int64, bool, error) {
	return k.st.CountKey(sub, pred, obj)
}
func (k keysOnly) FirstObject(sub, pred cgraph.Ref) (quad.Value, bool, error) {
	return k.st.FirstObject(sub, pred)
}
func (k keysOnly) Links(ctx context.Context, node cgraph.Ref, dir quad.Direction, preds []cgraph.Ref, b graph.LinkBounds) (graph.LinkScan, bool, error) {
	return k.st.Links(ctx, node, dir, preds, b)
}

// TestBatchedReadsSameRows runs every saved query on PostgreSQL with the
// batched reads (several stretches read ahead: more records than
// firstAhead) and without, page by page, and wants the same rows in the
// same order; and the same rows as bolt gives (in its own store order).
func TestBatchedReadsSameRows(t *testing.T) {
	pg := openFixtureIn(t, graphtest.Postgres(t), busyExtractions(140)...)
	bolt := openFixtureIn(t, graphtest.Bolt(t), busyExtractions(140)...)
	if _, ok := any(pg).(batchReader); !ok {
		t.Fatal("*graph.Store is not a batchReader")
	}
	reg := mustLoad(t, "")
	batched := &Runner{QS: pg.QuadStore(), Keys: pg}
	single := &Runner{QS: pg.QuadStore(), Keys: keysOnly{pg}}
	onBolt := &Runner{QS: bolt.QuadStore(), Keys: bolt}
	cases := append([]struct {
		name   string
		params map[string]string
	}{
		{"relations", map[string]string{"entity": "NSF"}},
		{"relations", map[string]string{"entity": "Quill", "predicate": "said"}},
		{"roles", map[string]string{"person": "Quill"}},
		{"statements", map[string]string{"speaker": "Quill"}},
		{"sources", map[string]string{"entity": "NSF"}},
		{"who-controls", map[string]string{"place": "Varna"}},
		{"entities", map[string]string{"class": "Location"}},
		{"entities", map[string]string{"class": "Person"}},
		{"connections", map[string]string{"from": "Quill", "to": "Town 012", "hops": "3"}},
	}, savedCases...)
	ctx := context.Background()
	for _, c := range cases {
		q, ok := reg.Get(c.name)
		if !ok {
			t.Fatalf("no query %s", c.name)
		}
		want, err := single.RunPage(ctx, q, c.params, Page{Limit: 5000})
		if err != nil {
			t.Fatalf("%s %v: %v", c.name, c.params, err)
		}
		got, err := batched.RunPage(ctx, q, c.params, Page{Limit: 5000})
		if err != nil {
			t.Fatalf("%s %v batched: %v", c.name, c.params, err)
		}
		if len(want.Rows) == 0 || !reflect.DeepEqual(got.Rows, want.Rows) {
			t.Errorf("%s %v batched:\n got  %d rows %v\n want %d rows %v", c.name, c.params, len(got.Rows), got.Rows, len(want.Rows), want.Rows)
		}
		for _, size := range []int{40, 100} {
			if paged := pageAll(t, batched, q, c.params, size); !reflect.DeepEqual(paged, want.Rows) {
				t.Errorf("%s %v batched by pages of %d: %d rows, want %d", c.name, c.params, size, len(paged), len(want.Rows))
			}
		}
		b, err := onBolt.RunPage(ctx, q, c.params, Page{Limit: 5000})
		if err != nil {
			t.Fatalf("%s %v on bolt: %v", c.name, c.params, err)
		}
		if g, w := rowSet(got.Rows), rowSet(b.Rows); !reflect.DeepEqual(g, w) {
			t.Errorf("%s %v: PostgreSQL and bolt differ:\n pg   %v\n bolt %v", c.name, c.params, g, w)
		}

	}
}

// rowSet is rows as sorted strings: the backends list in their own store
// order.
func rowSet(rows []map[string]any) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = fmt.Sprint(r)
	}
	sort.Strings(out)
	return out
}

// TestBatchedReadsValues checks the batched reads against Cayley's own
// NameOf and a scan, on nodes with values and without.
func TestBatchedReadsValues(t *testing.T) {
	st := openFixtureIn(t, graphtest.Postgres(t))
	ctx := context.Background()
	qs := st.QuadStore()
	ref := func(v quad.Value) cgraph.Ref {
		r, err := qs.ValueOf(v)
		if err != nil || r == nil {
			t.Fatalf("%v: %v %v", v, r, err)
		}
		return r
	}
	nodes := []cgraph.Ref{ref(quad.IRI(quill.IRI)), ref(quad.IRI(varna.IRI)), ref(quad.IRI("ent:person/nobody"))}
	vals, ok, err := st.NodeValues(ctx, nodes)
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	if len(vals) != 2 || vals[nodes[0].Key()] != quad.IRI(quill.IRI) || vals[nodes[1].Key()] != quad.IRI(varna.IRI) {
		t.Errorf("NodeValues: %v", vals)
	}
	name := ref(quad.IRI(schema.PredName))
	first, ok, err := st.FirstObjects(ctx, nodes, name, true)
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	for _, n := range nodes {
		v, _, err := st.FirstObject(n, name)
		if err != nil {
			t.Fatal(err)
		}
		if first[n.Key()] != v {
			t.Errorf("FirstObjects %v: %v, FirstObject %v", n, first[n.Key()], v)
		}
	}
	counts, ok, err := st.CountKeys(ctx, nodes, name, nil)
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	for _, n := range nodes {
		c, _, err := st.CountKey(n, name, nil)
		if err != nil {
			t.Fatal(err)
		}
		if counts[n.Key()] != c {
			t.Errorf("CountKeys %v: %d, CountKey %d", n, counts[n.Key()], c)
		}
	}
	if counts[nodes[0].Key()] != 2 {
		t.Errorf("Quill is named in 2 documents, counted %d", counts[nodes[0].Key()])
	}
	quads, ok, err := st.SubjectQuads(ctx, nodes[:1], nil)
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	var scanned []subjectQuadView
	err = graph.EachRefOf(ctx, qs, quad.Subject, nodes[0], func(q cgraph.Ref) error {
		p, _ := qs.QuadDirection(q, quad.Predicate)
		o, _ := qs.QuadDirection(q, quad.Object)
		v, err := qs.NameOf(o)
		scanned = append(scanned, subjectQuadView{p.Key(), v})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var batchedQ []subjectQuadView
	for _, q := range quads[nodes[0].Key()] {
		batchedQ = append(batchedQ, subjectQuadView{q.Pred.Key(), q.Value})
	}
	// Cayley's scan orders nothing: a small table is read in write order,
	// a large one along the (subject, predicate, object) index, which is
	// the order SubjectQuads gives. The same quads either way.
	sortViews(batchedQ)
	sortViews(scanned)
	if len(scanned) < 5 || !reflect.DeepEqual(batchedQ, scanned) {
		t.Errorf("SubjectQuads:\n got  %v\n scan %v", batchedQ, scanned)
	}
	// HasObjects: which of the classes each node is typed with, in the
	// classes' order, as CountKey says.
	typ := ref(quad.IRI(schema.PredType))
	classes := []cgraph.Ref{ref(quad.IRI(schema.Province.IRI())), ref(quad.IRI(schema.Person.IRI())), ref(quad.IRI(schema.City.IRI()))}
	has, ok, err := st.HasObjects(ctx, nodes, typ, classes)
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	for _, n := range nodes {
		var want []cgraph.Ref
		for _, c := range classes {
			if k, _, err := st.CountKey(n, typ, c); err != nil {
				t.Fatal(err)
			} else if k > 0 {
				want = append(want, c)
			}
		}
		if fmt.Sprint(has[n.Key()]) != fmt.Sprint(want) {
			t.Errorf("HasObjects %v: %v, CountKey says %v", n, has[n.Key()], want)
		}
	}
	if len(has[nodes[0].Key()]) != 1 || len(has[nodes[1].Key()]) != 1 || len(has) != 2 {
		t.Errorf("HasObjects: Quill a Person, Varna a Province, nobody nothing: %v", has)
	}
}

func sortViews(vs []subjectQuadView) {
	sort.Slice(vs, func(i, j int) bool { return fmt.Sprint(vs[i]) < fmt.Sprint(vs[j]) })
}

// subjectQuadView is a quad of a subject as the test compares it.
type subjectQuadView struct {
	Pred  any
	Value quad.Value
}

package queries

import (
	"context"
	"reflect"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
)

// countedKeys is the store counting the reads of the path searches;
// perNode hides ManyLinks, so the searches read node by node as before.
type countedKeys struct {
	*graph.Store
	perNode     bool
	links, many int
}

func (k *countedKeys) Links(ctx context.Context, node cgraph.Ref, dir quad.Direction, preds []cgraph.Ref, b graph.LinkBounds) (graph.LinkScan, bool, error) {
	k.links++
	return k.Store.Links(ctx, node, dir, preds, b)
}

func (k *countedKeys) ManyLinks(ctx context.Context, nodes []cgraph.Ref, dir quad.Direction, preds []cgraph.Ref, perPred int) (map[any]graph.LinkLists, bool, error) {
	if k.perNode {
		return nil, false, nil
	}
	k.many++
	return k.Store.ManyLinks(ctx, nodes, dir, preds, perPred)
}

// TestLinksAheadSameRows: on PostgreSQL the path searches reading each
// frontier at once (readAhead) give the rows and notes they give reading
// node by node, with budgets that stop them and that do not, over three
// and four hops (the measuring search) and both ends swapped (the other
// side read), and take no more statements (far fewer where the search
// reads many nodes); bolt, which reads node by node, gives the same rows
// too.
func TestLinksAheadSameRows(t *testing.T) {
	docs := syntheticDocs(300)
	pg := openFixtureIn(t, graphtest.Postgres(t), docs...)
	bolt := openFixtureIn(t, graphtest.Bolt(t), docs...)
	reg := mustLoad(t, "")
	ctx := context.Background()
	for _, c := range []struct {
		query string
		p     map[string]string
	}{
		{"connections", map[string]string{"from": "Person 001", "to": "Ostland", "budget": "1000"}},
		{"connections", map[string]string{"from": "Person 001", "to": "Ostland", "budget": "12000", "hops": "4"}},
		// A four-hop search its budget stops: bolt answered otherwise
		// until the relation predicates the store lacks stopped costing
		// a read each on PostgreSQL (graphView.heldRelations).
		{"connections", map[string]string{"from": "Ostland", "to": "Person 001", "budget": "3000", "hops": "4"}},
		{"connections", map[string]string{"from": "Person 001", "to": "Ostland", "budget": "3000", "hops": "4"}},
		{"connections", map[string]string{"from": "Ostland", "to": "Person 001", "budget": "100000", "hops": "4"}},
		{"connections", map[string]string{"from": "Person 001", "to": "Ostland"}},
		{"shortest-path", map[string]string{"from": "Person 001", "to": "Ostland", "budget": "1000"}},
		{"shortest-path", map[string]string{"from": "Ostland", "to": "Person 002"}},
	} {
		q, _ := reg.Get(c.query)
		ahead := &countedKeys{Store: pg}
		perNode := &countedKeys{Store: pg, perNode: true}
		got, err := (&Runner{QS: pg.QuadStore(), Keys: ahead, RowLimit: 100000}).RunAll(ctx, q, c.p)
		if err != nil {
			t.Fatal(err)
		}
		want, err := (&Runner{QS: pg.QuadStore(), Keys: perNode, RowLimit: 100000}).RunAll(ctx, q, c.p)
		if err != nil {
			t.Fatal(err)
		}
		onBolt, err := (&Runner{QS: bolt.QuadStore(), Keys: bolt, RowLimit: 100000}).RunAll(ctx, q, c.p)
		if err != nil {
			t.Fatal(err)
		}
		if len(want.Rows) == 0 {
			t.Errorf("%s %v: no rows", c.query, c.p)
		}
		if !reflect.DeepEqual(got.Rows, want.Rows) || !reflect.DeepEqual(got.Notes, want.Notes) {
			t.Errorf("%s %v: read ahead %d rows %v, node by node %d rows %v", c.query, c.p, len(got.Rows), got.Notes, len(want.Rows), want.Notes)
		}
		if !reflect.DeepEqual(onBolt.Rows, want.Rows) || !reflect.DeepEqual(onBolt.Notes, want.Notes) {
			t.Errorf("%s %v: bolt %d rows %v, PostgreSQL %d rows %v", c.query, c.p, len(onBolt.Rows), onBolt.Notes, len(want.Rows), want.Notes)
		}
		// Node by node is two statements per node read; ahead, two per
		// stretch of a frontier, and none node by node: every node the
		// search reads was read ahead.
		if ahead.many == 0 || ahead.links != 0 || ahead.many > perNode.links {
			t.Errorf("%s %v: read ahead %d ManyLinks and %d Links, node by node %d Links", c.query, c.p, ahead.many, ahead.links, perNode.links)
		}
		t.Logf("%s %v: %d rows; read ahead %d statements, node by node %d", c.query, c.p, len(got.Rows), ahead.many, perNode.links)
	}
}

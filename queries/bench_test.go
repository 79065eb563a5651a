package queries

import (
	"context"
	"fmt"
	"math/rand"
	"sort"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// syntheticDocs builds n invented documents over a pool of entities, so
// that the benchmarks run on a graph with hubs and many evidence nodes.
func syntheticDocs(n int) []schema.Extraction {
	rng := rand.New(rand.NewSource(1))
	var people, groups, places []schema.Entity
	for i := 0; i < 150; i++ {
		people = append(people, ent(schema.Person, fmt.Sprintf("Person %03d", i)))
		groups = append(groups, ent(schema.ArmedGroup, fmt.Sprintf("Group %03d", i%60)))
		places = append(places, ent(schema.City, fmt.Sprintf("Town %03d", i%80)))
	}
	role := ent(schema.Role, "Commander")
	pick := func(pool []schema.Entity) schema.Entity { return pool[rng.Intn(len(pool))] }
	var out []schema.Extraction
	for d := 0; d < n; d++ {
		// Every document also mentions the fixture's envoy and valley, so
		// the saved queries below have hubs to walk.
		ents := map[string]schema.Entity{quill.IRI: quill, nsf.IRI: nsf, varna.IRI: varna, role.IRI: role}
		var sentences []string
		var facts []schema.Fact
		for k := 0; k < 12; k++ {
			p, g, pl := pick(people), pick(groups), pick(places)
			ents[p.IRI], ents[g.IRI], ents[pl.IRI] = p, g, pl
			sentences = append(sentences, fmt.Sprintf("%s of %s was seen in %s (%d).", p.Name, g.Name, pl.Name, k))
			i := len(sentences) - 1
			facts = append(facts, fact(p, "member_of", g.IRI, i, 0.7), fact(g, "controls", pl.IRI, i, 0.6), fact(p, "role", role.IRI, i, 0.5))
		}
		sentences = append(sentences, "Quill opposes the NSF in Varna.")
		i := len(sentences) - 1
		g := pick(groups)
		ents[g.IRI] = g
		facts = append(facts, fact(quill, "opposes", nsf.IRI, i, 0.6), fact(nsf, "controls", varna.IRI, i, 0.6), fact(g, "opposes", nsf.IRI, i, 0.5))
		var list []schema.Entity
		for _, e := range ents {
			list = append(list, e)
		}
		out = append(out, doc(fmt.Sprintf("synthetic-%04d", d), fmt.Sprintf("Report %d", d), time.Date(2026, 1, 1+d%28, 0, 0, 0, 0, time.UTC), list, sentences, facts...))
	}
	return out
}

// BenchmarkSavedQueries measures the latency of each saved query on a
// store of the fixture plus 300 synthetic documents (~11k facts).
func BenchmarkSavedQueries(b *testing.B) {
	st := openFixture(b, syntheticDocs(300)...)
	reg, err := Load("")
	if err != nil {
		b.Fatal(err)
	}
	r := &Runner{QS: st.QuadStore(), RowLimit: 100000}
	for _, c := range []struct {
		name string
		p    map[string]string
	}{
		{"roles", map[string]string{"person": "Mara Quill"}},
		{"roles", map[string]string{"person": "person 007"}}, // case-insensitive pass
		{"who-controls", map[string]string{"place": "Varna"}},
		{"relations", map[string]string{"entity": "NSF"}},
		{"statements", map[string]string{"speaker": "Quill"}},
		{"sources", map[string]string{"entity": "Varna"}},
		{"entities", map[string]string{"class": "Person"}},
		{"connections", map[string]string{"from": "Person 001", "to": "Ostland", "hops": "3"}},
		{"shortest-path", map[string]string{"from": "Person 001", "to": "Ostland"}},
	} {
		q, _ := reg.Get(c.name)
		keys := make([]string, 0, len(c.p))
		for k := range c.p {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		name := c.name + "/" + c.p[keys[0]]
		bench(b, r, q, name, c.p)
	}
	// Entities of a class listed from index keys (Runner.Keys, bolt):
	// one key per entity instead of one quad per document that types it.
	q, _ := reg.Get("entities")
	keyed := &Runner{QS: st.QuadStore(), Keys: st, RowLimit: 100000}
	bench(b, keyed, q, "entities/Person-from-keys", map[string]string{"class": "Person"})
	// Path searches reading neighbours from index entries (KeyReader.Links)
	// instead of a planned scan per relation predicate.
	for _, name := range []string{"connections", "shortest-path"} {
		q, _ := reg.Get(name)
		p := map[string]string{"from": "Person 001", "to": "Ostland"}
		if name == "connections" {
			p["hops"] = "3"
		}
		bench(b, keyed, q, name+"/Person_001-from-keys", p)
	}
	// The same case-insensitive lookup on a store with ng:key quads (the
	// layout change proposed with schema.PredKey).
	var keys []quad.Quad
	err = st.EachQuad(context.Background(), func(q quad.Quad) error {
		if q.Predicate == quad.IRI(schema.PredAlias) {
			if s, ok := q.Object.(quad.String); ok {
				keys = append(keys, quad.Make(q.Subject, quad.IRI(schema.PredKey), quad.String(schema.NameKey(string(s))), q.Label))
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	if err := st.Handle().QuadWriter.AddQuadSet(keys); err != nil {
		b.Fatal(err)
	}
	q, _ = reg.Get("roles")
	bench(b, r, q, "roles/person_007-with-keys", map[string]string{"person": "person 007"})
}

func bench(b *testing.B, r *Runner, q Query, name string, params map[string]string) {
	{
		b.Run(name, func(b *testing.B) {
			rows := 0
			for i := 0; i < b.N; i++ {
				res, err := r.Run(context.Background(), q, params)
				if err != nil {
					b.Fatal(err)
				}
				rows = len(res.Rows)
			}
			b.ReportMetric(float64(rows), "rows")
		})
	}
}

package queries

import (
	"context"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/cayley/query/path"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

func BenchmarkScratch(b *testing.B) {
	st := openFixture(b, syntheticDocs(300)...)
	qs := st.QuadStore()
	ctx := context.Background()
	var rel []interface{}
	for _, p := range schema.Predicates() {
		if !p.Literal() {
			rel = append(rel, quad.IRI(p.IRI()))
		}
	}
	b.Run("path-neigh", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			neighbours(ctx, qs, nsf.IRI, rel)
		}
	})
	b.Run("qi-neigh", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			n := 0
			for _, d := range []quad.Direction{quad.Subject, quad.Object} {
				it := qs.QuadIterator(d, must(qs.ValueOf(quad.IRI(nsf.IRI)))).Iterate()
				for it.Next(ctx) {
					q, _ := qs.Quad(it.Result())
					_ = q
					n++
				}
				it.Close()
			}
			if i == 0 {
				b.Log(n)
			}
		}
	})
	b.Run("path-names", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			path.StartPath(qs).Out(quad.IRI(schema.PredName), quad.IRI(schema.PredAlias)).Unique().Iterate(ctx).EachValue(qs, func(v quad.Value) error { return nil })
		}
	})
	b.Run("qi-names", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			n := 0
			seen := map[interface{}]bool{}
			for _, p := range []string{schema.PredName, schema.PredAlias} {
				it := qs.QuadIterator(quad.Predicate, must(qs.ValueOf(quad.IRI(p)))).Iterate()
				for it.Next(ctx) {
					r, _ := qs.QuadDirection(it.Result(), quad.Object)
					k := r.Key()
					if seen[k] {
						continue
					}
					seen[k] = true
					qs.NameOf(r)
					n++
				}
				it.Close()
			}
			if i == 0 {
				b.Log(n)
			}
		}
	})
	r := &Runner{QS: qs}
	for _, src := range []string{
		`g.V(iri(vocab.iri.type)).ToArray()`,
		`g.Emit(g.V(iri("` + nsf.IRI + `")).Out(vocab.relations.map(function(p){return iri(p)}), "p").TagArray().length)`,
		`g.Emit(g.V(iri("` + nsf.IRI + `")).Out(null, "p").TagArray().length)`,
		`g.Emit(g.V(iri("` + nsf.IRI + `")).In(null, "p").TagArray().length)`,
		`g.Emit(g.V(iri("` + quill.IRI + `")).In(iri(vocab.iri.subject)).Has(iri(vocab.iri.predicate), iri("ng:role")).ToArray().length)`,
		`g.Emit(g.V(iri("` + quill.IRI + `")).In(iri(vocab.iri.subject)).ToArray().length)`,
		`g.Emit(g.V(iri("ng:role")).In(iri(vocab.iri.predicate)).Has(iri(vocab.iri.subject), iri("` + quill.IRI + `")).ToArray().length)`,
	} {
		b.Run("gizmo", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				res, err := r.Gizmo(ctx, src)
				if err != nil {
					b.Fatal(err)
				}
				if i == 0 {
					b.Log(src, res.Rows)
				}
			}
		})
	}
}

func must(r refs.Ref, err error) cgraph.Ref { return r }

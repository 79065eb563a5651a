package graph

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// extractionOdd has text N-Quads must escape: quotes, backslashes, line
// breaks, tabs and non-ASCII letters.
func extractionOdd() schema.Extraction {
	const id = "odd\u00e9 \"id\""
	s1 := "Ana Łukasz said: \"We\\they will stay\"\n\tin Dörfl — for now."
	ana := entity(schema.Person, "Ana Łukasz", "Łukasz")
	quote := entity(schema.Statement, "We\\they will stay\"\nin Dörfl")
	quote.IRI = schema.StatementIRI(ana.IRI, quote.Name)
	return schema.Extraction{
		Document: schema.Document{ID: id, Title: "Tabs\tand \"quotes\"", Text: s1},
		Entities: []schema.Entity{ana, quote},
		Facts:    []schema.Fact{fact(id, ana, "said", quote.IRI, s1, 3, "said-colon", map[string]string{schema.QualHedge: "claimed"})},
	}
}

func TestBackupRestoreRoundTrip(t *testing.T) {
	forEachBackend(t, func(t *testing.T, cfg func() Config) {
		ctx := context.Background()
		src := openStore(t, cfg())
		res := write(t, src, extractionA(textA), extractionB(textB), extractionOdd())
		for _, r := range res {
			if r.Status != StatusAdded {
				t.Fatalf("write: %+v", r)
			}
		}
		want := storeQuads(t, src)

		for _, compress := range []bool{false, true} {
			var buf bytes.Buffer
			if compress {
				zw := gzip.NewWriter(&buf)
				if err := src.Backup(ctx, zw); err != nil {
					t.Fatal(err)
				}
				zw.Close()
			} else if err := src.Backup(ctx, &buf); err != nil {
				t.Fatal(err)
			}
			if !compress && strings.Count(buf.String(), "\n") != len(want) {
				t.Errorf("backup has %d lines, store %d quads", strings.Count(buf.String(), "\n"), len(want))
			}
			dst := openStore(t, Config{Path: t.TempDir()})
			if err := dst.Restore(ctx, bytes.NewReader(buf.Bytes())); err != nil {
				t.Fatalf("restore (gzip %v): %v", compress, err)
			}
			if d := diffLines(storeQuads(t, dst), want); d != "" {
				t.Fatalf("restored store differs (gzip %v):\n%s", compress, d)
			}
			// Same value kinds too (an integer stays quad.Int, not a typed string).
			if d := diffLines(storeKinds(t, dst), storeKinds(t, src)); d != "" {
				t.Fatalf("restored value kinds differ:\n%s", d)
			}
			// Restoring twice adds nothing.
			if err := dst.Restore(ctx, bytes.NewReader(buf.Bytes())); err != nil {
				t.Fatal(err)
			}
			st, _ := dst.Stats(ctx)
			if st.Quads != int64(len(want)) || st.Documents != 3 {
				t.Errorf("stats after a second restore: %+v, want %d quads", st, len(want))
			}
			// The restored store works as a store: same text is unchanged,
			// delete removes the document.
			if r := write(t, dst, extractionOdd()); r[0].Status != StatusUnchanged {
				t.Errorf("rewrite into restored store: %+v", r[0])
			}
			if _, err := dst.DeleteDocument(ctx, extractionOdd().Document.ID); err != nil {
				t.Errorf("delete from restored store: %v", err)
			}
		}
	})
}

func storeKinds(t *testing.T, s *Store) []string {
	var out []string
	s.EachQuad(context.Background(), func(q quad.Quad) error {
		out = append(out, fmt.Sprintf("%s %T %T %T %T", quadKey(q), q.Subject, q.Predicate, q.Object, q.Label))
		return nil
	})
	sort.Strings(out)
	return out
}

func TestRestoreBadInput(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, Config{Path: t.TempDir()})
	before := storeQuads(t, s)
	err := s.Restore(ctx, strings.NewReader("<a> <b> \"unterminated .\n"))
	if err == nil {
		t.Fatal("broken N-Quads accepted")
	}
	if d := diffLines(storeQuads(t, s), before); d != "" {
		t.Errorf("a failed restore changed the store:\n%s", d)
	}
	if err := s.Restore(ctx, strings.NewReader("<ng:stats> <ng:count_documents> \"5\"^^<xsd:integer> <ng:stats> .\n")); err == nil {
		t.Error("a quad under the bookkeeping label was restored")
	}
}

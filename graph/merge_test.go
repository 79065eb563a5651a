package graph

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/schema"
)

func TestMergeListUnmerge(t *testing.T) {
	forEachBackend(t, func(t *testing.T, cfg func() Config) {
		ctx := context.Background()
		s := openStore(t, cfg())
		// Article c knows Mara Voss only by her surname: a separate node
		// until a cross-document rule merges it.
		vossShort := entity(schema.Person, "Voss")
		c := schema.Extraction{
			Document: schema.Document{ID: "article-c", Text: "Voss lives in Lindqvist."},
			Entities: []schema.Entity{vossShort, lindqvist},
			Facts:    []schema.Fact{fact("article-c", vossShort, "lives_in", lindqvist.IRI, "Voss lives in Lindqvist.", 0, "lives-in", nil)},
		}
		write(t, s, extractionA(textA), extractionB(textB), c)
		before := storeQuads(t, s)
		st0, _ := s.Stats(ctx)

		m, err := s.Merge(ctx, vossShort.IRI, voss.IRI, "surname-in-context")
		if err != nil {
			t.Fatal(err)
		}
		if m.From != vossShort.IRI || m.Into != voss.IRI || m.Rule != "surname-in-context" ||
			!slices.Equal(m.Names, []string{"Voss"}) || !slices.Equal(m.Documents, []string{"article-c"}) || m.ID == "" {
			t.Errorf("merge = %+v", m)
		}
		if time.Since(m.At) > time.Minute {
			t.Errorf("merge time %v", m.At)
		}
		got := storeQuads(t, s)
		sameAs := "<" + vossShort.IRI + "> <" + schema.PredSameAs + "> <" + voss.IRI + "> <" + schema.LabelMerges + ">"
		if !slices.Contains(got, sameAs) {
			t.Errorf("no same_as edge %s", sameAs)
		}
		// Documents keep their quads: all of before is still there.
		for _, l := range before {
			if !slices.Contains(got, l) {
				t.Errorf("merge removed %s", l)
			}
		}
		list, err := s.Merges(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 1 || list[0].ID != m.ID || list[0].From != m.From || !slices.Equal(list[0].Documents, m.Documents) || !list[0].At.Equal(m.At) {
			t.Errorf("merges = %+v, want [%+v]", list, m)
		}
		// Merging again is the same merge; the reverse is refused.
		if m2, err := s.Merge(ctx, vossShort.IRI, voss.IRI, "other"); err != nil || m2.ID != m.ID || m2.Rule != m.Rule {
			t.Errorf("merge again: %+v, %v", m2, err)
		}
		for _, bad := range [][2]string{{voss.IRI, vossShort.IRI}, {voss.IRI, voss.IRI}, {voss.IRI, lindqvist.IRI}} {
			if _, err := s.Merge(ctx, bad[0], bad[1], ""); !errors.Is(err, ErrMergeConflict) {
				t.Errorf("merge %s into %s: %v, want ErrMergeConflict", bad[0], bad[1], err)
			}
		}
		if _, err := s.Merge(ctx, "ent:person/nobody", voss.IRI, ""); !errors.Is(err, ErrNotFound) {
			t.Errorf("merge of an unknown entity: %v", err)
		}
		// Deleting a document leaves the merge record (it says which
		// documents were involved at the time).
		if _, err := s.DeleteDocument(ctx, "article-c"); err != nil {
			t.Fatal(err)
		}
		if list, _ := s.Merges(ctx); len(list) != 1 {
			t.Errorf("merges after delete = %+v", list)
		}
		write(t, s, c)

		if err := s.Unmerge(ctx, m.ID); err != nil {
			t.Fatal(err)
		}
		after := storeQuads(t, s)
		if d := diffLines(withoutIngestedAt(after), withoutIngestedAt(before)); d != "" {
			t.Errorf("unmerge did not restore the store:\n%s", d)
		}
		if st, _ := s.Stats(ctx); st != st0 {
			t.Errorf("stats after unmerge %+v, before merge %+v", st, st0)
		}
		if err := s.Unmerge(ctx, m.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("second unmerge: %v", err)
		}
		if list, _ := s.Merges(ctx); len(list) != 0 {
			t.Errorf("merges after unmerge = %+v", list)
		}
	})
}

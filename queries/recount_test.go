package queries

import (
	"context"
	"testing"
)

// The documents column of entities counts index entries: a document
// replaced or deleted must not be counted any more (Cayley leaves deleted
// quads' ids in index entries; graph prunes them).
func TestEntitiesCountAfterReplaceAndDelete(t *testing.T) {
	st := openFixture(t)
	reg := mustLoad(t, "")
	q, _ := reg.Get("entities")
	runners := map[string]*Runner{"scan": {QS: st.QuadStore()}, "keys": {QS: st.QuadStore(), Keys: st}}
	check := func(when string, want int64) {
		t.Helper()
		for name, r := range runners {
			res, err := r.RunAll(context.Background(), q, map[string]string{"class": "Person"})
			if err != nil {
				t.Fatal(err)
			}
			var got any
			for _, row := range res.Rows {
				if row["entity"] == "Mara Quill" {
					got = row["documents"]
				}
			}
			if got != want {
				t.Errorf("%s, %s: Mara Quill in %v documents, want %d", when, name, got, want)
			}
		}
	}
	check("as written", 2)
	exts := fixtureExtractions()
	exts[0].Document.Text += " Updated."
	if _, err := st.WriteDocuments(context.Background(), exts[:1]); err != nil {
		t.Fatal(err)
	}
	check("after replacing one", 2)
	if _, err := st.DeleteDocument(context.Background(), exts[0].Document.ID); err != nil {
		t.Fatal(err)
	}
	check("after deleting one", 1)
}

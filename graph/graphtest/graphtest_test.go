package graphtest

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

func TestForEachBackendGivesEmptyStores(t *testing.T) {
	ForEachBackend(t, func(t *testing.T, cfg graph.Config) {
		s, err := graph.Open(context.Background(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		st, err := s.Stats(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if st.Documents != 0 || st.Quads != int64(len(graph.SchemaQuads())) {
			t.Errorf("new store: %+v", st)
		}
	})
}

package graph

import (
	"context"
	"errors"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// standbyEnv names the connection string of a hot standby streaming from
// the PostgreSQL of NEWSGRAPH_TEST_POSTGRES (same database).
const standbyEnv = "NEWSGRAPH_TEST_POSTGRES_STANDBY"

// standbyConfig is primary's store as its hot standby serves it: the same
// schema (search_path) on the standby's address. It skips the test loudly
// when no standby is configured.
func standbyConfig(t *testing.T, primary Config) Config {
	t.Helper()
	addr := os.Getenv(standbyEnv)
	if addr == "" {
		t.Skipf("SKIPPED: replica tests not run: set %s to a hot standby of %s", standbyEnv, postgresEnv)
	}
	u, err := url.Parse(primary.Address)
	if err != nil {
		t.Fatal(err)
	}
	return Config{Backend: BackendPostgres, Address: withSearchPath(t, addr, u.Query().Get("search_path"))}
}

// eventually retries fn until it succeeds or the deadline passes: the
// standby applies the primary's changes asynchronously. Not a timing
// assertion: the deadline only bounds a broken replication.
func eventually(t *testing.T, what string, fn func() error) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		err := fn()
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: still failing after 60 s: %v", what, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestReplicaServesPrimaryWritesAndRefusesWrites(t *testing.T) {
	ctx := context.Background()
	pcfg := postgresConfig(t)
	scfg := standbyConfig(t, pcfg)
	primary := openStore(t, pcfg)
	write(t, primary, extractionA(textA))

	var standby *Store
	eventually(t, "open the store on the standby", func() error {
		s, err := Open(ctx, scfg)
		if err != nil {
			if !errors.Is(err, ErrReadOnly) {
				t.Fatalf("open on the standby: %v", err) // not the replication delay
			}
			return err
		}
		standby = s
		return nil
	})
	t.Cleanup(func() { standby.Close() })
	if !standby.Standby() || primary.Standby() {
		t.Fatalf("Standby(): standby %v, primary %v", standby.Standby(), primary.Standby())
	}
	eventually(t, "document written on the primary readable on the standby", func() error {
		_, err := standby.Document(ctx, "article-a")
		return err
	})

	// The replica answers what the primary holds, and says how far behind it is.
	write(t, primary, extractionB(textB))
	want, err := primary.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want.Replication == nil || want.Replication.Role != "primary" || len(want.Replication.Standbys) == 0 {
		t.Errorf("primary's replication state: %+v", want.Replication)
	}
	eventually(t, "standby catches up", func() error {
		got, err := standby.Stats(ctx)
		if err != nil {
			return err
		}
		if got.Quads != want.Quads || got.Documents != 2 {
			return errors.New("standby behind")
		}
		if r := got.Replication; r == nil || r.Role != "standby" || !r.Receiving || r.LagSeconds < 0 {
			t.Fatalf("standby's replication state: %+v", r)
		}
		return nil
	})
	if got, want := storeQuads(t, standby), storeQuads(t, primary); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("standby differs from primary:\n%s", diffLines(got, want))
	}

	// Every write is refused, clearly, and nothing changes.
	res, err := standby.WriteDocuments(ctx, []schema.Extraction{extractionA(textA + " More.")})
	if !errors.Is(err, ErrReadOnly) || res[0].Status != StatusFailed || !errors.Is(res[0].Err, ErrReadOnly) {
		t.Errorf("write on the standby: %+v, %v", res, err)
	}
	if err != nil && !strings.Contains(err.Error(), "primary") {
		t.Errorf("the error does not say where to write: %v", err)
	}
	if _, err := standby.DeleteDocument(ctx, "article-a"); !errors.Is(err, ErrReadOnly) {
		t.Errorf("delete on the standby: %v", err)
	}
	if err := standby.Handle().QuadWriter.AddQuad(quad.MakeIRI("ent:a", "ng:b", "ent:c", "")); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Cayley write on the standby: %v", err)
	}
	if _, err := standby.Merge(ctx, "ent:person/a", "ent:person/b", ""); !errors.Is(err, ErrReadOnly) {
		t.Errorf("merge on the standby: %v", err)
	}

	// A delete on the primary reaches the standby too.
	if _, err := primary.DeleteDocument(ctx, "article-a"); err != nil {
		t.Fatal(err)
	}
	eventually(t, "delete replicated", func() error {
		if _, err := standby.Document(ctx, "article-a"); !errors.Is(err, ErrNotFound) {
			return errors.New("still there")
		}
		return nil
	})
}

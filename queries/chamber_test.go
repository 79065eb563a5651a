package queries

import (
	"context"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/schema"
)

// TestWhoControlsAChamber: controls also holds a party's majority in a
// legislative chamber (a government body, not a place); who-controls answers
// for the chamber by its name as it does for a place.
func TestWhoControlsAChamber(t *testing.T) {
	party := ent(schema.PoliticalParty, "Harbor Party", "Harborites")
	senate := ent(schema.Government, "Senate")
	d := doc("chamber-1", "Harborites keep the Senate", time.Date(2026, 4, 2, 0, 0, 0, 0, time.UTC),
		[]schema.Entity{party, senate},
		[]string{"The Harborites hold a 54-46 majority in the Senate."},
		fact(party, "controls", senate.IRI, 0, 0.9))
	st := openFixture(t, d)
	r := &Runner{QS: st.QuadStore(), Keys: st}
	wc, _ := mustLoad(t, "").Get("who-controls")
	for _, runner := range []*Runner{r, {QS: r.QS, plain: true}} {
		res, err := runner.Run(context.Background(), wc, map[string]string{"place": "senate"})
		if err != nil {
			t.Fatalf("who-controls senate (plain %v): %v", runner.plain, err)
		}
		same(t, "who-controls senate", table(res, "place", "actor", "negated", "document"), []string{
			"Senate | Harbor Party | false | doc:chamber-1",
		})
	}
}

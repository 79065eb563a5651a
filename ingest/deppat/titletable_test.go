package deppat_test

import (
	"testing"

	"github.com/newsgraph/newsgraph/ingest/deppat"
)

// The candidacy and Fed governor table is read by the rewrites and by
// ingest's orgRel: its answers are what both rely on.
func TestTitleTables(t *testing.T) {
	for title, want := range map[string]bool{
		"Senate candidate": true, "Republican nominee": true, "presidential hopefuls": true,
		"candidate relations officer": false, "Senator": false, "": false,
	} {
		if got := deppat.CandidacyTitle(title); got != want {
			t.Errorf("CandidacyTitle(%q) = %v, want %v", title, got, want)
		}
	}
	for title, want := range map[string]bool{
		"Governor": true, "Fed Governor": true, "former Gov.": true, "governors": true,
		"Governor General": false, "Deputy Governor": false, "Chair": false,
	} {
		if got := deppat.FedGovernorTitle(title); got != want {
			t.Errorf("FedGovernorTitle(%q) = %v, want %v", title, got, want)
		}
	}
	for name, want := range map[string]bool{
		"Fed": true, "the Federal Reserve": true, "U.S. Federal Reserve": true, "Federal Reserve Board": true,
		"Federal Reserve Bank of New York": false, "Bank of England": false,
	} {
		if got := deppat.FedBoard(name); got != want {
			t.Errorf("FedBoard(%q) = %v, want %v", name, got, want)
		}
	}
}

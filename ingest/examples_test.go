package ingest

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

func exampleDocs(t testing.TB) []schema.Document {
	t.Helper()
	var docs []schema.Document
	err := Read(context.Background(), []string{"../examples"}, func(d schema.Document, err error) error {
		if err != nil {
			t.Errorf("example unreadable: %v", err)
			return nil
		}
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) < 4 {
		t.Fatalf("only %d example documents", len(docs))
	}
	return docs
}

// TestExamplesProduceTheSameKindsOfFacts checks that the rules written for
// the seed article's patterns also read the example articles, which use
// other names, places and conflicts.
func TestExamplesProduceTheSameKindsOfFacts(t *testing.T) {
	kinds := map[string]int{}
	perDoc := map[string]map[string]bool{}
	want := map[string][]string{
		"valdoria-river-offensive": {"Helena Marsh|role|Special Envoy for Valdoria", "Helena Marsh|works_for|UN", "Freedom Front for Valdoria|controls|Brannock", "Freedom Front for Valdoria|strength|8000", "Kessel|located_in|Northern Marches", "Kessel|population|120000", "Valdorian army|attacked|Drava"},
		"harbor-city-blockade":     {"Anna Kovac|role|Defence Minister", "Daniel Reyes|lives_in|Port Seren", "Coastal Liberation Army|affiliated_with|Tarsis Movement", "Port Seren|population|600000"},
		"kestrel-cyber-case":       {"Kestrel Systems|based_in|Osland", "Markus Feld|works_for|University of Osland", "Osland|located_in|Brevia"},
		// Not "Gregor Halm|lives_in|Dornberg": the classifier read it from
		// the dateline, which says where the story was filed; the
		// sentence that states it ("Halm, who lives in Dornberg") names
		// him by a surname the entity stage does not mark there.
		"northland-election": {"Petra Solberg|works_for|Northland Unity Party", "Gregor Halm|leads|Northland Unity Party"},
		"aurelia-drought":    {"African Union|backs|Aurelian government", "Marek Dvorsky|works_for|World Food Programme", "Talmora|located_in|Aurelia"},
	}
	for _, d := range exampleDocs(t) {
		ext, err := extractor(t).Extract(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		got := triples(ext)
		perDoc[d.ID] = map[string]bool{}
		for _, f := range ext.Facts {
			kinds[f.Predicate]++
			perDoc[d.ID][f.Predicate] = true
			if f.Evidence.Rule == "classifier" {
				if c := f.Evidence.Confidence; c <= 0 || c > 1 {
					t.Errorf("classifier fact with confidence %v", c)
				}
			} else if strings.HasPrefix(f.Evidence.Rule, depRulePrefix) {
				if c := f.Evidence.Confidence; c <= 0 || c > 1 {
					t.Errorf("%s fact with confidence %v", f.Evidence.Rule, c)
				}
			} else if _, ok := confidences[f.Evidence.Rule]; !ok {
				t.Errorf("rule %q has no calibrated confidence", f.Evidence.Rule)
			}
		}
		for _, w := range want[d.ID] {
			if !containsStr(got, w) {
				t.Errorf("%s: missing %s\n got %v", d.ID, w, got)
			}
		}
		if !perDoc[d.ID]["said"] {
			t.Errorf("%s: no attributed statement", d.ID)
		}
	}
	for _, k := range []string{"role", "works_for", "leads", "controls", "backs", "attacked", "located_in", "lives_in", "based_in", "said", "population", "strength", "affiliated_with", "active_in"} {
		if kinds[k] == 0 {
			t.Errorf("no %s fact in any example", k)
		}
	}
}

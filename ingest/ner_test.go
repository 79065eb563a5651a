package ingest

import (
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

// The trained recogniser types names that no gazetteer, head word or
// pattern knows; what it calls MISC (a work, an event, a product) is no
// person.
func TestRecogniserTypesUnknownNames(t *testing.T) {
	classes := func(text string) map[string]schema.Class {
		out := map[string]schema.Class{}
		for _, e := range extractText(t, text).Entities {
			out[e.Name] = e.Class
		}
		return out
	}
	got := classes("Millions of fans watched the Champions League final on Saturday, and the Super Bowl drew more.")
	for _, name := range []string{"Champions League", "Super Bowl"} {
		if c, ok := got[name]; ok && c == schema.Person {
			t.Errorf("%s typed Person: %v", name, got)
		}
	}
	got = classes("Executives at Vostrel Dynamics met Karin Abelsen on Monday.")
	if got["Karin Abelsen"] != schema.Person {
		t.Errorf("Karin Abelsen: %v, want Person (%v)", got["Karin Abelsen"], got)
	}
	if c := got["Vostrel Dynamics"]; c == schema.Person || c == "" {
		t.Errorf("Vostrel Dynamics: %q, want an organisation (%v)", c, got)
	}
}

package schema

import (
	"reflect"
	"testing"
)

func TestProvRoundTrip(t *testing.T) {
	for _, ev := range []Evidence{
		{Start: 0, End: 54, Rule: "appositive-title", Confidence: 0.75},
		{Start: 1234, End: 1390, Rule: "passive-held-by", Confidence: 0.8,
			Qualifiers: map[string]string{QualFormer: "true", QualTime: "since June"}},
		{Start: 7, End: 9, Rule: "a|b=c%d", Confidence: 1.0 / 3,
			Qualifiers: map[string]string{QualHedge: "x | y = 100%", QualNegated: "true", QualApproximate: "false"}},
		{Start: 3, End: 3},
	} {
		s := EncodeProv(ev)
		got, err := DecodeProv(s)
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		if !reflect.DeepEqual(got, ev) {
			t.Errorf("%q decodes to %+v, want %+v", s, got, ev)
		}
	}
	if got := EncodeProv(Evidence{Start: 1, End: 2, Rule: "r", Confidence: 0.8, Qualifiers: map[string]string{QualTime: "in 2017", QualFormer: "true"}}); got != "1|2|r|0.8|former|time=in 2017" {
		t.Errorf("encoding %q", got)
	}
	for _, bad := range []string{"", "1|2|r", "x|2|r|0.5", "1|2|r|high"} {
		if _, err := DecodeProv(bad); err == nil {
			t.Errorf("%q decoded", bad)
		}
	}
}

func TestDocIRIOfNode(t *testing.T) {
	f := Fact{Subject: "ent:a/b", Predicate: "controls", Object: "ent:c/d", Evidence: Evidence{DocID: "dispatch 2/x", Start: 1, End: 5}}
	for _, iri := range []string{f.EvidenceIRI(), SentenceIRI("dispatch 2/x", 1, 5)} {
		if d, ok := DocIRIOfNode(iri); !ok || d != DocIRI("dispatch 2/x") {
			t.Errorf("%s: document %q %v", iri, d, ok)
		}
	}
	for _, iri := range []string{MergeIRI("ent:a/b", "ent:a/c"), "ent:person/x", "doc:x"} {
		if d, ok := DocIRIOfNode(iri); ok {
			t.Errorf("%s: document %q", iri, d)
		}
	}
	if c := FinestClass([]Class{Location, Region, Province}); c != Province {
		t.Errorf("finest of Location, Region, Province: %s", c)
	}
}

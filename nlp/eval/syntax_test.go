package eval

import (
	"math"
	"testing"

	"github.com/newsgraph/newsgraph/nlp"
)

func TestSyntax(t *testing.T) {
	gold := []nlp.Sentence{{Tokens: []nlp.Token{
		{Text: "Rebels", Tag: "NNS", UPOS: "NOUN", Head: 1, Rel: "nsubj"},
		{Text: "were", Tag: "VBD", UPOS: "AUX", Head: 2, Rel: "aux:pass"},
		{Text: "seen", Tag: "VBN", UPOS: "VERB", Head: -1, Rel: "root"},
		{Text: ".", Tag: ".", UPOS: "PUNCT", Head: 2, Rel: "punct"},
	}}}
	pred := []nlp.Sentence{{Tokens: []nlp.Token{
		{Text: "Rebels", Tag: "NNS", UPOS: "PROPN", Head: 2, Rel: "nsubj:pass"}, // wrong head
		{Text: "were", Tag: "VBD", UPOS: "AUX", Head: 2, Rel: "aux"},            // right: universal part matches
		{Text: "seen", Tag: "VBD", UPOS: "VERB", Head: -1, Rel: "root"},
		{Text: ".", Tag: ".", UPOS: "PUNCT", Head: 2, Rel: "obj"}, // right head, wrong label
	}}}
	var s Syntax
	if err := s.AddSyntax(gold, pred); err != nil {
		t.Fatal(err)
	}
	want := Syntax{Words: 4, UPOS: 3, XPOS: 3, UAS: 3, LAS: 2}
	if s != want {
		t.Fatalf("got %+v, want %+v", s, want)
	}
	if math.Abs(s.LASScore()-0.5) > 1e-9 || math.Abs(s.UASScore()-0.75) > 1e-9 || s.UPOSAccuracy() != 0.75 {
		t.Errorf("scores %s", s)
	}
	if err := s.AddSyntax(gold, nil); err == nil {
		t.Errorf("sentence count mismatch: no error")
	}
	if err := s.AddSyntax(gold, []nlp.Sentence{{Tokens: gold[0].Tokens[:3]}}); err == nil {
		t.Errorf("token count mismatch: no error")
	}
	var empty Syntax
	if empty.LASScore() != 0 {
		t.Errorf("empty scores %v", empty.LASScore())
	}
}

package nlp

import (
	"reflect"
	"testing"
)

func TestEntitiesReadsIOB2AsConlleval(t *testing.T) {
	labels := []string{"B-PER", "I-PER", "O", "I-ORG", "I-ORG", "B-ORG", "I-LOC", "O"}
	s := Sentence{}
	for _, l := range labels {
		s.Tokens = append(s.Tokens, Token{Ent: l})
	}
	want := []Span{{0, 2, "PER"}, {3, 5, "ORG"}, {5, 6, "ORG"}, {6, 7, "LOC"}}
	if got := s.Entities(); !reflect.DeepEqual(got, want) {
		t.Errorf("Entities() = %v, want %v", got, want)
	}
}

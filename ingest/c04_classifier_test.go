package ingest

import "testing"

// The classifier's refusals (c04_classifier.go), with every rule and the
// classifier on: each sentence gave the wrong fact from the classifier
// before them, and the right facts beside it stay.
func TestC04ClassifierRefuses(t *testing.T) {
	cases := []struct {
		text, wrong, kept string
	}{
		// A victim's name modifying a killer's noun is not the object.
		{"Ray Vance , who shot Robert F. Kennedy assassin Sirhan Sirhan , and Martha Cole were among the guests .",
			"Ray Vance|killed|Robert F. Kennedy", "Sirhan Sirhan|killed|Robert F. Kennedy"},
		// A list of towns with their states: each town is in its own.
		{"Readings ranged from 2 degrees at Jackson , Wyo. , and Gunnison , Colo. , to 81 degrees at Miami , Fla .",
			"Jackson|located_in|Colo.", "Gunnison|located_in|Colo."},
	}
	for _, c := range cases {
		fs := factsOf(extractText(t, c.text))
		if len(fs[c.wrong]) > 0 {
			t.Errorf("%q gave %s (rule %s)", c.text, c.wrong, fs[c.wrong][0].Evidence.Rule)
		}
		if len(fs[c.kept]) == 0 {
			t.Errorf("%q lost %s", c.text, c.kept)
		}
	}
}

package ingest

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

// antecedentOf analyses text and returns the name of the entity that the
// n-th (from 0) occurrence of word refers to, "" for none.
func antecedentOf(t *testing.T, text, word string, n int) string {
	t.Helper()
	x, err := extractor(t).analyse(context.Background(), schema.Document{ID: "t", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for si, s := range x.sents {
		for ti, tok := range s.Toks {
			if tok.Text != word {
				continue
			}
			if seen++; seen-1 != n {
				continue
			}
			k, _ := x.Antecedent(si, ti)
			if k < 0 {
				return ""
			}
			return x.ents[k].name()
		}
	}
	t.Fatalf("no %q #%d in %q", word, n, text)
	return ""
}

func TestAntecedent(t *testing.T) {
	for _, tc := range []struct {
		name, text, word string
		n                int
		want             string
	}{
		{"pronoun, one person before", "Senator Ana Ruiz voted against the bill on Tuesday. She said it cut too deep.", "She", 0, "Ana Ruiz"},
		{"pronoun, two people: none", "Ana Ruiz met Tomas Berg on Tuesday. She said the talks went well.", "She", 0, ""},
		{"pronoun, beyond the window: none", "Ana Ruiz arrived on Monday. The talks began at noon. They lasted four hours. She said they went well.", "She", 0, ""},
		{"pronoun skips organisations", "Ana Ruiz left Norvik Resources Inc. in May. She said the company had changed.", "She", 0, "Ana Ruiz"},
		{"the company, opening a sentence", "Norvik Resources Inc. hired Ana Ruiz in May. The company said profits rose.", "The", 0, "Norvik Resources Inc."},
		{"the company after a person", "Ana Ruiz joined Norvik Resources Inc. in May. Profits at the company rose.", "the", 0, "Norvik Resources Inc."},
		{"the company, two companies: none", "Norvik Resources Inc. bought Delmar Foods Corp. in May. Profits at the company rose.", "the", 0, ""},
		{"the senator picks the senator", "Senator Ana Ruiz spoke with Tomas Berg, a banker, on Friday. Later the senator said the deal was done.", "the", 0, "Ana Ruiz"},
		{"the Republican picks the Republican", "Republican Ana Ruiz debated Democrat Tomas Berg on Friday. Afterwards the 64-year-old Republican said she had won.", "the", 0, "Ana Ruiz"},
		{"the senator, no senator: none", "Ana Ruiz spoke with Tomas Berg on Friday. Later the senator said the deal was done.", "the", 0, ""},
		{"a description naming someone else", "Senator Ana Ruiz spoke on Friday. Later the senator Tomas Berg said no.", "the", 0, ""},
		{"a club and a politician who share a name", "Marlow beat Eastfield 2-1 on Saturday. Senator Dana Marlow said on Sunday the stadium needs money. She said the club was a treasure.", "She", 0, "Dana Marlow"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := antecedentOf(t, tc.text, tc.word, tc.n); got != tc.want {
				t.Errorf("antecedent of %q = %q, want %q", tc.word, got, tc.want)
			}
		})
	}
}

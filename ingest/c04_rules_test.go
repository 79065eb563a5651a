package ingest

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

// The rules of c04_rules.go, from sentences written for the
// test: each positive case names the fact and the rule that must give it;
// each negative case a fact no rule may give.
func TestC04Rules(t *testing.T) {
	cases := []struct {
		name, text, fact, rule string
		allRules               bool // the rule is off by default
		absent                 bool
	}{
		{"possessive hometown after a town and state", "The museum in Moline, Illinois, Walter Pruitt's hometown, will open a new wing on Friday.",
			"Walter Pruitt|lives_in|Moline", "c04-poss-home", false, false},
		{"possessive home state of", "Senator Margaret Oduya's home state of Vermont voted for the measure on Tuesday.",
			"Margaret Oduya|lives_in|Vermont", "c04-poss-home", false, false},
		{"copula home state", "With Nebraska being Harold Lindqvist's home state, the campaign spent little there.",
			"Harold Lindqvist|lives_in|Nebraska", "c04-poss-home", false, false},
		{"their hometown of", "Daniel Okafor, 12, went missing on a fishing trip with his uncle near their hometown of Ely, Minn., police said.",
			"Daniel Okafor|lives_in|Ely", "c04-their-hometown", false, false},
		{"their hometown with two people", "Daniel Okafor and Peter Wills went missing near their hometown of Ely, Minn., police said.",
			"Daniel Okafor|lives_in|Ely", "c04-their-hometown", false, true},
		{"returned to his home in", "Senator Gregory Almeda returned to his home in Montana after the vote on Thursday.",
			"Gregory Almeda|lives_in|Montana", "c04-home-in", false, false},
		{"possessive home in", "A parcel sent to Secretary Elaine Farrow's home in a quiet Denver suburb was opened by police.",
			"Elaine Farrow|lives_in|Denver", "c04-home-in", false, false},
		{"her home with another person before", "Spokeswoman Carla Menzies said Ruth Abelson would return to her home in Boston next year.",
			"Carla Menzies|lives_in|Boston", "c04-home-in", false, true},
		{"place born title name", "Ohio born singer Dana Whitcombe played two shows in Nashville last week.",
			"Dana Whitcombe|lives_in|Ohio", "c04-place-born", true, false},
		{"born place is no birthplace", "The senator was born in Ohio and Dana Whitcombe played two shows in Nashville.",
			"Dana Whitcombe|lives_in|Ohio", "c04-place-born", true, true},
		{"appositive place and job", "Brian Castellano, a Tucson, Ariz., dentist, said he would appeal the ruling.",
			"Brian Castellano|lives_in|Tucson", "c04-appos-place-job", true, false},
		{"appositive country and job", "Peter Verhoeven, a Netherlands businessman, bought the company in 1987.",
			"Peter Verhoeven|lives_in|Netherlands", "c04-appos-place-job", true, false},
		{"one of the people of a place", "Avi Ronen, one of the leading water engineers in Jordan, said the plan would work.",
			"Avi Ronen|lives_in|Jordan", "c04-one-of-in", true, false},
		{"one of after a job and", "Sara Lund, an executive with Norrland Mining and one of the top geologists in Sweden, said so.",
			"Sara Lund|lives_in|Sweden", "c04-one-of-in", true, false},
		{"one of a group is no place", "Avi Ronen, one of the founders of the company in 1990, left in Jordan.",
			"Avi Ronen|lives_in|Jordan", "c04-one-of-in", true, true},
		{"possessive capital", "Kenya's capital, Nairobi, was calm on Sunday after the vote.",
			"Nairobi|located_in|Kenya", "c04-poss-capital", false, false},
		{"possessive second-largest city", "Fighters entered Syria's second-largest city, Aleppo, at dawn.",
			"Aleppo|located_in|Syria", "c04-poss-capital", false, false},
		{"possessive capital of a person", "Jordan Peterson's capital, Aleppo, was a joke.",
			"Aleppo|located_in|Jordan Peterson", "c04-poss-capital", true, true},
		{"part of a place", "Aid reached 3,000 people in Kibungo in the eastern part of Rwanda on Monday.",
			"Kibungo|located_in|Rwanda", "c04-part-of", true, false},
		{"copula job at", "Lena Fischer, 44, was acting treasurer at the Boston Symphony Orchestra when the fraud began.",
			"Lena Fischer|works_for|Boston Symphony Orchestra", "c04-copula-job-at", true, false},
		{"copula job at a place", "Lena Fischer was a nurse at Boston for years.",
			"Lena Fischer|works_for|Boston", "c04-copula-job-at", true, true},
		{"who works at", "Said Karen Whitley, 52, who is a sergeant in the Army Reserve and works at the Pentagon as an analyst.",
			"Karen Whitley|works_for|Pentagon", "c04-who-works-at", true, false},
		{"works at in another clause", "Karen Whitley met Tom Baker, and he works at the Pentagon.",
			"Karen Whitley|works_for|Pentagon", "c04-who-works-at", true, true},
		{"appositive domain expert", "Helen Marsh, a Cuba expert at the institute, said the talks would fail.",
			"Helen Marsh|lives_in|Cuba", "c04-appos-place-job", true, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ex := defaultExtractor(t)
			if c.allRules {
				ex = extractor(t)
			}
			ext, err := ex.Extract(context.Background(), schema.Document{ID: "t", Text: c.text})
			if err != nil {
				t.Fatal(err)
			}
			got := false
			for _, f := range factsOf(ext)[c.fact] {
				got = got || f.Evidence.Rule == c.rule
			}
			if c.absent {
				if got {
					t.Fatalf("%q gave %s from %s", c.text, c.fact, c.rule)
				}
				return
			}
			if !got {
				t.Fatalf("%q: no %s from %s; facts %v", c.text, c.fact, c.rule, triples(ext))
			}
		})
	}
	// The rules the default leaves off give nothing without --rules all.
	ext, err := defaultExtractor(t).Extract(context.Background(), schema.Document{ID: "t", Text: "Peter Verhoeven, a Netherlands businessman, bought the company in 1987."})
	if err != nil {
		t.Fatal(err)
	}
	if fs := factsOf(ext)["Peter Verhoeven|lives_in|Netherlands"]; len(fs) > 0 {
		t.Fatalf("default extraction kept %s's fact", fs[0].Evidence.Rule)
	}
}

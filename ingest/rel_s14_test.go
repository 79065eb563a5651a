package ingest

import "testing"

// Session 14: constructions of real news for leads and member_of
// (rules_s14.go). Sentences are our own.

func TestCabinetSecretaryDepartment(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "secretary of state leads the department the story names",
			text: "The State Department said on Monday that talks would resume. Secretary of State Laura Brenner will fly to Oslo next week.",
			want: []string{"Laura Brenner|leads|State Department"}},
		{name: "department word before the title",
			text: "Energy Secretary Carl Mendez toured the plant on Friday. The Department of Energy plans to fund two more reactors.",
			want: []string{"Carl Mendez|leads|Department of Energy"}},
		{name: "a former secretary led it",
			text:  "Former Secretary of State Laura Brenner criticized the plan. The State Department did not comment.",
			want:  []string{"Laura Brenner|leads|State Department"},
			quals: map[string]string{"Laura Brenner|leads|State Department#former": "true"}},
		{name: "under as a preposition",
			text: "Morale fell under Secretary of State Laura Brenner, State Department officials said.",
			want: []string{"Laura Brenner|leads|State Department"}},
		{name: "a state's secretary of state",
			text: "Ohio Secretary of State Mark Dollins certified the count. The State Department was not involved.",
			not:  []string{"Mark Dollins|leads|State Department"}},
		{name: "a deputy",
			text: "Deputy Secretary of State Mark Dollins met the envoy. The State Department said the talks went well.",
			not:  []string{"Mark Dollins|leads|State Department"}},
		{name: "a foreign secretary",
			text: "British Home Secretary Mark Dollins spoke on Monday. The Homeland Security Department said it would cooperate.",
			not:  []string{"Mark Dollins|leads|Homeland Security Department"}},
		{name: "no department named, no edge",
			text: "Interior Secretary Carl Mendez visited the park on Friday.",
			not:  []string{"Carl Mendez|leads|Interior"}},
	})
	wantRule(t, "Interior Secretary Carl Mendez visited the park on Friday. The Interior Department manages the land.", "Carl Mendez|leads|Interior Department", "cabinet-secretary-department")
}

func TestNamedPersonOfOrg(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "expert quoted with the firm",
			text: "Filing early is rarely worth it, said tax lawyer Maria Kessler of Kessler Partners.",
			want: []string{"Maria Kessler|works_for|Kessler Partners"}},
		{name: "a descriptor before the firm",
			text: "Maria Kessler of the consulting firm Deloitte said clients were calling every day.",
			want: []string{"Maria Kessler|works_for|Deloitte"}},
	})
	wantRule(t, "Maria Kessler of the consulting firm Deloitte said clients were calling every day.", "Maria Kessler|works_for|Deloitte", "named-person-of-org")
	// The gated person-of-org reads some of these, so the test looks at
	// the rule.
	for _, text := range []string{
		"Critics called him the Trump of the Tilford Group, a label he rejected.",           // a name used as a type
		"The envoy met Prime Minister Omar Haddad of the United Nations-backed government.", // the body modifies the next word
		"Democrats will meet Donald Trump at the White House on Thursday.",                  // "at" is where a meeting was
		"The Speaker of the House of Representatives said the vote would wait.",             // no person
		"Tom Reyes of the University of Texas at Austin said the study was small.",          // the name goes on
	} {
		noRule(t, text, "named-person-of-org")
	}
}

// noRule checks that the rule reads nothing in text.
func noRule(t *testing.T, text, rule string) {
	t.Helper()
	ext := extractText(t, text)
	for i, tr := range unsortedTriples(ext) {
		if ext.Facts[i].Evidence.Rule == rule {
			t.Errorf("%s read %q in %s", rule, tr, text)
		}
	}
}

func TestOrgPossessiveOrg(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "a company's unit",
			text: "Vantix Corp's Helio Networks Inc unit said on Monday it would cut 200 jobs.",
			want: []string{"Helio Networks Inc|member_of|Vantix Corp"}},
		{name: "a body's office",
			text: "The Environmental Protection Agency's Office of Water Quality issued the rule on Friday.",
			want: []string{"Office of Water Quality|member_of|Environmental Protection Agency"}},
		{name: "a university's school",
			text: "Anna Pike, a professor at Columbia University's School of Public Health, led the study.",
			want: []string{"School of Public Health|member_of|Columbia University"}},
	})
	for _, text := range []string{
		"The Children's Health Insurance Program ran out of money in September.", // one name
		"The House's Intelligence committee met behind closed doors on Tuesday.", // the committee is the body
	} {
		noRule(t, text, "org-poss-org")
	}
	// Two firms after the possessive: the first is the owner's, the second
	// is not (the name finder splits "Google and Facebook Inc").
	runCases(t, []ruleCase{{name: "a unit and a rival",
		text: "Analysts cited Alphabet Inc's Google and Facebook Inc as rivals.",
		want: []string{"Google|member_of|Alphabet Inc"}, not: []string{"Facebook Inc|member_of|Alphabet Inc"}}})
	wantRule(t, "The Environmental Protection Agency's Office of Water Quality issued the rule on Friday.", "Office of Water Quality|member_of|Environmental Protection Agency", "org-poss-org")
}

func TestPersonStaffTitles(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "a person's name before a staff title",
			text: "Senator Dana Whitfield spoke on Monday. Whitfield spokeswoman Carla Imes said the senator would vote no.",
			want: []string{"Carla Imes|works_for|Dana Whitfield"}},
		{name: "former, with a comma",
			text:  "Governor Dana Whitfield spoke on Monday. A former Whitfield adviser, Tom Brandt, pleaded guilty.",
			want:  []string{"Tom Brandt|works_for|Dana Whitfield"},
			quals: map[string]string{"Tom Brandt|works_for|Dana Whitfield#former": "true"}},
		{name: "a possessive chief of staff",
			text: "Governor Dana Whitfield spoke on Monday. He was backed by Whitfield's chief of staff, Tom Brandt.",
			want: []string{"Tom Brandt|works_for|Dana Whitfield"}},
		{name: "a title that is no service",
			text: "Governor Dana Whitfield spoke on Monday. Whitfield rival Tom Brandt said he would run.",
			not:  []string{"Tom Brandt|works_for|Dana Whitfield"}},
		{name: "after a comma the name starts another clause",
			text: "Governor Dana Whitfield spoke on Monday. In an email to a Whitfield aide, Brandt wrote that the deal was off.",
			not:  []string{"Brandt|works_for|Dana Whitfield"}},
	})
	wantRule(t, "Senator Dana Whitfield spoke on Monday. Whitfield spokeswoman Carla Imes said the senator would vote no.", "Carla Imes|works_for|Dana Whitfield", "person-title-name-staff")
}

func TestPartyTitleAppositiveNoArticle(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "a party word before a job of a body, no article",
			text: "Representative Alan Brisco, Republican chairman of the House Budget Committee, said the plan was dead.",
			want: []string{"Alan Brisco|member_of|Republican Party"}},
		{name: "no job of a body after the party word",
			text: "Alan Brisco, Republican leaders said on Monday, would not run again.",
			not:  []string{"Alan Brisco|member_of|Republican Party"}},
	})
	wantRule(t, "Representative Alan Brisco, Republican chairman of the House Budget Committee, said the plan was dead.", "Alan Brisco|member_of|Republican Party", "party-noun-appositive")
}

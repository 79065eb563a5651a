package ingest

import (
	"strings"
	"testing"
)

// saidCase checks said facts by speaker and a fragment of what was said:
// want rows must exist, not rows must not (any object holding the fragment).
type saidCase struct {
	name, text string
	want, not  [][2]string // speaker, fragment of the statement
}

func runSaidCases(t *testing.T, cases []saidCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := triples(extractText(t, c.text))
			has := func(spk, frag string) bool {
				for _, g := range got {
					if strings.HasPrefix(g, spk+"|said|") && strings.Contains(g, frag) {
						return true
					}
				}
				return false
			}
			for _, w := range c.want {
				if !has(w[0], w[1]) {
					t.Errorf("missing %s said …%s…\n text: %s\n got: %s", w[0], w[1], c.text, strings.Join(got, "; "))
				}
			}
			for _, n := range c.not {
				if has(n[0], n[1]) {
					t.Errorf("unexpected %s said …%s…\n got: %s", n[0], n[1], strings.Join(got, "; "))
				}
			}
		})
	}
}

// What a speech verb's object is not: "said of X" names a topic, a
// relative clause "who X said was …" ends at its comma, an "according to"
// clause that attributes its own quote is not the agency's statement.
func TestSaidObjectBounds(t *testing.T) {
	runSaidCases(t, []saidCase{
		{name: "said of", text: "Markets were calm.\n\n“Watch what you ask for,” Dana Whitlock, a Democratic donor, said of the party leaders in an interview on Tuesday.",
			want: [][2]string{{"Dana Whitlock", "Watch what you ask for"}},
			not:  [][2]string{{"Dana Whitlock", "of the party leaders"}}},
		{name: "said of, then that", text: "Markets were calm.\n\nSenator Paul Ostrander said of the budget that it would close three schools in his district.",
			want: [][2]string{{"Paul Ostrander", "it would close three schools"}}},
		{name: "gapped relative", text: "Markets were calm.\n\nMr. Hagen, who the Gazette said was abroad at the time, is a former banker at Lindell Bank.",
			want: [][2]string{{"Gazette", "was abroad at the time"}},
			not:  [][2]string{{"Gazette", "former banker"}}},
		{name: "according to, with an attribution inside", text: "Markets were calm.\n\nAccording to Interfax, Kremlin spokesman Yuri Pavlov, asked about the talks, said: “We have nothing to add at this time.”",
			want: [][2]string{{"Yuri Pavlov", "We have nothing to add"}},
			not:  [][2]string{{"Interfax", "Kremlin spokesman"}}},
		{name: "according to, with reported speech inside", text: "Markets were calm.\n\nAccording to Interfax, Yuri Pavlov told the envoy that the talks would resume in the spring.",
			want: [][2]string{{"Interfax", "Yuri Pavlov told the envoy"}}},
	})
}

// Who is no speaker: party members in the plural, a name inside a phrase
// on the document that speaks, a name that describes the speaker ("the
// former Trump campaign adviser"), a party adjective before a senator.
func TestSaidNotTheParty(t *testing.T) {
	runSaidCases(t, []saidCase{
		{name: "some Republicans", text: "Markets were calm.\n\nSome Republicans have said the agency approved the sale after a large donation.",
			not: [][2]string{{"Republican Party", "the agency approved"}}},
		{name: "percent of Democrats", text: "Markets were calm.\n\nAround 71 percent of Ohio Democrats say the charges against the mayor are false.",
			not: [][2]string{{"Democratic Party", "the charges against the mayor"}}},
		{name: "a quote that ends its sentence is not the next sentence's", text: "Markets were calm.\n\nRepublican tax writers contend their plan would mean a “typical family of four would see its bill fall sharply.” But Democrats say Republicans used a rare model family.",
			not: [][2]string{{"Democratic Party", "typical family"}}},
		{name: "other Republicans", text: "Markets were calm.\n\nMayor Tom Berrow and other Republicans have said the tax cuts will pay for themselves.",
			not: [][2]string{{"Republican Party", "the tax cuts will pay"}}},
		{name: "the complaint against X", text: "Markets were calm.\n\nThe indictment filed against Marek Dolan said he had agreed to talk to agents without a lawyer present.",
			not: [][2]string{{"Marek Dolan", "he had agreed"}}},
		{name: "against X, who said", text: "Markets were calm.\n\nReporters could not verify the claims against Senator Paul Ostrander, who has said that the charges were false.",
			want: [][2]string{{"Paul Ostrander", "the charges were false"}}},
		{name: "party adjective before a title", text: "Markets were calm.\n\n“We are finally building the bridge,” said Republican U.S. Senator Paul Ostrander of Kansas.",
			want: [][2]string{{"Paul Ostrander", "We are finally building the bridge"}},
			not:  [][2]string{{"Republican Party", "We are finally building"}}},
		{name: "a name describing the speaker", text: "Markets were calm.\n\n“Nobody knows what he will say now,” said a Norvel Corp adviser.",
			not: [][2]string{{"Norvel Corp", "Nobody knows"}}},
	})
}

// A document does not speak; whoever the story says issued it does.
func TestSaidByDocumentAuthor(t *testing.T) {
	runSaidCases(t, []saidCase{
		{name: "the statement said, then a quote", text: "Markets were calm.\n\n“All contracts were checked by our lawyers before signing,” Norvel Corp said in an emailed statement. “No restrictions of any kind were found,” the statement said. “We regret the tone of the reports.”",
			want: [][2]string{{"Norvel Corp", "No restrictions of any kind"}, {"Norvel Corp", "We regret the tone"}}},
		{name: "said the letter", text: "Markets were calm.\n\nTom Berrow, president of the Teachers Union, which represents 40,000 teachers, wrote a letter to state leaders on Monday. “The union is very concerned that the cuts will close schools,” said the letter, distributed to reporters.",
			want: [][2]string{{"Tom Berrow", "The union is very concerned"}},
			not:  [][2]string{{"Teachers Union", "The union is very concerned"}}},
		{name: "the statement said CLAUSE", text: "Markets were calm.\n\nNorvel Corp issued a statement on Friday. The statement said the company had broken no rules in its dealings with the shipper.",
			want: [][2]string{{"Norvel Corp", "the company had broken no rules"}}},
		{name: "a quote before the report's own statement", text: "Markets were calm.\n\nSenator Paul Ostrander said of the plan: “Nobody can tell us how we will pay for this effort.” The report said costs would rise from $29 billion to $47 billion by 2027.",
			want: [][2]string{{"Paul Ostrander", "Nobody can tell us how we will pay"}}},
		{name: "no author named", text: "Markets were calm.\n\n“The cuts will close dozens of schools,” the letter said. Mayor Tom Berrow did not comment on the figures in the report.",
			not: [][2]string{{"Tom Berrow", "The cuts will close"}}},
		{name: "another document between", text: "Markets were calm.\n\nNorvel Corp said in a statement that it would appeal. A report released on Monday by the agency found no fault. The report said the company had broken no rules.",
			not: [][2]string{{"Norvel Corp", "the company had broken no rules"}}},
	})
}

// Reported speech with its speaker after the verb ("CLAUSE, said X, the
// mayor"), present-tense speech verbs, "X added that …", and "he said"
// after a narrative sentence whose subject is a bare surname.
func TestSaidInvertedAndAdded(t *testing.T) {
	runSaidCases(t, []saidCase{
		{name: "clause, said X, title", text: "Markets were calm.\n\nThe repeal of the deduction is part of an “attack on small towns” by lawmakers in the capital, said Marta Quill, the mayor of Elmwood.",
			want: [][2]string{{"Marta Quill", "attack on small towns"}}},
		{name: "quote, because-clause, said X", text: "Markets were calm.\n\n“Tax reform was the big prize for us this year” because it lowers the risks to growth, said Paul Ostrander, a fund manager at Lindell Capital in Boston.",
			want: [][2]string{{"Paul Ostrander", "Tax reform was the big prize"}}},
		{name: "all quote is the quote rules'", text: "Markets were calm.\n\n“Tax reform was the big prize for us this year,” said Paul Ostrander, a fund manager.",
			want: [][2]string{{"Paul Ostrander", "Tax reform was the big prize for us this year"}}},
		{name: "no name after said", text: "Markets were calm.\n\nThe bridge will stay closed for repairs until the spring, said officials in the city.",
			not: [][2]string{{"officials", "bridge"}}},
		{name: "said X that", text: "Markets were calm.\n\nThe bridge stayed closed, said Marta Quill that morning, and then left.",
			not: [][2]string{{"Marta Quill", "The bridge stayed closed"}}},
		{name: "said X's mother", text: "Markets were calm.\n\nThe families can do little to change the outcome, said Marta Quill’s mother, now 81.",
			not: [][2]string{{"Marta Quill", "The families can do little"}}},
		{name: "explains … and that", text: "Markets were calm.\n\nProsecutors argued the court should free him only if Paul Ostrander fully explains his finances and that they considered him a flight risk.",
			not: [][2]string{{"Paul Ostrander", "they considered him a flight risk"}}},
		{name: "a description, then the name", text: "Markets were calm.\n\n“Such generosity is rarely seen these days,” influential tabloid the Daily Courier, owned by the Courier Group, said in its editorial.",
			want: [][2]string{{"Daily Courier", "Such generosity is rarely seen"}}},
		{name: "argues", text: "Markets were calm.\n\n“Keeping the deduction encourages overspending by cities,” argues the Tax Freedom Council, a group of conservative lawmakers.",
			want: [][2]string{{"Tax Freedom Council", "Keeping the deduction encourages overspending"}}},
		{name: "added that", text: "Markets were calm.\n\nA spokesman for the governor said the talks went well. The spokesman, Paul Ostrander, added that the governor “reaffirmed his support for the farm program and its workers.”",
			want: [][2]string{{"Paul Ostrander", "reaffirmed his support for the farm program"}}},
		{name: "bare surname subject, then she said", text: "Markets were calm.\n\nSenator Susan Collins spoke on Monday. Collins has not taken a stand on the tax plan. “I am going to wait and evaluate what is in the bill,” she said.",
			want: [][2]string{{"Susan Collins", "I am going to wait and evaluate"}}},
		{name: "bare surname of two people", text: "Markets were calm.\n\nSenator Susan Collins met Governor Paul Collins on Monday. Collins has not taken a stand on the tax plan. “I am going to wait and evaluate what is in the bill,” she said.",
			not: [][2]string{{"Paul Collins", "I am going to wait"}}},
	})
}

// A factbox of posts: each listed post is said by the person the preamble
// names, with no speech verb or quotation marks; without the preamble a
// dashed list says nothing.
func TestPostedStatements(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "posts listed under the preamble", text: "The following statements were posted to the verified Twitter account of Governor Ana Roth. The opinions expressed are her own. @AnaRoth : - The budget passed tonight, a great win for the state! [0811 EST] - See you all in Dayton tomorrow. [1006 EST]",
			want: []string{"Ana Roth|said|The budget passed tonight, a great win for the state!", "Ana Roth|said|See you all in Dayton tomorrow."}},
		{name: "no preamble, no posts", text: "Governor Ana Roth spoke on Monday. - The budget passed tonight, a great win for the state! [0811 EST]",
			not: []string{"Ana Roth|said|The budget passed tonight, a great win for the state!"}},
	})
}

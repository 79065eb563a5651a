package ner

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/perceptron"
)

// personSpans labels text as the product reads it (nlp.Segment: a headline,
// a blank line, the body) and returns every PER span, in order.
func personSpans(m *Model, text string) []string {
	doc := nlp.Segment(text)
	m.Label(doc)
	var out []string
	for _, s := range doc.Sentences {
		for _, sp := range s.Entities() {
			if sp.Label != "PER" {
				continue
			}
			var words []string
			for _, t := range s.Tokens[sp.Start:sp.End] {
				words = append(words, t.Text)
			}
			out = append(out, strings.Join(words, " "))
		}
	}
	return out
}

// People's names must come out whole, whatever stands before them: at the
// start of a sentence, after a title, after a dateline, three words long.
// The sentences were written for this test; the spans are exact, so a name
// cut short ("Lee Harvey") or run into its title ("Leader Mitch") fails.
func TestPersonNamesWhole(t *testing.T) {
	m := loadModel(t)
	const head = "Lawmakers return to Washington\n\n"
	cases := []struct{ text, want string }{
		{head + "Mitch McConnell spoke on Tuesday.", "Mitch McConnell"},
		{head + "On Tuesday, Mitch McConnell spoke.", "Mitch McConnell"},
		{"Mitch McConnell spoke on Tuesday.", "Mitch McConnell"},
		{head + "Lee Harvey Oswald killed John Kennedy in 1963, historians say.", "Lee Harvey Oswald|John Kennedy"},
		{head + "Senate Majority Leader Mitch McConnell spoke on Tuesday.", "Mitch McConnell"},
		{"Senate Majority Leader Mitch McConnell spoke on Tuesday.", "Mitch McConnell"},
		{head + "WASHINGTON (Reuters) - Senate Majority Leader Mitch McConnell spoke on Tuesday. Lee Harvey Oswald killed John Kennedy in 1963, historians say.", "Mitch McConnell|Lee Harvey Oswald|John Kennedy"},
		{head + "LONDON (Reuters) - Rex Tillerson flew to Beijing on Monday.", "Rex Tillerson"},
		{head + "Chuck Schumer criticised the plan.", "Chuck Schumer"},
		{head + "Treasury Secretary Steven Mnuchin said the deal was close.", "Steven Mnuchin"},
		{head + "The plan was backed by Nancy Pelosi and Paul Ryan.", "Nancy Pelosi|Paul Ryan"},
		{head + "French President Emmanuel Macron met Theresa May in Paris.", "Emmanuel Macron|Theresa May"},
		{head + "Jared Kushner and Ivanka Trump arrived late.", "Jared Kushner|Ivanka Trump"},
		{head + "Governor Rick Scott of Florida asked for more aid.", "Rick Scott"},
		{head + "Special Counsel Robert Mueller leads the inquiry.", "Robert Mueller"},
		{head + "Kellyanne Conway told Fox News she disagreed.", "Kellyanne Conway"},
		{head + "Florida Governor Rick Scott asked for more aid.", "Rick Scott"},
		{head + "The parcel was left at the home of U.S. Treasury Secretary Steven Mnuchin.", "Steven Mnuchin"},
		{head + "Allies accused the team of Justice Department Special Counsel Robert Mueller of bias.", "Robert Mueller"},
	}
	for _, c := range cases {
		if got := strings.Join(personSpans(m, c.text), "|"); got != c.want {
			t.Errorf("%q:\n got PER %q, want %q", c.text, got, c.want)
		}
	}
}

// entityScorer scores every token as the inside of an organisation, so
// every path of the beam is inside an entity when a title comes.
type entityScorer struct{}

func (entityScorer) Scores(_ []perceptron.Feature, scores []float32) {
	clear(scores)
	scores[class('B', 1)] = 50
	scores[class('I', 1)] = 100
	scores[class('L', 1)] = 20
}

// A title may not be part of a longer entity, but when every path of the
// beam is inside one the title must still be labelled, not crash.
func TestTitleEndingEveryPath(t *testing.T) {
	m := loadModel(t)
	doc := docOf("Acme Widget Holdings President")
	toks := m.prepare(doc)
	if !toks[0][3].endsName {
		t.Fatalf("%q is not read as a title", toks[0][3].word)
	}
	d := newDecoder(toks, nil, nil)
	got := d.beamSentence(entityScorer{}, 0, beamWidth, beamTemp)
	var labels []string
	for _, c := range got {
		labels = append(labels, classes[c])
	}
	if want := "B-ORG I-ORG I-ORG L-ORG"; strings.Join(labels, " ") != want {
		t.Errorf("labels %v, want %s", labels, want)
	}
}

package nlp

import (
	"reflect"
	"strings"
	"testing"
)

func texts(toks []Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

func TestTokenize(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"The U.S. envoy met Gen. Ivo Marek.", []string{"The", "U.S.", "envoy", "met", "Gen.", "Ivo", "Marek", "."}},
		{"Valdoria’s army has 15,000 fighters, 1.5 million say.", []string{"Valdoria", "’s", "army", "has", "15,000", "fighters", ",", "1.5", "million", "say", "."}},
		{"the Tarsis-backed group's al-Hol camp", []string{"the", "Tarsis-backed", "group", "'s", "al-Hol", "camp"}},
		{"He said -- wait... “I'm here”", []string{"He", "said", "--", "wait", "...", "“", "I'm", "here", "”"}},
		{"J. Smith of Kessel Inc. left", []string{"J.", "Smith", "of", "Kessel", "Inc.", "left"}},
		{"", []string{}},
	}
	for _, c := range cases {
		if got := texts(Tokenize(c.in)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Tokenize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestTokenOffsetsPointIntoTheText(t *testing.T) {
	text := "Idlib’s governor, Ana Ruiz, said: “We stay.”\n\nNext paragraph – here."
	for _, s := range Segment(text).Sentences {
		for _, tk := range s.Tokens {
			if text[tk.Start:tk.End] != tk.Text {
				t.Errorf("token %q at [%d,%d) reads %q", tk.Text, tk.Start, tk.End, text[tk.Start:tk.End])
			}
		}
		if text[s.Start:s.End] != strings.TrimSpace(text[s.Start:s.End]) {
			t.Errorf("sentence span [%d,%d) has outer space", s.Start, s.End)
		}
	}
}

func TestSegment(t *testing.T) {
	text := "Envoy says 900 fighters remain\n\n" +
		"KESSEL, Northern Marches – The U.S. envoy met Mr. Ruiz on Monday. He left at 5 p.m. on Tuesday! " +
		"“We will return,” he said. It was cold.\n" +
		"A wrapped line that continues the paragraph because the previous line is long and has no end mark\n" +
		"goes on here.\n\nLast."
	doc := Segment(text)
	if doc.Text != text {
		t.Fatal("Doc.Text is not the input")
	}
	var got []string
	var paras []int
	for _, s := range doc.Sentences {
		got = append(got, text[s.Start:s.End])
		paras = append(paras, s.Para)
	}
	want := []string{
		"Envoy says 900 fighters remain",
		"KESSEL, Northern Marches – The U.S. envoy met Mr. Ruiz on Monday.",
		"He left at 5 p.m. on Tuesday!",
		"“We will return,” he said.",
		"It was cold.",
		"A wrapped line that continues the paragraph because the previous line is long and has no end mark\ngoes on here.",
		"Last.",
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("sentences:\n%q\nwant\n%q", got, want)
	}
	if wantP := []int{0, 1, 1, 1, 1, 1, 2}; !reflect.DeepEqual(paras, wantP) {
		t.Errorf("paragraphs %v, want %v", paras, wantP)
	}
}

func TestSegmentCutsRunOnSentences(t *testing.T) {
	text := strings.Repeat("word ", MaxSentenceTokens*2+10)
	doc := Segment(text)
	if len(doc.Sentences) != 3 {
		t.Fatalf("%d sentences, want 3", len(doc.Sentences))
	}
	for _, s := range doc.Sentences {
		if len(s.Tokens) > MaxSentenceTokens {
			t.Errorf("sentence of %d tokens", len(s.Tokens))
		}
	}
}

func TestQuoteMarks(t *testing.T) {
	for _, q := range []string{"“", "\"", "«", "‘"} {
		if !IsOpenQuote(q) {
			t.Errorf("%q does not open", q)
		}
	}
	for _, q := range []string{"”", "\"", "»", "’"} {
		if !IsCloseQuote(q) {
			t.Errorf("%q does not close", q)
		}
	}
	if IsOpenQuote("”") || IsCloseQuote("“") || IsOpenQuote("a") {
		t.Error("a closing mark opens or an opening mark closes")
	}
}

func BenchmarkSegment(b *testing.B) {
	text := strings.Repeat("The U.S. envoy met Gen. Ivo Marek in Kessel on Monday, officials said. “We will return,” he added.\n\n", 200)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Segment(text)
	}
}

// A company's abbreviated suffix ends the sentence when a word that only
// opens sentences follows, and never when a name may go on.
func TestCompanySuffixEndsSentence(t *testing.T) {
	for _, c := range []struct {
		text string
		want int
	}{
		{"The jets are made by Kestrel Aviation Corp. The plan is larger.", 2},
		{"The suit was backed by Norvik Inc. “We will be harmed,” it said.", 2},
		{"Analysts at Norvik Inc. Chief Executive Tom Varga said nothing.", 1},
		{"Shares of Dunmore Co. Ltd. rose.", 1},
	} {
		if got := len(Segment(c.text).Sentences); got != c.want {
			t.Errorf("%q: %d sentences, want %d", c.text, got, c.want)
		}
	}
}

// Reuters flattens factboxes and timelines into one line: bullets, story
// codes and notes in brackets start sentences of their own, so that a fact
// never joins two items.
func TestSegmentListItemsAndNotes(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"He left in May. * Ana Ruiz - the envoy, resigned in June. * Ivo Marek - an aide, stayed.",
			[]string{"He left in May.", "Ana Ruiz - the envoy, resigned in June.", "Ivo Marek - an aide, stayed."}},
		{"* Jan. 28: The talks begin. • Feb. 2: They end.", []string{"Jan. 28: The talks begin.", "Feb. 2: They end."}},
		{"Prices rose, the data showed. (Graphic: tmsnrt.rs/2Bgq29K) That is good news.",
			[]string{"Prices rose, the data showed.", "(Graphic: tmsnrt.rs/2Bgq29K)", "That is good news."}},
		{"Kessel protested the veto. [nL2N1N805Y] “This is a disgrace,” he said.",
			[]string{"Kessel protested the veto.", "[nL2N1N805Y]", "“This is a disgrace,” he said."}},
		{"We will win! [0805 EST] - “Thank you all,” she wrote.", []string{"We will win!", "[0805 EST]", "“Thank you all,” she wrote."}},
		// Not a bullet, not a note: the sentence goes on.
		{"The index rose 3 * 4 points (Reuters) in May.", []string{"The index rose 3 * 4 points (Reuters) in May."}},
		{"(Reuters) - The envoy met Ruiz. [ “We stay,” he said.", []string{"(Reuters) - The envoy met Ruiz. [ “We stay,” he said."}},
	} {
		var got []string
		for _, s := range Segment(c.text).Sentences {
			got = append(got, c.text[s.Start:s.End])
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("Segment(%q) =\n%q, want\n%q", c.text, got, c.want)
		}
	}
}

package ingest

import (
	"strings"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/schema"
)

// innerQuoteEnd is the closing mark of a short quote opened by the “ at j
// inside a double quote (“I’ve said it before, “free” is costly,”), or -1
// when the mark at j opens no such quote. The inner quote must open in the
// middle of a sentence (a “ after a full stop opens the next paragraph of a
// quote that runs over paragraphs) and close within innerQuoteMax words;
// a “ with space after it is a closing mark typed the wrong way round
// (“systemically important “ and).
func innerQuoteEnd(pt []ptok, tokAt func(int) token, j int) int {
	if j == 0 || j+1 >= len(pt) || pt[j-1].si != pt[j].si || tokAt(j).End != tokAt(j+1).Start {
		return -1
	}
	switch tokAt(j - 1).Text {
	case ".", "?", "!", "“", "\"":
		return -1
	}
	for e := j + 1; e < len(pt) && e <= j+innerQuoteMax && pt[e].si == pt[j].si; e++ {
		switch tokAt(e).Text {
		case "”":
			if e == j+1 {
				return -1
			}
			return e
		case "“", "\"":
			return -1
		}
	}
	return -1
}

// innerQuoteMax bounds a quote within a quote: scare quotes and titles.
const innerQuoteMax = 8

// speechBefore is the speech verb (or introducing participle) that a quote
// opened after token b (the word before its colon or comma) belongs to when
// only a short tail stands between them: a time, a medium, an audience or a
// manner ("told reporters in the Capitol on Tuesday: “…”", "said in a
// statement: “…”", "wrote on Twitter, “…”", "said with a chuckle: “…”").
// The tail holds no verb of its own, no "that", no clause punctuation and
// no other quote; -1 when no such verb stands within speechTailMax words
// of the same sentence.
func speechBefore(pt []ptok, tokAt func(int) token, b int) int {
	for j := b; j >= 0 && j > b-speechTailMax && pt[j].si == pt[b].si; j-- {
		t := tokAt(j)
		if speechVerbs[t.Lower] || introParticiples[t.Lower] {
			if j == b {
				return -1 // the verb stands right before the mark: the caller reads it
			}
			return j
		}
		switch {
		case t.Text == "," || t.Text == ":" || t.Text == ";" || t.Text == "(" || t.Text == ")" || nlp.IsOpenQuote(t.Text) || nlp.IsCloseQuote(t.Text) || t.Text == "\"",
			t.Lower == "that" || t.Lower == "who" || t.Lower == "which" || t.Lower == "if" || t.Lower == "whether",
			strings.HasPrefix(t.Tag, "VB") || t.Tag == "MD":
			return -1
		}
	}
	return -1
}

// speechTailMax bounds the words between a speech verb and the colon
// before its quote.
const speechTailMax = 10

// introParticiples introduce a quote whose speaker is the subject of the
// verb they hang on: "X sidestepped questions, adding: “…”".
var introParticiples = map[string]bool{"adding": true, "saying": true, "writing": true, "tweeting": true, "telling": true}

// participleSpeaker is the named subject of the verb that the participle
// at token t of sentence si hangs on in the parse ("X was non-committal,
// saying: “…”"), or, when that subject is a personal pronoun, where the
// pronoun stands (pron.si >= 0) for the quote chain to resolve; spk is -1
// and pron.si -1 when the parse gives neither.
func (x *docState) participleSpeaker(si, t int) (spk int, pron ptok) {
	pron = ptok{-1, -1}
	v := x.viewOf(si)
	toks := x.sents[si].Toks
	// "X sidestepped the question saying: “…”", "lambasted Y on Twitter
	// on Tuesday writing, “…”": without the comma too, when the parse
	// hangs the participle on a verb; never "quoted Y as saying" (Y spoke).
	if t < 1 || toks[t-1].Lower == "as" {
		return -1, pron
	}
	verb := toks[t].Head
	if verb < 0 || verb >= t || !strings.HasPrefix(toks[verb].Tag, "VB") {
		return -1, pron
	}
	s, _ := v.speakerSubject(verb)
	if s < 0 || v.isA(s, schema.Location) || v.partyMember(s) {
		return -1, pron
	}
	if p := v.low(v.m(s).i - 1); p == "in" || p == "of" || p == "at" || p == "from" || p == "by" || p == "for" || p == "to" || p == "with" {
		return -1, pron
	}
	switch v.m(s).kind {
	case kName:
		return v.ent(s), pron
	case kPronoun:
		return -1, ptok{si, v.m(s).i}
	}
	return -1, pron
}

// tailThat is where "that" stands when the speech verb at k is followed
// by a tail of times, media and audiences and then "that" opens what was
// said ("said on Twitter at the time that …", "told reporters in a
// Capitol hallway that …"); -1 when no such tail ends in a "that" within
// speechTailMax words, or the "that" opens a relative clause ("said in
// the report that was released").
func (v *view) tailThat(k int) int {
	for j := k + 1; j < len(v.t) && j <= k+speechTailMax; j++ {
		t := v.t[j]
		if t.Lower == "that" {
			if j == k+1 || j+1 >= len(v.t) || strings.HasPrefix(v.t[j+1].Tag, "VB") || v.t[j+1].Tag == "MD" || v.low(j-1) == "so" {
				return -1
			}
			return j
		}
		if t.Text == "," || t.Text == ":" || t.Text == ";" || t.Text == "(" || nlp.IsOpenQuote(t.Text) || nlp.IsCloseQuote(t.Text) || t.Text == "\"" ||
			t.Lower == "who" || t.Lower == "which" || t.Lower == "if" || t.Lower == "whether" || t.Lower == "what" ||
			strings.HasPrefix(t.Tag, "VB") || t.Tag == "MD" || t.Tag == "CC" && v.low(j+1) == "that" {
			return -1 // "explains his finances and that they …": "and that" joins another clause
		}
	}
	return -1
}

// verbBefore reports whether a verb stands before token k of the sentence.
func (v *view) verbBefore(k int) bool {
	for j := 0; j < k && j < len(v.t); j++ {
		if strings.HasPrefix(v.t[j].Tag, "VB") || v.t[j].Tag == "MD" {
			return true
		}
	}
	return false
}

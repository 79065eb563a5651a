package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"

	"github.com/newsgraph/newsgraph/nlp"
)

// token is a word of the language layer with what the rules read besides:
// Tag (the embedded nlp.Token's) is prose's Penn Treebank tag.
type token struct {
	nlp.Token
	NER   string // prose's IOB entity label, "" when NER is off
	Lower string // lower case, curly apostrophes straightened ("’s" → "'s")
}

// sentence is a run of tokens with its byte span in the document.
type sentence struct {
	Start, End int
	Para       int
	Toks       []token
}

// lowerForm is the form rules compare: lower case, with curly apostrophes
// straightened, so that rules written with "'s" read news typeset with "’s".
func lowerForm(s string) string {
	return strings.ToLower(strings.ReplaceAll(s, "’", "'"))
}

// splitSentences segments the text with the language layer and wraps its
// tokens for the rules.
func splitSentences(text string) []sentence {
	doc := nlp.Segment(text)
	out := make([]sentence, len(doc.Sentences))
	for i, s := range doc.Sentences {
		toks := make([]token, len(s.Tokens))
		for k, t := range s.Tokens {
			toks[k] = token{Token: t, Lower: lowerForm(t.Text)}
		}
		out[i] = sentence{Start: s.Start, End: s.End, Para: s.Para, Toks: toks}
	}
	return out
}

// tagger wraps prose's model, loaded once and shared read-only.
type tagger struct {
	model *prose.Model
	ner   bool
}

func newTagger(ner bool) (*tagger, error) {
	d, err := prose.NewDocument("Loading the model.", prose.WithSegmentation(false))
	if err != nil {
		return nil, err
	}
	return &tagger{model: d.Model, ner: ner}, nil
}

// maxTagTokens bounds the tokens sent to prose in one call: the tagger is
// linear, but an absurd "sentence" is cut into windows to bound memory.
const maxTagTokens = 400

// tag sets Tag (and NER) on the sentence's tokens.
func (t *tagger) tag(toks []token) {
	for off := 0; off < len(toks); off += maxTagTokens {
		end := min(off+maxTagTokens, len(toks))
		t.tagWindow(toks[off:end])
	}
}

func (t *tagger) tagWindow(toks []token) {
	var b strings.Builder
	for i, tk := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(tk.Text)
	}
	doc, err := prose.NewDocument(b.String(), prose.UsingModel(t.model), prose.WithSegmentation(false), prose.WithExtraction(t.ner))
	if err != nil {
		return
	}
	ptoks := doc.Tokens()
	j := 0
	for i := range toks {
		want := proseNorm(toks[i].Text)
		if j < len(ptoks) && ptoks[j].Text == want {
			toks[i].Tag, toks[i].NER = ptoks[j].Tag, ptoks[j].Label
			j++
			continue
		}
		// prose split the token further: consume its pieces.
		if j < len(ptoks) && strings.HasPrefix(want, ptoks[j].Text) && ptoks[j].Text != "" {
			acc := ""
			k := j
			for k < len(ptoks) && len(acc) < len(want) && strings.HasPrefix(want, acc+ptoks[k].Text) {
				acc += ptoks[k].Text
				k++
			}
			toks[i].Tag, toks[i].NER = ptoks[j].Tag, ptoks[j].Label
			j = k
			continue
		}
		toks[i].Tag = guessTag(toks[i].Text)
	}
}

var proseSanitizer = strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u2018", "'", "\u2019", "'")

func proseNorm(s string) string { return proseSanitizer.Replace(s) }

func guessTag(s string) string {
	switch {
	case s == "'s" || s == "’s" || s == "'" || s == "’":
		return "POS"
	case s == "“" || s == "``" || s == "`":
		return "``"
	case s == "”" || s == "''" || s == "\"":
		return "''"
	}
	r, _ := utf8.DecodeRuneInString(s)
	switch {
	case unicode.IsUpper(r):
		return "NNP"
	case unicode.IsDigit(r):
		return "CD"
	case unicode.IsLetter(r):
		return "NN"
	}
	return s
}

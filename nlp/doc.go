// Package nlp is newsgraph's language layer: tokens, sentences, part-of-speech
// tags, lemmas, named entities and dependency trees, from models trained on
// open annotated data. It knows nothing of news, the schema or the store: it
// reads like a small library, in the manner of spaCy's pipeline, where each
// component fills in its columns of a shared Doc.
package nlp

// Token is one word or punctuation mark. Components fill the columns they own;
// a column left empty means the component did not run.
type Token struct {
	Text       string
	Start, End int    // byte offsets of Text in Doc.Text
	Tag        string // Penn Treebank tag (XPOS)
	UPOS       string // Universal POS tag
	Lemma      string
	Head       int    // index of the head token within the sentence; -1 for the root
	Rel        string // Universal Dependencies relation to the head
	Ent        string // entity label in IOB2 form: "B-PER", "I-ORG", "O"
}

// Sentence is a run of tokens with its byte span in the document.
type Sentence struct {
	Start, End int
	Para       int // index of the paragraph (blank-line block) the sentence is in
	Tokens     []Token
}

// Span is a labelled run of tokens [Start, End) within one sentence.
type Span struct {
	Start, End int
	Label      string // PER, ORG, LOC or MISC
}

// Doc is a text with its analysis.
type Doc struct {
	Text      string
	Sentences []Sentence
}

// Entities reads the entity spans of a sentence from its tokens' IOB2 labels.
// An I- label that does not continue a span of its own type starts one, as
// conlleval reads it.
func (s *Sentence) Entities() []Span {
	var spans []Span
	open := -1
	label := ""
	for i, t := range s.Tokens {
		typ, begin := splitIOB(t.Ent)
		if open >= 0 && (typ != label || begin) {
			spans = append(spans, Span{Start: open, End: i, Label: label})
			open = -1
		}
		if typ != "" && open < 0 {
			open, label = i, typ
		}
	}
	if open >= 0 {
		spans = append(spans, Span{Start: open, End: len(s.Tokens), Label: label})
	}
	return spans
}

// splitIOB splits "B-PER" into ("PER", true) and "I-PER" into ("PER", false);
// "O" and "" give ("", false).
func splitIOB(label string) (typ string, begin bool) {
	if len(label) < 3 || label[1] != '-' {
		return "", false
	}
	return label[2:], label[0] == 'B'
}

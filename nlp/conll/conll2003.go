// Package conll reads and writes the column formats that standard NLP scorers
// use, so that newsgraph's models can be trained on and scored against the
// published data sets.
package conll

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/newsgraph/newsgraph/nlp"
)

// docStart is the pseudo-token line that separates CoNLL-2003 documents.
const docStart = "-DOCSTART-"

// Token2003 is one line of a CoNLL-2003 file: the token, its POS tag, its
// chunk tag and its named-entity tag as written in the file (IOB1 in the
// published data).
type Token2003 struct {
	Text, POS, Chunk, NER string
}

// Doc2003 is one document of a CoNLL-2003 file: the sentences between two
// -DOCSTART- lines.
type Doc2003 struct {
	Sentences [][]Token2003
}

// Read2003 reads a CoNLL-2003 file: one token a line with four
// space-separated columns, a blank line between sentences and a -DOCSTART-
// line between documents. Tokens before the first -DOCSTART- form a document
// of their own, so a file without any is one document.
func Read2003(r io.Reader) ([]Doc2003, error) {
	var docs []Doc2003
	var cur *Doc2003
	var sent []Token2003
	flush := func() {
		if len(sent) == 0 {
			return
		}
		if cur == nil {
			docs = append(docs, Doc2003{})
			cur = &docs[len(docs)-1]
		}
		cur.Sentences = append(cur.Sentences, sent)
		sent = nil
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		fields := strings.Fields(text)
		if len(fields) == 0 {
			flush()
			continue
		}
		if fields[0] == docStart {
			flush()
			docs = append(docs, Doc2003{})
			cur = &docs[len(docs)-1]
			continue
		}
		if len(fields) != 4 {
			return nil, fmt.Errorf("conll: line %d: want 4 columns (token POS chunk NER), got %d", line, len(fields))
		}
		if !validIOB(fields[3]) {
			return nil, fmt.Errorf("conll: line %d: entity tag %q is not O, B-TYPE or I-TYPE", line, fields[3])
		}
		sent = append(sent, Token2003{Text: fields[0], POS: fields[1], Chunk: fields[2], NER: fields[3]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("conll: line %d: %w", line, err)
	}
	flush()
	// A -DOCSTART- right before the end or another -DOCSTART- gives an empty
	// document; drop those so every document has text.
	out := docs[:0]
	for _, d := range docs {
		if len(d.Sentences) > 0 {
			out = append(out, d)
		}
	}
	return out, nil
}

func validIOB(tag string) bool {
	if tag == "O" {
		return true
	}
	return len(tag) > 2 && (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-'
}

// IOB2 rewrites IOB1 or IOB2 tags as IOB2: every entity starts with B-.
func IOB2(tags []string) []string {
	out := make([]string, len(tags))
	prev := "O"
	for i, t := range tags {
		out[i] = t
		if t != "O" && t[0] == 'I' && (prev == "O" || prev[2:] != t[2:]) {
			out[i] = "B-" + t[2:]
		}
		prev = t
	}
	return out
}

// Doc returns the document as an nlp.Doc: tokens joined by single spaces,
// one sentence per CoNLL sentence, with the gold entity tags in Token.Ent as
// IOB2 when gold is true (empty otherwise, ready for a model to fill).
func (d Doc2003) Doc(gold bool) *nlp.Doc {
	var b strings.Builder
	doc := &nlp.Doc{Sentences: make([]nlp.Sentence, 0, len(d.Sentences))}
	for _, s := range d.Sentences {
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		sent := nlp.Sentence{Start: b.Len(), Tokens: make([]nlp.Token, len(s))}
		tags := make([]string, len(s))
		for i, t := range s {
			tags[i] = t.NER
		}
		tags = IOB2(tags)
		for i, t := range s {
			if i > 0 {
				b.WriteByte(' ')
			}
			start := b.Len()
			b.WriteString(t.Text)
			tok := nlp.Token{Text: t.Text, Start: start, End: b.Len(), Head: -1}
			if gold {
				tok.Ent = tags[i]
			}
			sent.Tokens[i] = tok
		}
		sent.End = b.Len()
		doc.Sentences = append(doc.Sentences, sent)
	}
	doc.Text = b.String()
	return doc
}

// Write2003 writes documents back in CoNLL-2003 form with one more column,
// `token POS chunk GOLD PRED`, as conlleval reads it. pred holds each
// document's predictions (Token.Ent, IOB2) in the same shape as docs.
func Write2003(w io.Writer, docs []Doc2003, pred []*nlp.Doc) error {
	if len(pred) != len(docs) {
		return fmt.Errorf("conll: %d documents but %d predictions", len(docs), len(pred))
	}
	bw := bufio.NewWriter(w)
	for di, d := range docs {
		fmt.Fprintf(bw, "%s -X- -X- O O\n\n", docStart)
		if len(pred[di].Sentences) != len(d.Sentences) {
			return fmt.Errorf("conll: document %d: %d sentences but %d predicted", di, len(d.Sentences), len(pred[di].Sentences))
		}
		for si, s := range d.Sentences {
			ps := pred[di].Sentences[si].Tokens
			if len(ps) != len(s) {
				return fmt.Errorf("conll: document %d sentence %d: %d tokens but %d predicted", di, si, len(s), len(ps))
			}
			for i, t := range s {
				p := ps[i].Ent
				if p == "" {
					p = "O"
				}
				fmt.Fprintf(bw, "%s %s %s %s %s\n", t.Text, t.POS, t.Chunk, t.NER, p)
			}
			bw.WriteByte('\n')
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("conll: %w", err)
	}
	return nil
}

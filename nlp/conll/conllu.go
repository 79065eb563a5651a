// Package conll reads and writes the column formats that annotated language
// data comes in, so that models train from them and standard scorers read
// what the models predict.
package conll

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/nlp"
)

// Sentence is one CoNLL-U sentence as read: its comment lines, its syntactic
// words with the gold columns, and the lines Read does not turn into words
// (multiword tokens, empty nodes), kept so that Write can put them back.
type Sentence struct {
	Comments []string
	Words    []Word
	Extra    []Extra
}

// Word is one syntactic word (a CoNLL-U line with an integer ID).
type Word struct {
	Form, Lemma, UPOS, XPOS, Feats string
	Head                           int // 0-based index of the head word; -1 for the root
	Deprel, Deps, Misc             string
}

// Extra is a line that is not a syntactic word, with the index of the word
// it comes before.
type Extra struct {
	Before int
	Line   string
}

// ReadCoNLLU reads every sentence of a CoNLL-U stream.
func ReadCoNLLU(r io.Reader) ([]Sentence, error) {
	var (
		out  []Sentence
		cur  Sentence
		line int
	)
	flush := func() {
		if len(cur.Words) > 0 || len(cur.Comments) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		switch {
		case text == "":
			flush()
			continue
		case strings.HasPrefix(text, "#"):
			cur.Comments = append(cur.Comments, text)
			continue
		}
		cols := strings.Split(text, "\t")
		if len(cols) != 10 {
			return nil, fmt.Errorf("conllu line %d: %d columns, want 10", line, len(cols))
		}
		if strings.ContainsAny(cols[0], "-.") {
			cur.Extra = append(cur.Extra, Extra{Before: len(cur.Words), Line: text})
			continue
		}
		id, err := strconv.Atoi(cols[0])
		if err != nil || id != len(cur.Words)+1 {
			return nil, fmt.Errorf("conllu line %d: word ID %q, want %d", line, cols[0], len(cur.Words)+1)
		}
		head := -1
		if cols[6] != "_" {
			h, err := strconv.Atoi(cols[6])
			if err != nil || h < 0 {
				return nil, fmt.Errorf("conllu line %d: head %q", line, cols[6])
			}
			head = h - 1
		}
		cur.Words = append(cur.Words, Word{
			Form: cols[1], Lemma: cols[2], UPOS: cols[3], XPOS: cols[4], Feats: cols[5],
			Head: head, Deprel: cols[7], Deps: cols[8], Misc: cols[9],
		})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("conllu line %d: %w", line, err)
	}
	flush()
	for i, s := range out {
		for _, w := range s.Words {
			if w.Head >= len(s.Words) {
				return nil, fmt.Errorf("conllu sentence %d: head %d beyond the sentence", i+1, w.Head+1)
			}
		}
	}
	return out, nil
}

// Gold returns the sentence with its gold columns as an nlp.Sentence. Token
// byte offsets are those of the words joined by single spaces.
func (s *Sentence) Gold() nlp.Sentence {
	out := s.Plain()
	for i, w := range s.Words {
		t := &out.Tokens[i]
		t.Tag, t.UPOS, t.Lemma, t.Head, t.Rel = w.XPOS, w.UPOS, w.Lemma, w.Head, w.Deprel
	}
	return out
}

// Plain returns the sentence's words with no analysis, for a model to fill.
func (s *Sentence) Plain() nlp.Sentence {
	out := nlp.Sentence{Tokens: make([]nlp.Token, len(s.Words))}
	off := 0
	for i, w := range s.Words {
		out.Tokens[i] = nlp.Token{Text: w.Form, Start: off, End: off + len(w.Form), Head: -1}
		off += len(w.Form) + 1
	}
	if off > 0 {
		out.End = off - 1
	}
	return out
}

// WriteCoNLLU writes the sentence with the predicted columns of pred (lemma,
// UPOS, XPOS, head, relation) in place of the gold ones; the ID, form,
// features and MISC columns, comments and extra lines stay as read. Columns
// pred leaves empty are written as "_". pred must have one token per word.
func (s *Sentence) WriteCoNLLU(w io.Writer, pred *nlp.Sentence) error {
	if len(pred.Tokens) != len(s.Words) {
		return fmt.Errorf("conllu: %d predicted tokens for %d words", len(pred.Tokens), len(s.Words))
	}
	bw := bufio.NewWriter(w)
	for _, c := range s.Comments {
		bw.WriteString(c)
		bw.WriteByte('\n')
	}
	extra := s.Extra
	for i, word := range s.Words {
		for len(extra) > 0 && extra[0].Before == i {
			bw.WriteString(extra[0].Line)
			bw.WriteByte('\n')
			extra = extra[1:]
		}
		t := pred.Tokens[i]
		head := "_"
		if t.Rel != "" {
			head = strconv.Itoa(t.Head + 1)
		}
		fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t_\t%s\n", i+1, word.Form,
			orBlank(t.Lemma), orBlank(t.UPOS), orBlank(t.Tag), orBlank(word.Feats),
			head, orBlank(t.Rel), orBlank(word.Misc))
	}
	for _, e := range extra {
		bw.WriteString(e.Line)
		bw.WriteByte('\n')
	}
	bw.WriteByte('\n')
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("conllu: %w", err)
	}
	return nil
}

func orBlank(s string) string {
	if s == "" {
		return "_"
	}
	return s
}

// ErrNoSentences is returned by ReadCoNLLUFile for a file with no sentences.
var ErrNoSentences = errors.New("conllu: no sentences")

// ReadCoNLLUFile reads a CoNLL-U file; a file without sentences is an error.
func ReadCoNLLUFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("conllu: %w", err)
	}
	defer f.Close()
	sents, err := ReadCoNLLU(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(sents) == 0 {
		return nil, fmt.Errorf("%s: %w", path, ErrNoSentences)
	}
	return sents, nil
}

// GoldSentences returns the gold analysis of every sentence.
func GoldSentences(sents []Sentence) []nlp.Sentence {
	out := make([]nlp.Sentence, len(sents))
	for i := range sents {
		out[i] = sents[i].Gold()
	}
	return out
}

// SharedFile finds rel (such as "nlp/ud-english-ewt/train.conllu") in the
// shared data folder: under $NEWSGRAPH_SHARED if set, else in ../shared
// seen from each of dirs (a repository checkout keeps its data there).
func SharedFile(rel string, dirs ...string) (string, error) {
	var tried []string
	if d := os.Getenv("NEWSGRAPH_SHARED"); d != "" {
		tried = append(tried, filepath.Join(d, rel))
	}
	for _, d := range dirs {
		tried = append(tried, filepath.Join(d, "..", "shared", rel))
	}
	for _, p := range tried {
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("%s not found in %v: %w", rel, tried, os.ErrNotExist)
}

package pipeline

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/nlp"
)

// The three components run in order over one document and each fills its
// columns: the subject of the verb, the person's entity span, the tags.
func TestRunFillsEveryColumn(t *testing.T) {
	p, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("Senator Maria Okafor visited Lagos on Monday .")
	s := nlp.Sentence{}
	for _, w := range words {
		s.Tokens = append(s.Tokens, nlp.Token{Text: w})
	}
	doc := &nlp.Doc{Sentences: []nlp.Sentence{s}}
	if err := p.Run(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	toks := doc.Sentences[0].Tokens
	if toks[3].Tag != "VBD" || toks[3].Lemma != "visit" {
		t.Errorf("visited: tag %q lemma %q, want VBD visit", toks[3].Tag, toks[3].Lemma)
	}
	// UD heads a name by its first word: Maria is the subject, Okafor flat.
	if toks[1].Head != 3 || toks[1].Rel != "nsubj" || toks[2].Head != 1 || toks[2].Rel != "flat" {
		t.Errorf("Maria %d %q, Okafor %d %q; want 3 nsubj, 1 flat", toks[1].Head, toks[1].Rel, toks[2].Head, toks[2].Rel)
	}
	var got []string
	for _, sp := range doc.Sentences[0].Entities() {
		got = append(got, sp.Label+":"+strings.Join(words[sp.Start:sp.End], " "))
	}
	if strings.Join(got, ",") != "PER:Maria Okafor,LOC:Lagos" {
		t.Errorf("entities %v, want [PER:Maria Okafor LOC:Lagos]", got)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := p.Run(ctx, doc); err == nil {
		t.Errorf("Run on a cancelled context: no error")
	}
}

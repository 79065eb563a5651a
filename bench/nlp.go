package bench

import (
	"context"
	"fmt"
	"sync"
	"unicode"
	"unicode/utf8"

	prose "github.com/jdkato/prose/v2"

	"github.com/newsgraph/newsgraph/schema"
)

// NLP is the NLP stage alone — tokenise, tag, named entities — with prose,
// called the way ingest calls it: one shared read-only model, one call per
// sentence, prose's own segmentation off, its entity extraction on when
// ner (ingest's Options.ProseNER). ingest exports no function that runs only this stage, so the
// harness calls prose directly with the same options; the sentence
// splitter here is a simple one (terminal punctuation before a capital,
// blank lines), cheaper than ingest's.
type NLP struct {
	model *prose.Model
	ner   bool
}

// NewNLP loads prose's model once.
func NewNLP(ner bool) (*NLP, error) {
	d, err := prose.NewDocument("Loading the model.", prose.WithSegmentation(false))
	if err != nil {
		return nil, fmt.Errorf("bench: load prose model: %w", err)
	}
	return &NLP{model: d.Model, ner: ner}, nil
}

// Process runs the stage over one document and returns the tokens and
// entities found (so that the work cannot be optimised away).
func (n *NLP) Process(text string) (tokens, entities int, err error) {
	for _, s := range splitSentences(text) {
		d, err := prose.NewDocument(s, prose.UsingModel(n.model), prose.WithSegmentation(false), prose.WithExtraction(n.ner))
		if err != nil {
			return tokens, entities, fmt.Errorf("bench: prose: %w", err)
		}
		tokens += len(d.Tokens())
		entities += len(d.Entities())
	}
	return tokens, entities, nil
}

// ProcessAll runs the stage over docs on workers goroutines.
func (n *NLP) ProcessAll(ctx context.Context, docs []schema.Document, workers int) (tokens, entities int, err error) {
	ch := make(chan schema.Document)
	var mu sync.Mutex
	var firstErr error
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t, e := 0, 0
			for d := range ch {
				dt, de, err := n.Process(d.Text)
				t, e = t+dt, e+de
				if err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
				}
			}
			mu.Lock()
			tokens, entities = tokens+t, entities+e
			mu.Unlock()
		}()
	}
	for _, d := range docs {
		if ctx.Err() != nil {
			break
		}
		ch <- d
	}
	close(ch)
	wg.Wait()
	if firstErr == nil {
		firstErr = ctx.Err()
	}
	return tokens, entities, firstErr
}

// splitSentences cuts text after '.', '?' or '!' (and any closing quote)
// followed by a space and an upper-case letter or opening quote, and at
// blank lines.
func splitSentences(text string) []string {
	var out []string
	start := 0
	emit := func(end int) {
		if s := trimSpace(text[start:end]); s != "" {
			out = append(out, s)
		}
		start = end
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		next := i + size
		switch {
		case r == '\n' && next < len(text) && text[next] == '\n':
			emit(next)
		case r == '.' || r == '?' || r == '!':
			j := next
			for j < len(text) {
				q, qs := utf8.DecodeRuneInString(text[j:])
				if q != '"' && q != '”' && q != '\'' && q != '’' {
					break
				}
				j += qs
			}
			if j < len(text) && text[j] == ' ' {
				n, _ := utf8.DecodeRuneInString(text[j+1:])
				if unicode.IsUpper(n) || n == '“' || n == '"' {
					emit(j)
				}
			}
		}
		i = next
	}
	emit(len(text))
	return out
}

func trimSpace(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\n' || s[0] == '\t') {
		s = s[1:]
	}
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\n' || s[len(s)-1] == '\t') {
		s = s[:len(s)-1]
	}
	return s
}

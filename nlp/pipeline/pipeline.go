// Package pipeline runs the language layer's trained components over a
// document in order — tagger, named-entity recogniser, dependency parser —
// in the manner of spaCy's Language pipeline: each fills its own columns of
// the shared nlp.Doc.
package pipeline

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/ner"
	"github.com/newsgraph/newsgraph/nlp/parser"
	"github.com/newsgraph/newsgraph/nlp/tagger"
)

// Pipeline holds the loaded models. It is read-only once loaded: load it once
// and share it among all workers.
type Pipeline struct {
	Tagger *tagger.Model
	NER    *ner.Model
	Parser *parser.Model
}

// Load decodes the models compiled into the binary.
func Load() (*Pipeline, error) {
	t, err := tagger.Load()
	if err != nil {
		return nil, fmt.Errorf("pipeline: tagger: %w", err)
	}
	n, err := ner.Load()
	if err != nil {
		return nil, fmt.Errorf("pipeline: ner: %w", err)
	}
	p, err := parser.Load()
	if err != nil {
		return nil, fmt.Errorf("pipeline: parser: %w", err)
	}
	return &Pipeline{Tagger: t, NER: n, Parser: p}, nil
}

// Run tags, labels entities and parses every sentence of an already tokenised
// document. A nil component is skipped, so a caller can run part of the
// pipeline. It stops early, with ctx's error, when ctx is done.
func (p *Pipeline) Run(ctx context.Context, doc *nlp.Doc) error {
	if p.Tagger != nil {
		for i := range doc.Sentences {
			if err := ctx.Err(); err != nil {
				return err
			}
			p.Tagger.Tag(&doc.Sentences[i])
		}
	}
	if p.NER != nil {
		p.NER.Label(doc)
	}
	if p.Parser != nil {
		for i := range doc.Sentences {
			if err := ctx.Err(); err != nil {
				return err
			}
			p.Parser.Parse(&doc.Sentences[i])
		}
	}
	return nil
}

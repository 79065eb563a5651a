// Package deppateval measures the deppat pattern table on annotated news:
// it runs the language pipeline over documents, takes the entity spans as
// mentions, runs every pattern and scores each candidate against a gold file
// in the format of shared/eval/score.py.
package deppateval

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sort"

	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/ingest/deppat"
	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/pipeline"
)

// Document is one line of a JSONL corpus.
type Document struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// ReadJSONL reads documents, keeping only the ids in keep (all when keep is nil).
func ReadJSONL(path string, keep map[string]bool) ([]Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("deppateval: %w", err)
	}
	defer f.Close()
	var docs []Document
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for n := 1; sc.Scan(); n++ {
		var d Document
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return nil, fmt.Errorf("deppateval: %s line %d: %w", path, n, err)
		}
		if keep == nil || keep[d.ID] {
			docs = append(docs, d)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("deppateval: %s: %w", path, err)
	}
	return docs, nil
}

// Fact is one candidate with its document and sentence, judged.
type Fact struct {
	Doc, Subject, Predicate, Object, Rule, Sentence string
	Qualifiers                                      []string
	Right                                           bool
}

// Candidates runs the pipeline and every pattern over the documents and
// returns the candidate facts, deduplicated per document, judged against gold
// (Right is false for every fact when gold is nil; names matched leniently
// when gold.Lenient is set).
func Candidates(ctx context.Context, p *pipeline.Pipeline, pats []*deppat.Pattern, docs []Document, gold *ingest.Gold) ([]Fact, error) {
	var out []Fact
	for _, d := range docs {
		doc := Tokenize(d.Text)
		if err := p.Run(ctx, doc); err != nil {
			return nil, fmt.Errorf("deppateval: %s: %w", d.ID, err)
		}
		seen := map[string]bool{}
		for si := range doc.Sentences {
			s := &doc.Sentences[si]
			for _, c := range deppat.MatchWith(pats, s, Mentions(s)) {
				f := Fact{Doc: d.ID, Subject: deppat.MentionText(s, c.Subject), Predicate: c.Predicate,
					Object: c.ObjectText, Rule: c.Rule, Qualifiers: c.Qualifiers, Sentence: d.Text[s.Start:s.End]}
				k := f.Subject + "\x00" + f.Predicate + "\x00" + f.Object + "\x00" + f.Rule
				if seen[k] {
					continue
				}
				seen[k] = true
				if gold != nil {
					f.Right = gold.Right(d.ID, f.Subject, f.Predicate, f.Object)
				}
				out = append(out, f)
			}
		}
	}
	return out, nil
}

// Mentions takes a sentence's entity spans as mentions.
func Mentions(s *nlp.Sentence) []deppat.Mention {
	var ms []deppat.Mention
	for _, sp := range s.Entities() {
		ms = append(ms, deppat.TrimTitle(s, deppat.Mention{Start: sp.Start, End: sp.End, Class: sp.Label}))
	}
	return ms
}

// RuleStats is one pattern's figures.
type RuleStats struct {
	Rule, Predicate string
	Right, Support  int
}

// Precision is Right/Support, 0 without support.
func (r RuleStats) Precision() float64 {
	if r.Support == 0 {
		return 0
	}
	return float64(r.Right) / float64(r.Support)
}

// Stats counts each rule's right facts among its distinct facts; preds, when
// not nil, keeps only those predicates (CoNLL04 annotates five).
func Stats(facts []Fact, preds map[string]bool) []RuleStats {
	m := map[string]*RuleStats{}
	for _, f := range facts {
		if preds != nil && !preds[f.Predicate] {
			continue
		}
		k := f.Rule + "\x00" + f.Predicate
		r := m[k]
		if r == nil {
			r = &RuleStats{Rule: f.Rule, Predicate: f.Predicate}
			m[k] = r
		}
		r.Support++
		if f.Right {
			r.Right++
		}
	}
	var out []RuleStats
	for _, r := range m {
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Rule != out[j].Rule {
			return out[i].Rule < out[j].Rule
		}
		return out[i].Predicate < out[j].Predicate
	})
	return out
}

// Missed returns the lines of the gold rows of the tier that no fact
// matched, for reading what the patterns do not yet cover (quotes excluded).
func Missed(g *ingest.Gold, facts []Fact, tier string) []string {
	by := map[string][][3]string{}
	for _, f := range facts {
		by[f.Doc] = append(by[f.Doc], [3]string{f.Subject, f.Predicate, f.Object})
	}
	return g.Missed(tier, by)
}

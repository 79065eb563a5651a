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
	"io"
	"os"
	"regexp"
	"sort"
	"strings"

	"golang.org/x/text/unicode/norm"

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

// GoldRow is one gold fact with its names normalised as the scorer does.
type GoldRow struct {
	Subjects, Preds, Objects []string
	Tier, Line               string
}

// Gold maps a document id to its gold rows.
type Gold map[string][]GoldRow

// ReadGold reads a gold TSV (doc, subject aliases, predicates, object aliases, tier).
func ReadGold(path string) (Gold, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("deppateval: %w", err)
	}
	defer f.Close()
	return parseGold(f)
}

func parseGold(r io.Reader) (Gold, error) {
	g := Gold{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "doc\t") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 5 {
			continue
		}
		if f[4] == "type" {
			continue
		}
		row := GoldRow{Preds: strings.Split(f[2], "|"), Tier: f[4], Line: line}
		for _, a := range strings.Split(f[1], "|") {
			row.Subjects = append(row.Subjects, Norm(a))
		}
		for _, a := range strings.Split(f[3], "|") {
			row.Objects = append(row.Objects, Norm(a))
		}
		g[f[0]] = append(g[f[0]], row)
	}
	return g, sc.Err()
}

var (
	possRe  = regexp.MustCompile(`'s\b`)
	punctRe = regexp.MustCompile(`[^\w\s~-]`)
	spaceRe = regexp.MustCompile(`\s+`)
	artRe   = regexp.MustCompile(`^(the|a|an) `)
)

// Norm normalises a name as shared/eval/score.py does.
func Norm(s string) string {
	s = strings.ToLower(norm.NFKC.String(s))
	s = strings.NewReplacer("\u2019", "'", "\u2018", "'").Replace(s)
	s = possRe.ReplaceAllString(s, "")
	s = punctRe.ReplaceAllString(s, " ")
	s = strings.ReplaceAll(s, "-", " ")
	s = strings.TrimSpace(spaceRe.ReplaceAllString(s, " "))
	return artRe.ReplaceAllString(s, "")
}

// Right reports whether the fact matches a gold row of the document, any
// tier. Lenient matching accepts a name that contains an alias as a run of
// whole words, or the reverse, when they differ by at most 3 words, as
// score.py --lenient does (CoNLL04 names "President Lincoln" where a
// pattern reads "Lincoln").
func (g Gold) Right(doc, subj, pred, obj string, lenient bool) bool {
	s, o := Norm(subj), Norm(obj)
	for _, r := range g[doc] {
		if !contains(r.Preds, pred) {
			continue
		}
		if matchName(r.Subjects, s, lenient) && matchName(r.Objects, o, lenient) {
			return true
		}
		if pred == "allied_with" && matchName(r.Subjects, o, lenient) && matchName(r.Objects, s, lenient) {
			return true
		}
	}
	return false
}

func matchName(aliases []string, o string, lenient bool) bool {
	for _, a := range aliases {
		if a == o || (strings.HasPrefix(a, "~") && strings.Contains(o, strings.TrimPrefix(a, "~"))) {
			return true
		}
		if lenient && !strings.HasPrefix(a, "~") && (wordRun(o, a) || wordRun(a, o)) {
			return true
		}
	}
	return false
}

// wordRun reports whether the words of short are a contiguous run of the
// words of long, with at most 3 words more in long.
func wordRun(long, short string) bool {
	l, s := strings.Fields(long), strings.Fields(short)
	if len(s) == 0 || len(l)-len(s) > 3 || len(l) < len(s) {
		return false
	}
	for i := 0; i+len(s) <= len(l); i++ {
		if strings.Join(l[i:i+len(s)], " ") == strings.Join(s, " ") {
			return true
		}
	}
	return false
}

func contains(set []string, s string) bool {
	for _, v := range set {
		if v == s {
			return true
		}
	}
	return false
}

// Fact is one candidate with its document and sentence, judged.
type Fact struct {
	Doc, Subject, Predicate, Object, Rule, Sentence string
	Qualifiers                                      []string
	Right                                           bool
}

// Candidates runs the pipeline and every pattern over the documents and
// returns the candidate facts, deduplicated per document, judged against gold
// (Right is false for every fact when gold is nil), leniently if asked.
func Candidates(ctx context.Context, p *pipeline.Pipeline, pats []*deppat.Pattern, docs []Document, gold Gold, lenient bool) ([]Fact, error) {
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
					f.Right = gold.Right(d.ID, f.Subject, f.Predicate, f.Object, lenient)
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

// Missed returns the gold rows of the given tier that no fact matched, for
// reading what the patterns do not yet cover (quotes excluded).
func (g Gold) Missed(facts []Fact, tier string) []GoldRow {
	var out []GoldRow
	for doc, rows := range g {
		for _, r := range rows {
			if r.Tier != tier || contains(r.Preds, "said") {
				continue
			}
			hit := false
			for _, f := range facts {
				if f.Doc != doc || !contains(r.Preds, f.Predicate) {
					continue
				}
				s, o := Norm(f.Subject), Norm(f.Object)
				if matchName(r.Subjects, s, false) && matchName(r.Objects, o, false) {
					hit = true
					break
				}
			}
			if !hit {
				out = append(out, r)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Line < out[j].Line })
	return out
}

package ingest

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/newsgraph/newsgraph/schema"
)

// Gold is a hand-annotated gold file in the format of the project's scorer
// (shared/eval/score.py): doc, subject aliases, predicates, object aliases,
// tier[, note], alternatives separated by '|', an object alias starting with
// '~' matching any object that contains it. It answers one question per
// fact — does a gold row of any tier state it? — which is how the scorer
// counts a relation row right, so rules can be measured one by one.
type Gold struct {
	byDoc map[string][]goldRow
	// Lenient also accepts a name whose words contain an alias's as a run,
	// or the reverse, when they differ by at most three words ("Lincoln"
	// for "President Lincoln"), as the scorer's --lenient does.
	Lenient bool
}

type goldRow struct {
	subj, obj []string // normalised aliases; an object kept with its leading '~'
	preds     map[string]bool
	tier      string
	line      string // the row as written, for reading what was missed
}

// symmetricPreds match in either direction, as the scorer reads them.
var symmetricPreds = map[string]bool{"allied_with": true}

// ReadGold parses a gold file. A line with fewer than five columns is an
// error naming its line number.
func ReadGold(r io.Reader) (*Gold, error) {
	g := &Gold{byDoc: map[string][]goldRow{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 5 {
			return nil, fmt.Errorf("gold line %d: %d columns, want at least 5", n, len(cols))
		}
		row := goldRow{preds: map[string]bool{}, tier: cols[4], line: line}
		for _, a := range strings.Split(cols[1], "|") {
			row.subj = append(row.subj, normName(a))
		}
		for _, p := range strings.Split(cols[2], "|") {
			row.preds[strings.ToLower(p)] = true
		}
		for _, a := range strings.Split(cols[3], "|") {
			if strings.HasPrefix(a, "~") {
				row.obj = append(row.obj, "~"+normName(a[1:]))
			} else {
				row.obj = append(row.obj, normName(a))
			}
		}
		g.byDoc[cols[0]] = append(g.byDoc[cols[0]], row)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading gold: %w", err)
	}
	return g, nil
}

// ReadGoldFile reads a gold file from disk.
func ReadGoldFile(path string) (*Gold, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("gold: %w", err)
	}
	defer f.Close()
	g, err := ReadGold(f)
	if err != nil {
		return nil, fmt.Errorf("gold %s: %w", path, err)
	}
	return g, nil
}

// Docs lists the documents the gold annotates.
func (g *Gold) Docs() map[string]bool {
	out := make(map[string]bool, len(g.byDoc))
	for d := range g.byDoc {
		out[d] = true
	}
	return out
}

// Missed returns, sorted, the lines of the gold rows of the tier that no
// fact states (facts: document → subject, predicate, object), quotes left
// out: what the rules do not yet read.
func (g *Gold) Missed(tier string, facts map[string][][3]string) []string {
	var out []string
	for doc, rows := range g.byDoc {
		for _, r := range rows {
			if r.tier != tier || r.preds["said"] {
				continue
			}
			hit := false
			for _, f := range facts[doc] {
				if r.preds[f[1]] && g.anyMatch(normNames(f[:1]), r.subj) && g.anyMatch(normNames(f[2:]), r.obj) {
					hit = true
					break
				}
			}
			if !hit {
				out = append(out, r.line)
			}
		}
	}
	sort.Strings(out)
	return out
}

// Covers reports whether the gold annotates the document.
func (g *Gold) Covers(doc string) bool { return len(g.byDoc[doc]) > 0 }

// Right reports whether a gold relation row of any tier states the fact
// (names as WriteTSV prints them). Unlike the scorer it does not use a gold
// row up once matched: it judges each fact on its own.
func (g *Gold) Right(doc, subj, pred, obj string) bool {
	return g.RightNames(doc, []string{subj}, pred, []string{obj})
}

// RightNames is Right for an entity known by several names: any name of
// the subject and any of the object may match.
func (g *Gold) RightNames(doc string, subjs []string, pred string, objs []string) bool {
	s, o := normNames(subjs), normNames(objs)
	for _, r := range g.byDoc[doc] {
		if r.tier == "type" || !r.preds[pred] {
			continue
		}
		if g.anyMatch(s, r.subj) && g.anyMatch(o, r.obj) ||
			symmetricPreds[pred] && g.anyMatch(o, r.subj) && g.anyMatch(s, r.obj) {
			return true
		}
	}
	return false
}

func normNames(names []string) []string {
	out := make([]string, 0, len(names))
	for _, n := range names {
		if nn := normName(n); nn != "" {
			out = append(out, nn)
		}
	}
	return out
}

func (g *Gold) anyMatch(names, aliases []string) bool {
	for _, n := range names {
		for _, a := range aliases {
			switch {
			case strings.HasPrefix(a, "~"):
				if strings.Contains(n, a[1:]) {
					return true
				}
			case n == a:
				return true
			case g.Lenient && a != "" && (containsRun(n, a) || containsRun(a, n)):
				return true
			}
		}
	}
	return false
}

// containsRun: big's words contain small's as a contiguous run, and the
// two differ by at most three words.
func containsRun(big, small string) bool {
	b, s := strings.Fields(big), strings.Fields(small)
	if len(s) == 0 || len(s) > len(b) || len(b)-len(s) > 3 {
		return false
	}
	for i := 0; i+len(s) <= len(b); i++ {
		if strings.Join(b[i:i+len(s)], " ") == strings.Join(s, " ") {
			return true
		}
	}
	return false
}

var (
	possessiveS = regexp.MustCompile(`'s\b`)
	nonWord     = regexp.MustCompile(`[^\p{L}\p{N}_\s~-]`)
	spaces      = regexp.MustCompile(`\s+`)
	leadArticle = regexp.MustCompile(`^(the|a|an) `)
)

// normName normalises a name as the scorer does: NFKC, lower case, curly
// apostrophes straightened, possessive 's and punctuation dropped, hyphens
// as spaces, whitespace collapsed, a leading article dropped.
func normName(s string) string {
	s = strings.ToLower(norm.NFKC.String(s))
	s = strings.NewReplacer("\u2019", "'", "\u2018", "'").Replace(s)
	s = possessiveS.ReplaceAllString(s, "")
	s = nonWord.ReplaceAllString(s, " ")
	s = strings.ReplaceAll(s, "-", " ")
	s = strings.TrimSpace(spaces.ReplaceAllString(s, " "))
	return leadArticle.ReplaceAllString(s, "")
}

// RuleStat is one rule's record against a gold file: how many distinct facts
// it gave in the gold's documents and how many of them a gold row states.
type RuleStat struct {
	Rule         string
	Facts, Right int
}

// Precision is Right/Facts, 0 for a rule that gave no fact.
func (s RuleStat) Precision() float64 {
	if s.Facts == 0 {
		return 0
	}
	return float64(s.Right) / float64(s.Facts)
}

// RuleStats judges every fact of the extractions of documents the gold
// covers and sums them per evidence rule, most facts first. A triple two
// rules give counts for each; a triple one rule gives twice counts once.
func (g *Gold) RuleStats(exts []schema.Extraction) []RuleStat {
	by := map[string]*RuleStat{}
	g.judge(exts, func(rule string, _ float64, right bool) {
		s := by[rule]
		if s == nil {
			s = &RuleStat{Rule: rule}
			by[rule] = s
		}
		s.Facts++
		if right {
			s.Right++
		}
	})
	out := make([]RuleStat, 0, len(by))
	for _, s := range by {
		out = append(out, *s)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Facts != out[j].Facts {
			return out[i].Facts > out[j].Facts
		}
		return out[i].Rule < out[j].Rule
	})
	return out
}

// Calibration sums the judged facts into confidence bins of width 0.2
// (index 4 holds 0.8–1.0): how often a fact of that confidence is right.
func (g *Gold) Calibration(exts []schema.Extraction) [5]RuleStat {
	var bins [5]RuleStat
	for i := range bins {
		bins[i].Rule = fmt.Sprintf("%.1f-%.1f", float64(i)*0.2, float64(i+1)*0.2)
	}
	g.judge(exts, func(_ string, conf float64, right bool) {
		b := min(int(conf*5), 4)
		bins[b].Facts++
		if right {
			bins[b].Right++
		}
	})
	return bins
}

// judge calls f once per distinct (document, subject, predicate, object,
// rule) fact of a covered document, with the fact's confidence.
func (g *Gold) judge(exts []schema.Extraction, f func(rule string, conf float64, right bool)) {
	for _, x := range exts {
		doc := x.Document.ID
		if !g.Covers(doc) {
			continue
		}
		names := make(map[string]string, len(x.Entities))
		for _, e := range x.Entities {
			names[e.IRI] = e.Name
		}
		seen := map[[4]string]bool{}
		for _, fact := range x.Facts {
			subj, obj := names[fact.Subject], fact.Object
			if n, ok := names[obj]; ok {
				obj = n
			}
			key := [4]string{normName(subj), fact.Predicate, normName(obj), fact.Evidence.Rule}
			if seen[key] {
				continue
			}
			seen[key] = true
			f(fact.Evidence.Rule, fact.Evidence.Confidence, g.Right(doc, subj, fact.Predicate, obj))
		}
	}
}

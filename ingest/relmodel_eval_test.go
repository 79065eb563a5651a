package ingest

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

// TestEvalRelModel measures the classifier as its gate needs it: every
// other rule at its default gate, the classifier's facts kept at any
// confidence over the model's threshold (where the gate asks for parse
// path agreement, only facts whose path agrees), judged per predicate and per
// confidence cut on CoNLL04 dev (lenient names, as score.py --lenient)
// and the Reuters dev gold. It runs only when NEWSGRAPH_EVAL_RELMODEL
// names the shared folder:
//
//	NEWSGRAPH_EVAL_RELMODEL=../shared go test ./ingest -run TestEvalRelModel -v
//
// NEWSGRAPH_EVAL_OUT, when set, names a folder for each set's classifier
// rows (TSV: doc, subject, predicate, object, confidence, right, sentence)
// to read by hand.
func TestEvalRelModel(t *testing.T) {
	dir := os.Getenv("NEWSGRAPH_EVAL_RELMODEL")
	if dir == "" {
		t.Skip("NEWSGRAPH_EVAL_RELMODEL not set")
	}
	if !filepath.IsAbs(dir) {
		dir = filepath.Join("..", dir)
	}
	e, err := NewExtractor(Options{})
	if err != nil {
		t.Fatal(err)
	}
	sets := []struct {
		name, docs, gold string
		lenient          bool
	}{
		{"conll04-dev", "eval/conll04/dev.jsonl", "eval/conll04/dev.gold.tsv", true},
		{"reuters-dev", "corpus/reuters-2017.jsonl", "eval/reuters-dev-gold.tsv", false},
	}
	if g := os.Getenv("NEWSGRAPH_EVAL_HELDOUT"); g != "" {
		sets = append(sets, struct {
			name, docs, gold string
			lenient          bool
		}{"held-out", "corpus/reuters-2017.jsonl", g, false})
	}
	for _, set := range sets {
		gp := set.gold
		if !filepath.IsAbs(gp) {
			gp = filepath.Join(dir, gp)
		}
		docs, gold := readEvalSet(t, filepath.Join(dir, set.docs), gp, set.lenient)
		var rows []judgedRow
		var all strings.Builder
		for _, d := range docs {
			if !gold.Covers(d.ID) {
				continue
			}
			ext := agreeingExtraction(t, e, d)
			rows = append(rows, judgeClassifier(gold, ext)...)
			writeRuleRows(&all, ext)
		}
		if set.name == "reuters-dev" && os.Getenv("NEWSGRAPH_EVAL_OUT") != "" && os.Getenv("NEWSGRAPH_EVAL_CORPUS") != "" {
			// The classifier's facts on the corpus articles the dev gold
			// does not cover, unjudged: the sample a gate with too few dev
			// facts is judged on by hand.
			var sample []judgedRow
			for _, d := range docs {
				if !gold.Covers(d.ID) {
					sample = append(sample, judgeClassifier(gold, agreeingExtraction(t, e, d))...)
				}
			}
			writeJudged(t, filepath.Join(os.Getenv("NEWSGRAPH_EVAL_OUT"), "reuters-corpus.tsv"), sample)
		}
		t.Logf("%s: %d classifier facts", set.name, len(rows))
		logCuts(t, rows)
		if out := os.Getenv("NEWSGRAPH_EVAL_OUT"); out != "" {
			writeJudged(t, filepath.Join(out, set.name+".tsv"), rows)
			if err := os.WriteFile(filepath.Join(out, set.name+".all.tsv"), []byte(all.String()), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

type judgedRow struct {
	doc, subj, pred, obj, sentence string
	conf                           float64
	right                          bool
}

// agreeingExtraction extracts d with every rule at its default gate and
// the classifier's facts at any confidence over the model's threshold,
// where the gate asks for path agreement only those whose path agrees.
func agreeingExtraction(t *testing.T, e *Extractor, d schema.Document) schema.Extraction {
	t.Helper()
	x, err := e.analyse(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	x.classifyRelationsKeep(e.rel, func(c relCandidate, _ float64) bool {
		return c.agrees || !classifierGates[relPreds[c.pred].pred].Path
	})
	x.quotes()
	return x.build(e.opts)
}

// judgeClassifier judges the extraction's distinct classifier facts.
func judgeClassifier(g *Gold, ext schema.Extraction) []judgedRow {
	names := map[string]string{}
	for _, e := range ext.Entities {
		names[e.IRI] = e.Name
	}
	seen := map[string]bool{}
	var out []judgedRow
	for _, f := range ext.Facts {
		if f.Evidence.Rule != "classifier" {
			continue
		}
		s, o := names[f.Subject], names[f.Object]
		k := normName(s) + "\t" + f.Predicate + "\t" + normName(o)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, judgedRow{doc: ext.Document.ID, subj: s, pred: f.Predicate, obj: o, sentence: f.Evidence.Sentence,
			conf: f.Evidence.Confidence, right: g.Right(ext.Document.ID, s, f.Predicate, o)})
	}
	return out
}

// logCuts prints, per predicate, right/facts at each confidence cut, and
// the calibration bins over all predicates.
func logCuts(t *testing.T, rows []judgedRow) {
	cuts := []float64{0, 0.5, 0.6, 0.7, 0.8, 0.9}
	for _, p := range relPreds {
		var b strings.Builder
		for _, c := range cuts {
			n, r := 0, 0
			for _, row := range rows {
				if row.pred == p.pred && row.conf >= c {
					n++
					if row.right {
						r++
					}
				}
			}
			fmt.Fprintf(&b, " ≥%.1f:%d/%d", c, r, n)
		}
		t.Logf("  %-10s%s", p.pred, b.String())
	}
	var b strings.Builder
	for lo := 0.0; lo < 1; lo += 0.2 {
		n, r, sum := 0, 0, 0.0
		for _, row := range rows {
			if row.conf >= lo && (row.conf < lo+0.2 || lo >= 0.8) {
				n++
				sum += row.conf
				if row.right {
					r++
				}
			}
		}
		if n > 0 {
			fmt.Fprintf(&b, " %.1f–%.1f: %d/%d (mean conf %.2f)", lo, lo+0.2, r, n, sum/float64(n))
		}
	}
	t.Logf("  calibration:%s", b.String())
}

func writeJudged(t *testing.T, path string, rows []judgedRow) {
	sort.Slice(rows, func(a, b int) bool { return rows[a].conf > rows[b].conf })
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	for _, r := range rows {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%.3f\t%v\t%s\n", r.doc, r.subj, r.pred, r.obj, r.conf, r.right, strings.ReplaceAll(r.sentence, "\n", " "))
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// writeRuleRows writes an extraction's relation facts as score.py reads
// them, with the rule and the confidence after the object.
func writeRuleRows(b *strings.Builder, ext schema.Extraction) {
	names := map[string]string{}
	for _, e := range ext.Entities {
		names[e.IRI] = e.Name
	}
	for _, f := range ext.Facts {
		obj := f.Object
		if n, ok := names[obj]; ok {
			obj = n
		}
		fmt.Fprintf(b, "%s\t%s\t%s\t%s\t%s\t%.3f\n", ext.Document.ID, names[f.Subject], f.Predicate, obj, f.Evidence.Rule, f.Evidence.Confidence)
	}
}

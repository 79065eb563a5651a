package ingest

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

// TestTrainRelModel rewrites relmodel.json from an annotated corpus in the
// layout of ../shared/eval/conll04 (train.jsonl: {"id","text"} per line;
// train.gold.tsv: doc, subject aliases, predicates, object aliases, tier).
// It runs only when NEWSGRAPH_TRAIN_RELMODEL names that folder:
//
//	NEWSGRAPH_TRAIN_RELMODEL=../shared/eval/conll04 go test ./ingest -run TestTrainRelModel -v
//
// Thresholds come from 5-fold cross-validation on the same split, so the
// dev split stays unseen.
func TestTrainRelModel(t *testing.T) {
	dir := os.Getenv("NEWSGRAPH_TRAIN_RELMODEL")
	if dir == "" {
		t.Skip("NEWSGRAPH_TRAIN_RELMODEL not set: not retraining the relation classifier")
	}
	if !filepath.IsAbs(dir) {
		dir = filepath.Join("..", dir)
	}
	docs, gold := readEvalSet(t, filepath.Join(dir, "train.jsonl"), filepath.Join(dir, "train.gold.tsv"), true)
	// Default options: the rules' facts the classifier sees as features
	// are those of a default run, and a pair counts as ruled only where a
	// rule the gates keep gave the predicate, as at run time.
	e, err := NewExtractor(Options{})
	if err != nil {
		t.Fatal(err)
	}
	var data []trainInstance
	for _, d := range docs {
		x, err := e.analyse(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		for si := range x.sents {
			ruled, on := x.ruledPairs(si)
			for _, c := range x.relCandidates(si, ruled, on) {
				se, oe := x.ments[c.sm].ent, x.ments[c.om].ent
				pred := relPreds[c.pred].pred
				label := gold.RightNames(d.ID, x.namesOf(se, c.sm), pred, x.namesOf(oe, c.om))
				data = append(data, trainInstance{doc: d.ID, fold: foldOf(d.ID), pred: c.pred, pair: fmt.Sprint(se, ">", oe),
					features: c.features, label: label, ruled: containsStr(on[[2]int{se, oe}], pred)})
			}
		}
	}
	vocab := featureVocab(data, 2)
	t.Logf("%d candidates, %d features kept", len(data), len(vocab))

	// Out-of-fold scores calibrate each predicate's confidence and choose
	// its threshold.
	oofScore := make([]float64, len(data))
	for fold := 0; fold < 5; fold++ {
		w := trainLogistic(data, vocab, func(in *trainInstance) bool { return in.fold != fold })
		for k := range data {
			if data[k].fold == fold {
				oofScore[k] = w.score(data[k].pred, data[k].features)
			}
		}
	}
	calibration := make([][2]float64, len(relPreds))
	oof := make([]float64, len(data))
	thresholds := make([]float64, len(relPreds))
	for p := range relPreds {
		var zs []float64
		var ys []bool
		for k, in := range data {
			if in.pred == p && !in.ruled {
				zs = append(zs, oofScore[k])
				ys = append(ys, in.label)
			}
		}
		calibration[p] = plattFit(zs, ys)
		raw, rawRight := 0, 0
		for k, z := range zs {
			if z >= math.Log(4) { // raw probability ≥ 0.8
				raw++
				if ys[k] {
					rawRight++
				}
			}
		}
		t.Logf("%-10s raw out-of-fold ≥0.8: %d/%d; calibration %v", relPreds[p].pred, rawRight, raw, calibration[p])
		for k, in := range data {
			if in.pred == p {
				oof[k] = 1 / (1 + math.Exp(-(calibration[p][0]*oofScore[k] + calibration[p][1])))
			}
		}
		thresholds[p] = chooseThreshold(t, data, oof, p)
	}
	w := trainLogistic(data, vocab, func(*trainInstance) bool { return true })
	w.Threshold = thresholds
	w.Calibration = calibration
	w.Trained = fmt.Sprintf("logistic regression per predicate, L2, AdaGrad; %d candidate pairs from %d documents of %s; features seen at least twice; Platt calibration and thresholds by 5-fold cross-validation",
		len(data), len(docs), filepath.Base(dir))
	out, err := json.Marshal(w)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("relmodel.json", append(out, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote relmodel.json: %d features, thresholds %v", len(w.Weights), thresholds)
}

type trainInstance struct {
	doc, pair string
	fold      int
	pred      int
	features  []string
	label     bool
	ruled     bool // a rule already gave this fact
}

// readEvalSet reads a JSON Lines document set and its gold (names matched
// as score.py --lenient does when lenient is set): what the classifier's
// training and its evaluation both load.
func readEvalSet(t *testing.T, docsPath, goldPath string, lenient bool) ([]schema.Document, *Gold) {
	t.Helper()
	f, err := os.Open(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	g, err := ReadGold(f)
	if err != nil {
		t.Fatal(err)
	}
	g.Lenient = lenient
	return readTrainDocs(t, docsPath), g
}

func readTrainDocs(t *testing.T, path string) []schema.Document {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var docs []schema.Document
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var d struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, schema.Document{ID: d.ID, Text: d.Text})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return docs
}

// namesOf lists every name the entity was seen with, and the mention's.
func (x *docState) namesOf(ent, mi int) []string {
	names := []string{x.ents[ent].name(), x.ments[mi].surface}
	for s := range x.ents[ent].surfaces {
		names = append(names, s)
	}
	return names
}

func foldOf(doc string) int {
	h := fnv.New32a()
	h.Write([]byte(doc))
	return int(h.Sum32() % 5)
}

func featureVocab(data []trainInstance, minCount int) map[string]bool {
	count := map[string]int{}
	for _, in := range data {
		for _, f := range in.features {
			count[f]++
		}
	}
	vocab := map[string]bool{}
	for f, c := range count {
		if c >= minCount {
			vocab[f] = true
		}
	}
	return vocab
}

// trainLogistic fits one L2-regularised logistic regression per predicate
// with AdaGrad, on the instances use accepts, in a fixed shuffled order.
func trainLogistic(data []trainInstance, vocab map[string]bool, use func(*trainInstance) bool) *relModel {
	// Chosen by the summed cross-validated F1 over 10/25 epochs and L2 in
	// {0, 1e-4, 1e-3, 3e-3}; the differences were within 0.01.
	const (
		epochs = 10
		rate   = 0.2
		l2     = 1e-4
	)
	m := &relModel{Weights: map[string][]float64{}}
	for _, p := range relPreds {
		m.Preds = append(m.Preds, p.pred)
	}
	grad2 := map[string][]float64{}
	idx := make([]int, 0, len(data))
	for k := range data {
		if use(&data[k]) {
			idx = append(idx, k)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for ep := 0; ep < epochs; ep++ {
		rng.Shuffle(len(idx), func(a, b int) { idx[a], idx[b] = idx[b], idx[a] })
		for _, k := range idx {
			in := &data[k]
			y := 0.0
			if in.label {
				y = 1
			}
			g := m.rawProb(in.pred, in.features) - y
			for _, f := range in.features {
				if !vocab[f] {
					continue
				}
				w, ok := m.Weights[f]
				if !ok {
					w = make([]float64, len(relPreds))
					m.Weights[f] = w
					grad2[f] = make([]float64, len(relPreds))
				}
				gf := g + l2*w[in.pred]
				grad2[f][in.pred] += gf * gf
				w[in.pred] -= rate * gf / math.Sqrt(grad2[f][in.pred]+1e-8)
			}
		}
	}
	for f, w := range m.Weights {
		zero := true
		for p := range w {
			w[p] = math.Round(w[p]*1e4) / 1e4
			if w[p] != 0 {
				zero = false
			}
		}
		if zero {
			delete(m.Weights, f)
		}
	}
	return m
}

// minClassifierPrecision: a predicate's cut must keep at least this share
// of the added facts right (out of fold); a predicate the model cannot
// reach it for is left to the rules.
const minClassifierPrecision = 0.4

// chooseThreshold picks the probability cut for predicate p that maximises
// F1 over the out-of-fold pairs no rule found: facts the classifier adds
// should be right at least as often as they are missed.
func chooseThreshold(t *testing.T, data []trainInstance, oof []float64, p int) float64 {
	type scored struct {
		prob  float64
		label bool
	}
	var s []scored
	positives := 0
	for k, in := range data {
		if in.pred != p || in.ruled {
			continue
		}
		s = append(s, scored{oof[k], in.label})
		if in.label {
			positives++
		}
	}
	sort.Slice(s, func(a, b int) bool { return s[a].prob > s[b].prob })
	best, bestF, tp := 1.0, 0.0, 0
	for k, c := range s {
		if c.label {
			tp++
		}
		prec, rec := float64(tp)/float64(k+1), float64(tp)/float64(max(positives, 1))
		if k+1 < 5 || prec < minClassifierPrecision {
			continue
		}
		if f := 2 * prec * rec / math.Max(prec+rec, 1e-9); f > bestF && c.prob >= 0.2 {
			bestF, best = f, c.prob
		}
	}
	// Report the curve around the choice.
	var b strings.Builder
	for _, cut := range []float64{0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8} {
		n, tp := 0, 0
		for _, c := range s {
			if c.prob >= cut {
				n++
				if c.label {
					tp++
				}
			}
		}
		fmt.Fprintf(&b, " ≥%.1f:%d/%d", cut, tp, n)
	}
	t.Logf("%-10s unruled candidates %d (positive %d); chosen %.3f (F1 %.3f);%s", relPreds[p].pred, len(s), positives, best, bestF, b.String())
	return math.Round(best*1e3) / 1e3
}

// plattFit fits a, b so that 1/(1+exp(-(a·z+b))) is the probability that
// a pair with out-of-fold score z holds (Platt 1999, with his smoothed
// targets so that a perfectly separated set does not drive a to
// infinity), by Newton's method from a=1, b=0: deterministic. The result
// is rounded like the weights.
func plattFit(zs []float64, ys []bool) [2]float64 {
	pos, neg := 0, 0
	for _, y := range ys {
		if y {
			pos++
		} else {
			neg++
		}
	}
	if pos == 0 || neg == 0 {
		return [2]float64{1, 0}
	}
	hi, lo := (float64(pos)+1)/(float64(pos)+2), 1/(float64(neg)+2)
	target := func(k int) float64 {
		if ys[k] {
			return hi
		}
		return lo
	}
	loss := func(a, b float64) float64 {
		l := 0.0
		for k, z := range zs {
			f := a*z + b
			// log(1+e^f) - t·f, stable for large |f|
			l += math.Max(f, 0) + math.Log1p(math.Exp(-math.Abs(f))) - target(k)*f
		}
		return l
	}
	a, b := 1.0, 0.0
	cur := loss(a, b)
	for it := 0; it < 100; it++ {
		// Gradient and Hessian of the log loss in (a, b).
		var ga, gb, haa, hab, hbb float64
		for k, z := range zs {
			p := 1 / (1 + math.Exp(-(a*z + b)))
			d := p - target(k)
			ga += d * z
			gb += d
			w := math.Max(p*(1-p), 1e-12)
			haa += w * z * z
			hab += w * z
			hbb += w
		}
		haa += 1e-6
		hbb += 1e-6
		det := haa*hbb - hab*hab
		if det <= 0 {
			break
		}
		da := (hbb*ga - hab*gb) / det
		db := (haa*gb - hab*ga) / det
		// Backtrack until the loss falls (Newton's full step can
		// overshoot where the scores are nearly separated).
		step := 1.0
		for ; step > 1e-6; step /= 2 {
			if l := loss(a-step*da, b-step*db); l < cur {
				cur = l
				break
			}
		}
		if step <= 1e-6 {
			break
		}
		a, b = a-step*da, b-step*db
		if math.Abs(step*da) < 1e-9 && math.Abs(step*db) < 1e-9 {
			break
		}
	}
	return [2]float64{math.Round(a*1e4) / 1e4, math.Round(b*1e4) / 1e4}
}

package perceptron

// Trainer learns an averaged perceptron. Averaging is done lazily: each weight
// keeps the running total of its past values and the step at which it last
// changed, as in Honnibal's tagger, so an update costs O(features).
type Trainer struct {
	classes []string
	index   map[Feature]int32
	weights []float32
	totals  []float64
	stamps  []int32
	step    int32
}

// NewTrainer returns a trainer over the given classes.
func NewTrainer(classes []string) *Trainer {
	return &Trainer{classes: append([]string(nil), classes...), index: map[Feature]int32{}}
}

// Classes returns the class names, in index order.
func (t *Trainer) Classes() []string { return t.classes }

// Scores scores the features with the current (not averaged) weights.
func (t *Trainer) Scores(feats []Feature, scores []float32) {
	clear(scores)
	n := len(t.classes)
	for _, f := range feats {
		off, ok := t.index[f]
		if !ok {
			continue
		}
		w := t.weights[off : int(off)+n]
		for c := range scores {
			scores[c] += w[c]
		}
	}
}

// Tick advances the step counter; call it once per training example, whether
// or not Update is called for it.
func (t *Trainer) Tick() { t.step++ }

// Update moves weight toward the truth class and away from the guess class for
// each feature. Nothing changes when they are equal.
func (t *Trainer) Update(truth, guess int, feats []Feature) {
	if truth == guess {
		return
	}
	for _, f := range feats {
		off := t.offset(f)
		t.bump(off+int32(truth), 1)
		if guess >= 0 {
			t.bump(off+int32(guess), -1)
		}
	}
}

func (t *Trainer) offset(f Feature) int32 {
	if off, ok := t.index[f]; ok {
		return off
	}
	off := int32(len(t.weights))
	t.index[f] = off
	n := len(t.classes)
	t.weights = append(t.weights, make([]float32, n)...)
	t.totals = append(t.totals, make([]float64, n)...)
	t.stamps = append(t.stamps, make([]int32, n)...)
	return off
}

func (t *Trainer) bump(i int32, delta float32) {
	t.totals[i] += float64(t.step-t.stamps[i]) * float64(t.weights[i])
	t.stamps[i] = t.step
	t.weights[i] += delta
}

// Average returns the averaged model. Features whose averaged weights are all
// below prune in magnitude are dropped, which keeps models small; 0 keeps
// every feature with a non-zero weight.
func (t *Trainer) Average(prune float32) *Model {
	n := len(t.classes)
	m := &Model{Classes: append([]string(nil), t.classes...), index: map[Feature]int32{}}
	avg := make([]float32, n)
	for f, off := range t.index {
		keep := false
		for c := 0; c < n; c++ {
			i := int(off) + c
			total := t.totals[i] + float64(t.step-t.stamps[i])*float64(t.weights[i])
			a := float32(0)
			if t.step > 0 {
				a = float32(total / float64(t.step))
			}
			avg[c] = a
			if a > prune || a < -prune || (prune == 0 && a != 0) {
				keep = true
			}
		}
		if keep {
			m.index[f] = int32(len(m.weights))
			m.weights = append(m.weights, avg...)
		}
	}
	return m
}

// Add adds delta to the weight of one class for each feature, for updates
// that are not a truth-against-guess pair (a structured perceptron moves the
// features of a whole gold sequence up and those of a predicted one down).
func (t *Trainer) Add(class int, delta float32, feats []Feature) {
	for _, f := range feats {
		t.bump(t.offset(f)+int32(class), delta)
	}
}

package perceptron

import (
	"bytes"
	"testing"
)

// A separable toy problem: the class is named by one feature, with a second
// feature that is noise. The averaged model must learn it, survive a round
// trip through its file, and write the same bytes twice.
func TestTrainPredictRoundTrip(t *testing.T) {
	classes := []string{"A", "B", "C"}
	tr := NewTrainer(classes)
	examples := []struct {
		feats []Feature
		truth int
	}{
		{[]Feature{Hash("w", "a"), Hash("noise", "1")}, 0},
		{[]Feature{Hash("w", "b"), Hash("noise", "1")}, 1},
		{[]Feature{Hash("w", "c"), Hash("noise", "2")}, 2},
		{[]Feature{Hash("w", "a"), Hash("noise", "2")}, 0},
	}
	scores := make([]float32, len(classes))
	for range 5 {
		for _, ex := range examples {
			tr.Tick()
			tr.Scores(ex.feats, scores)
			tr.Update(ex.truth, Best(scores, nil), ex.feats)
		}
	}
	m := tr.Average(0)
	for _, ex := range examples {
		if got := m.Predict(ex.feats, scores, nil); got != ex.truth {
			t.Errorf("predict %v = %s, want %s", ex.feats, classes[got], classes[ex.truth])
		}
	}
	// Constrained prediction never returns a disallowed class.
	if got := m.Predict(examples[0].feats, scores, func(c int) bool { return c != 0 }); got == 0 {
		t.Errorf("constrained predict returned a disallowed class")
	}
	var a, b bytes.Buffer
	if err := m.Write(&a); err != nil {
		t.Fatal(err)
	}
	if err := m.Write(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("two writes of one model differ")
	}
	m2, err := Read(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if m2.NumFeatures() != m.NumFeatures() || m2.ClassIndex("C") != 2 {
		t.Fatalf("round trip: %d features, class C at %d", m2.NumFeatures(), m2.ClassIndex("C"))
	}
	for _, ex := range examples {
		if got := m2.Predict(ex.feats, scores, nil); got != ex.truth {
			t.Errorf("after round trip predict = %s, want %s", classes[got], classes[ex.truth])
		}
	}
	if _, err := Read(bytes.NewReader([]byte("not gzip"))); err == nil {
		t.Errorf("Read of garbage: no error")
	}
}

// The allocation-free chain builds the same keys as Hash.
func TestChainMatchesHash(t *testing.T) {
	if got, want := Start("w").With("").With("word"), Hash("w", "", "word"); got != want {
		t.Errorf("chain %x, Hash %x", got, want)
	}
	if Start("a").With("b") == Start("ab") {
		t.Errorf("parts run together")
	}
	if n := testing.AllocsPerRun(100, func() { _ = Start("x").With("yz") }); n != 0 {
		t.Errorf("%v allocations", n)
	}
}

func TestBundleRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteBundle(&buf, "test1\n", []byte("one"), nil, []byte("three")); err != nil {
		t.Fatal(err)
	}
	parts, err := ReadBundle(buf.Bytes(), "test1\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(parts) != 3 || string(parts[0]) != "one" || len(parts[1]) != 0 || string(parts[2]) != "three" {
		t.Fatalf("parts %q", parts)
	}
	if _, err := ReadBundle(buf.Bytes()[:buf.Len()-2], "test1\n"); err == nil {
		t.Errorf("truncated bundle: no error")
	}
	if _, err := ReadBundle(buf.Bytes(), "other\n"); err == nil {
		t.Errorf("wrong magic: no error")
	}
}

// A Table scores exactly as its model, known, unknown and zero keys alike.
func TestTableMatchesModel(t *testing.T) {
	tr := NewTrainer([]string{"A", "B"})
	feats := []Feature{Hash("x"), Hash("y"), 0}
	for range 3 {
		tr.Tick()
		tr.Update(0, 1, feats[:1])
		tr.Tick()
		tr.Update(1, 0, feats[1:])
	}
	m := tr.Average(0)
	tab := m.Table()
	probe := append(feats, Hash("unseen"))
	want, got := make([]float32, 2), make([]float32, 2)
	m.Scores(probe, want)
	tab.Scores(probe, got)
	if want[0] != got[0] || want[1] != got[1] || want[0] == want[1] {
		t.Errorf("table %v, model %v", got, want)
	}
	if tab.Predict(feats[:1], got, nil) != 0 || tab.Predict(feats[1:2], got, nil) != 1 {
		t.Errorf("table predicts wrongly")
	}
}

// Add moves one class's weights without a guess to move away from, and a
// matching negative Add undoes it.
func TestTrainerAdd(t *testing.T) {
	tr := NewTrainer([]string{"a", "b"})
	feats := []Feature{Hash("x"), Hash("y")}
	tr.Add(1, 1, feats)
	scores := make([]float32, 2)
	tr.Scores(feats, scores)
	if scores[0] != 0 || scores[1] != 2 {
		t.Errorf("after Add: scores %v, want [0 2]", scores)
	}
	tr.Add(1, -1, feats[:1])
	tr.Scores(feats, scores)
	if scores[1] != 1 {
		t.Errorf("after a negative Add: scores %v, want [0 1]", scores)
	}
}

package perceptron

import "testing"

// Mean averages weights feature by feature (each model's ±0.5 halves), a feature missing from one model
// counting as zero there, and refuses models of different classes.
func TestMean(t *testing.T) {
	train := func(f Feature, truth int) *Model {
		tr := NewTrainer([]string{"A", "B"})
		tr.Tick()
		tr.Update(truth, 1-truth, []Feature{f})
		tr.Tick() // averaged over two steps: weights ±0.5
		return tr.Average(0)
	}
	a, b := train(Hash("x"), 0), train(Hash("y"), 1)
	m, err := Mean(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if m.NumFeatures() != 2 {
		t.Fatalf("%d features, want 2", m.NumFeatures())
	}
	scores := make([]float32, 2)
	m.Scores([]Feature{Hash("x")}, scores)
	if scores[0] != 0.25 || scores[1] != -0.25 {
		t.Errorf("scores of x = %v, want [0.25 -0.25]", scores)
	}
	m.Scores([]Feature{Hash("y")}, scores)
	if scores[0] != -0.25 || scores[1] != 0.25 {
		t.Errorf("scores of y = %v, want [-0.25 0.25]", scores)
	}
	seen := 0
	m.Each(func(f Feature, w []float32) { seen++ })
	if seen != 2 {
		t.Errorf("Each saw %d features, want 2", seen)
	}
	other := NewTrainer([]string{"A", "C"}).Average(0)
	if _, err := Mean(a, other); err == nil {
		t.Errorf("Mean of models with different classes: no error")
	}
	if _, err := Mean(); err == nil {
		t.Errorf("Mean of nothing: no error")
	}
}

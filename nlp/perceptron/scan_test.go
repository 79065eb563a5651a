package perceptron

import (
	"bytes"
	"testing"
)

// Scan reads a model file's header and every feature with the 16-bit
// weights Read turns into the model's: the two agree weight for weight.
func TestScanMatchesRead(t *testing.T) {
	tr := NewTrainer([]string{"A", "B", "C"})
	feats := []Feature{Hash("x"), Hash("y"), Hash("z")}
	for i := range 9 {
		tr.Tick()
		tr.Update(i%3, (i+1)%3, feats[i%3:i%3+1])
	}
	m := tr.Average(0)
	var file bytes.Buffer
	if err := m.Write(&file); err != nil {
		t.Fatal(err)
	}
	read, err := Read(bytes.NewReader(file.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var h Header
	seen := 0
	var prev Feature
	err = Scan(bytes.NewReader(file.Bytes()), func(got Header) error { h = got; return nil }, func(f Feature, q []int16) {
		if seen > 0 && f <= prev {
			t.Errorf("features out of order: %x after %x", f, prev)
		}
		prev = f
		seen++
		want := make([]float32, 3)
		read.Scores([]Feature{f}, want)
		for c := range q {
			if got := float32(q[c]) * h.Scale; got != want[c] {
				t.Errorf("feature %x class %d: scanned %v, read %v", f, c, got, want[c])
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Classes) != 3 || h.Classes[2] != "C" || h.Features != read.NumFeatures() || seen != h.Features || seen != 3 {
		t.Errorf("header %+v, %d features scanned, model has %d", h, seen, read.NumFeatures())
	}
	if err := Scan(bytes.NewReader([]byte("not gzip")), func(Header) error { return nil }, func(Feature, []int16) {}); err == nil {
		t.Errorf("Scan of garbage: no error")
	}
}

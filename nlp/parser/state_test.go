package parser

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/nlp/perceptron"
)

// Following zero-cost moves from the start rebuilds any projective tree:
// the dynamic oracle never blocks the gold tree.
func TestOracleRebuildsGold(t *testing.T) {
	trees := [][]int{ // heads, n for the root
		{1, 4, 1, 1},             // "dogs bark loudly ." style, root 1
		{2, 2, 5, 4, 2},          // nested left and right
		{1, 3, 3, 6, 5, 3},       // chain
		{5, 0, 0, 0, 3, 6},       // 6 is the root token index (n=6): 5 is root
		{3, 3, 3, 8, 3, 6, 4, 3}, // several right children
	}
	for _, heads := range trees {
		n := len(heads)
		st := newState(n)
		for steps := 0; !st.done(); steps++ {
			if steps > 4*n {
				t.Fatalf("%v: no end", heads)
			}
			var cost [numMoves]int
			st.costs(heads, &cost)
			move := -1
			for mv := range numMoves {
				if st.valid(mv) && cost[mv] == 0 {
					move = mv
					break
				}
			}
			if move < 0 {
				t.Fatalf("%v: no zero-cost move at stack %v b %d", heads, st.stack, st.b)
			}
			st.apply(move, 0)
		}
		if !slices.Equal(st.heads[:n], heads) {
			t.Errorf("rebuilt %v, want %v", st.heads[:n], heads)
		}
	}
}

// A wrong move costs what it loses.
func TestOracleCosts(t *testing.T) {
	heads := []int{1, 3, 1} // 0 <- 1 -> 2, 1 is root (n=3)
	st := newState(3)
	st.apply(shift, 0) // stack [0], b=1
	var cost [numMoves]int
	st.costs(heads, &cost)
	if cost[left] != 0 || cost[shift] != 1 {
		t.Errorf("costs %v: left should be free, shift should lose 0←1", cost)
	}
}

func TestProjectivize(t *testing.T) {
	// 0 heads 2, 1 heads 3 crosses it: 3 is the root (n=4).
	heads := []int{2, 3, 3, 4}
	got := projectivize(heads)
	if !slices.Equal(got, []int{3, 3, 3, 4}) {
		t.Errorf("projectivize %v = %v", heads, got)
	}
	for d := range got {
		if got[d] == 4 {
			continue
		}
		lo, hi := min(d, got[d]), max(d, got[d])
		if !projectiveArc(got, got[d], lo, hi) {
			t.Errorf("arc %d→%d still crosses", got[d], d)
		}
	}
	// A projective tree is left alone.
	if p := projectivize([]int{1, 3, 1}); !slices.Equal(p, []int{1, 3, 1}) {
		t.Errorf("projective tree changed: %v", p)
	}
}

// The inline tables score exactly as the perceptrons they were built from
// (up to the one scale of the 16-bit weights).
func TestTablesMatchModel(t *testing.T) {
	for _, name := range Names() {
		if name == "ensemble" || strings.HasSuffix(name, labelPassSuffix) {
			continue // its members are the other names; the label pass is below
		}
		p, err := LoadNamed(name)
		if err != nil {
			t.Fatal(err)
		}
		checkTables(t, p)
	}
	rl, err := LoadLabelPass()
	if err != nil {
		t.Fatal(err)
	}
	m, err := perceptron.Read(bytes.NewReader(rl.part))
	if err != nil {
		t.Fatal(err)
	}
	var feats []perceptron.Feature
	m.Each(func(f perceptron.Feature, w []float32) {
		if len(feats) < 500 {
			feats = append(feats, f)
		}
	})
	want := make([]float32, len(rl.table.classes))
	best := m.Predict(feats, want, nil)
	if got := rl.table.predict(feats, make([]int32, len(want)), func(int) bool { return true }); got != best {
		t.Errorf("label pass: the table picks %s, the model %s", rl.table.classes[got], rl.table.classes[best])
	}
}

func checkTables(t *testing.T, p *Model) {
	t.Helper()
	for part, classes := range []int{numMoves, len(p.labelTable.classes)} {
		m, err := perceptron.Read(bytes.NewReader(p.parts[part]))
		if err != nil {
			t.Fatal(err)
		}
		// The file's scale turns the tables' integers back into weights.
		var scale float32
		stop := errors.New("header read")
		err = perceptron.Scan(bytes.NewReader(p.parts[part]), func(h perceptron.Header) error {
			scale = h.Scale
			return stop
		}, nil)
		if !errors.Is(err, stop) {
			t.Fatal(err)
		}
		var feats []perceptron.Feature
		m.Each(func(f perceptron.Feature, w []float32) {
			if len(feats) < 500 {
				feats = append(feats, f)
			}
		})
		feats = append(feats, 12345, 67890) // unknown features count for nothing
		want := make([]float32, classes)
		m.Scores(feats, want)
		got := make([]float32, classes)
		if part == 0 {
			var s [numMoves]float32
			p.table.scores(feats, &s)
			copy(got, s[:])
		} else {
			sums := make([]int32, classes)
			p.labelTable.predict(feats, sums, func(int) bool { return true })
			for c, s := range sums {
				got[c] = float32(s)
			}
		}
		for c := range want {
			if d := got[c]*scale - want[c]; d > 1e-2 || d < -1e-2 {
				t.Errorf("part %d class %d: table %v, model %v", part, c, got[c]*scale, want[c])
			}
		}
	}
}

package perceptron

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// trainedToy is a model of many features with weights of very different
// sizes, as a parser's are: a few strong features and many weak ones.
func trainedToy(t *testing.T) *Model {
	t.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	m := &Model{Classes: []string{"A", "B", "C", "D"}, index: map[Feature]int32{}}
	for i := range 3000 {
		m.index[Hash("f", fmt.Sprint(i))] = int32(len(m.weights))
		for range 4 {
			w := float32(0)
			if rng.IntN(3) > 0 {
				w = float32(math.Exp(rng.Float64()*12-4) * (rng.Float64()*2 - 1))
			}
			m.weights = append(m.weights, w)
		}
	}
	return m
}

// The compact file reads back as a model that scores as the 16-bit one
// does, to the precision of its mantissas; it writes the same bytes twice;
// a model read from a compact file writes it again unchanged (so converting
// a 16-bit file gives what writing the trained model compact gives); and it
// is smaller.
func TestCompactRoundTrip(t *testing.T) {
	m := trainedToy(t)
	enc := Compact{KeySlack: 20, WeightBits: 8}
	var full, a, b bytes.Buffer
	if err := m.Write(&full); err != nil {
		t.Fatal(err)
	}
	if err := m.WriteCompact(&a, enc); err != nil {
		t.Fatal(err)
	}
	if err := m.WriteCompact(&b, enc); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatalf("two compact writes of one model differ")
	}
	if a.Len() >= full.Len() {
		t.Errorf("compact file %d bytes, 16-bit file %d", a.Len(), full.Len())
	}
	m16, err := Read(bytes.NewReader(full.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	mc, err := Read(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if mc.NumFeatures() == 0 || mc.NumFeatures() > m16.NumFeatures() {
		t.Fatalf("compact model has %d features, 16-bit %d", mc.NumFeatures(), m16.NumFeatures())
	}
	// Every feature's weights agree within half a step of its row's
	// mantissa (at most 1/127 of the row's largest weight, plus the 16-bit
	// rounding), through the map and through the Table alike.
	want, got, tab := make([]float32, 4), make([]float32, 4), make([]float32, 4)
	ct := mc.Table()
	checked := 0
	m16.Each(func(f Feature, w []float32) {
		peak := float32(0)
		for _, x := range w {
			peak = max(peak, float32(math.Abs(float64(x))))
		}
		if peak == 0 {
			return
		}
		copy(want, w)
		mc.Scores([]Feature{f}, got)
		ct.Scores([]Feature{f}, tab)
		for c := range want {
			if d := math.Abs(float64(got[c] - want[c])); d > float64(peak)/127+1e-6 {
				t.Errorf("feature %x class %d: compact %v, 16-bit %v", f, c, got[c], want[c])
			}
			if tab[c] != got[c] {
				t.Errorf("feature %x class %d: table %v, model %v", f, c, tab[c], got[c])
			}
		}
		checked++
	})
	if checked < 2000 {
		t.Fatalf("only %d features checked", checked)
	}
	// A model read from either file writes the same compact bytes.
	for name, r := range map[string]*Model{"16-bit": m16, "compact": mc} {
		var c bytes.Buffer
		if err := r.WriteCompact(&c, enc); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(c.Bytes(), a.Bytes()) {
			t.Errorf("the model read from the %s file writes other compact bytes", name)
		}
	}
	// Its keys are cut short, which a 16-bit file cannot record.
	if err := mc.Write(&bytes.Buffer{}); err == nil {
		t.Errorf("writing a compact model in 16 bits: no error")
	}
	// Scan reports the kept key bits, and every key fits in them.
	err = Scan(bytes.NewReader(a.Bytes()), func(h Header) error {
		// 3000 features: 12 bits tell them apart, and 20 of slack.
		if h.KeyBits != 32 {
			t.Errorf("compact file keeps %d key bits, want 32", h.KeyBits)
		}
		return nil
	}, func(f Feature, q []int16) {
		if uint64(f)&^KeyMask(32) != 0 {
			t.Errorf("key %x is longer than the kept bits", f)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := m.WriteCompact(&bytes.Buffer{}, Compact{KeySlack: 20, WeightBits: 9}); err == nil {
		t.Errorf("9-bit mantissas: no error")
	}
}

// With fewer key bits than features need, keys collide: the file keeps one
// feature per kept key, the one with the larger weight.
func TestCompactCollidingKeys(t *testing.T) {
	m := &Model{Classes: []string{"A", "B"}, index: map[Feature]int32{}}
	add := func(f Feature, w ...float32) {
		m.index[f] = int32(len(m.weights))
		m.weights = append(m.weights, w...)
	}
	// 1 feature → keyBits = 1 + slack; with slack 3 the low 4 bits count.
	add(0x10_0005, 1, -2)
	add(0x20_0005, 8, 0) // the same low bits, larger: kept
	add(0x30_0006, 0, 0) // all zero: left out
	add(0x40_0007, -4, 4)
	var buf bytes.Buffer
	if err := m.WriteCompact(&buf, Compact{KeySlack: 0, WeightBits: 8}); err != nil {
		t.Fatal(err)
	}
	got := map[Feature][]int16{}
	var h Header
	err := Scan(bytes.NewReader(buf.Bytes()), func(x Header) error { h = x; return nil }, func(f Feature, q []int16) {
		got[f] = append([]int16(nil), q...)
	})
	if err != nil {
		t.Fatal(err)
	}
	mask := Feature(KeyMask(h.KeyBits))
	if len(got) != 2 || got[0x20_0005&mask] == nil || got[0x40_0007&mask] == nil {
		t.Fatalf("kept %v (key bits %d)", got, h.KeyBits)
	}
	if q := got[0x20_0005&mask]; float32(q[0])*h.Scale != 8 || q[1] != 0 {
		t.Errorf("colliding key kept %v × %v, want the weights 8, 0", q, h.Scale)
	}
	// A feature the file left out still reads as one whose kept bits
	// match: the price of short keys, which KeySlack makes rare.
	r, err := Read(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	s := make([]float32, 2)
	r.Scores([]Feature{0x10_0005}, s)
	if s[0] != 8 {
		t.Errorf("lookup by the kept bits: %v", s)
	}
}

// blockFloat keeps a row's largest weight to WeightBits-1 bits and gives
// back what it made.
func TestBlockFloat(t *testing.T) {
	mant := make([]int8, 3)
	for _, tc := range []struct {
		q     []int16
		wbits int
		want  []int16
	}{
		{[]int16{100, -3, 0}, 8, []int16{100, -3, 0}},             // fits: shift 0
		{[]int16{1000, -3, 500}, 8, []int16{1000, 0, 504}},        // shift 3: steps of 8
		{[]int16{32767, -32767, 1}, 8, []int16{32767, -32767, 0}}, // the 16-bit extremes
		{[]int16{1000, -3, 500}, 4, []int16{1024, 0, 512}},        // shift 8, mantissas up to 7
	} {
		s := blockFloat(tc.q, tc.wbits, mant)
		for c := range tc.q {
			got := int16(max(-math.MaxInt16, min(math.MaxInt16, int32(mant[c])<<s)))
			if got != tc.want[c] {
				t.Errorf("blockFloat(%v, %d) class %d = %d (shift %d), want %d", tc.q, tc.wbits, c, got, s, tc.want[c])
			}
		}
	}
}

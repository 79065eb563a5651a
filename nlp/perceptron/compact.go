package perceptron

import (
	"bufio"
	"cmp"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"math/bits"
	"slices"
)

// compactMagic starts a model file in the compact encoding (WriteCompact).
const compactMagic = "ngperc2\n"

// Compact says how WriteCompact shrinks a model. In a 16-bit file most of
// the bytes are the keys: a 64-bit hash, delta-coded, still takes about 44
// bits a feature, and nothing compresses random bits. A model needs only
// enough bits to tell its own features apart and to make a false match of
// an absent feature rare, so the compact file keeps the low
// log2(features)+KeySlack bits of each key (a feature the model lacks then
// matches one of its keys with probability 2^-KeySlack per lookup), and its
// weights as block floating point: per feature one shift and one signed
// WeightBits-bit mantissa per class, so each feature's largest weight keeps
// WeightBits-1 bits of precision, whatever its magnitude.
type Compact struct {
	KeySlack   int // bits kept beyond log2 of the feature count
	WeightBits int // bits of each weight's mantissa, sign included (2–8)
}

// keyBits is how many low bits of each key a compact file of n features
// keeps.
func (c Compact) keyBits(n int) int {
	return min(64, bits.Len(uint(n))+c.KeySlack)
}

// KeyMask is the mask a reader applies to a feature before looking it up
// in a model read from a file with keyBits bits of key: all ones for full
// keys.
func KeyMask(keyBits int) uint64 {
	if keyBits >= 64 || keyBits <= 0 {
		return math.MaxUint64
	}
	return 1<<keyBits - 1
}

// blockFloat rounds 16-bit weights to a shared shift and mantissas of
// wbits bits: q ≈ mant << shift. Rounding a row that came out of
// blockFloat again gives it back, so converting a compact model's file
// again changes nothing.
func blockFloat(q []int16, wbits int, mant []int8) (shift uint8) {
	limit := int32(1)<<(wbits-1) - 1
	m := int32(0)
	for _, v := range q {
		m = max(m, abs32(int32(v)))
	}
	for (m+(1<<shift>>1))>>shift > limit {
		shift++
	}
	for c, v := range q {
		x := int32(math.Round(float64(v) / float64(int32(1)<<shift)))
		mant[c] = int8(max(-limit, min(limit, x)))
	}
	return shift
}

func abs32(x int32) int32 {
	if x < 0 {
		return -x
	}
	return x
}

// quantize16 gives the model's weights as Write stores them: 16-bit
// integers against one scale. WriteCompact starts from these, so a model
// and its 16-bit file give the same compact file; a model read from a file
// keeps that file's scale, so that its weights give back the integers they
// were read from (recomputing the scale could move it by a rounding).
func (m *Model) quantize16() (keys []Feature, q []int16, scale float32) {
	keys = make([]Feature, 0, len(m.index))
	for f := range m.index {
		keys = append(keys, f)
	}
	slices.Sort(keys)
	if scale = m.fileScale; scale == 0 {
		maxAbs := float32(0)
		for _, w := range m.weights {
			maxAbs = max(maxAbs, float32(math.Abs(float64(w))))
		}
		scale = maxAbs / math.MaxInt16
		if scale == 0 {
			scale = 1
		}
	}
	n := len(m.Classes)
	q = make([]int16, 0, len(keys)*n)
	for _, f := range keys {
		off := m.index[f]
		for _, w := range m.weights[off : int(off)+n] {
			q = append(q, int16(math.Round(float64(w/scale))))
		}
	}
	return keys, q, scale
}

// WriteCompact stores the model gzip'd in the compact encoding (see
// Compact): the class names, the features in order of their kept key bits
// (delta-coded), each with its shift and mantissas. Features whose weights
// are all zero are left out; of two features whose kept bits are the same,
// the one with the larger weight stays. The same model always writes the
// same bytes, and Read, Scan and Table read the file as they read Write's.
func (m *Model) WriteCompact(w io.Writer, c Compact) error {
	if c.WeightBits < 2 || c.WeightBits > 8 || c.KeySlack < 0 {
		return fmt.Errorf("perceptron: bad compact encoding %+v", c)
	}
	keys, q, scale := m.quantize16()
	n := len(m.Classes)
	kb := c.keyBits(len(keys))
	if m.keyMask != 0 {
		// Read from a compact file: its keys are already cut, and cutting
		// them to the bits the file kept gives the same file again even if
		// the count of features has fallen below a power of two since.
		kb = min(kb, bits.Len64(m.keyMask))
	}
	mask := KeyMask(kb)
	type row struct {
		key  uint64
		peak int32
		q    []int16
	}
	rows := make([]row, 0, len(keys))
	for i, f := range keys {
		r := row{key: uint64(f) & mask, q: q[i*n : (i+1)*n]}
		for _, v := range r.q {
			r.peak = max(r.peak, abs32(int32(v)))
		}
		if r.peak > 0 {
			rows = append(rows, r)
		}
	}
	// Sorted by kept key, the larger weight first among equal keys (then the
	// full key's order, which the stable sort keeps), so the first of each
	// run of equal keys is the one kept.
	slices.SortStableFunc(rows, func(a, b row) int {
		return cmp.Or(cmp.Compare(a.key, b.key), cmp.Compare(b.peak, a.peak))
	})
	rows = slices.CompactFunc(rows, func(a, b row) bool { return a.key == b.key })

	return writeFile(w, compactMagic, m.Classes, func(bw *bufio.Writer, putU func(uint64)) {
		putU(uint64(len(rows)))
		bw.WriteByte(byte(kb))
		bw.WriteByte(byte(c.WeightBits))
		binary.Write(bw, binary.LittleEndian, scale)
		mant := make([]int8, n)
		prev := uint64(0)
		for _, r := range rows {
			putU(r.key - prev)
			prev = r.key
			bw.WriteByte(blockFloat(r.q, c.WeightBits, mant))
			for _, v := range mant {
				bw.WriteByte(byte(v))
			}
		}
	})
}

// scanCompact reads the rest of a compact file after its feature count.
func scanCompact(br *bufio.Reader, h Header, header func(Header) error, each func(f Feature, q []int16)) error {
	fail := func(err error) error { return fmt.Errorf("perceptron: model file: %w", err) }
	kb, err := br.ReadByte()
	if err != nil || kb == 0 || kb > 64 {
		return fail(fmt.Errorf("key bits %d: %v", kb, err))
	}
	wb, err := br.ReadByte()
	if err != nil || wb < 2 || wb > 8 {
		return fail(fmt.Errorf("weight bits %d: %v", wb, err))
	}
	h.KeyBits = int(kb)
	if err := binary.Read(br, binary.LittleEndian, &h.Scale); err != nil {
		return fail(err)
	}
	if err := header(h); err != nil {
		return err
	}
	nc := len(h.Classes)
	q := make([]int16, nc)
	raw := make([]byte, nc)
	prev := uint64(0)
	for range h.Features {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return fail(err)
		}
		prev += d
		shift, err := br.ReadByte()
		if err != nil {
			return fail(err)
		}
		if shift > 15 {
			return fail(fmt.Errorf("shift %d", shift))
		}
		if _, err := io.ReadFull(br, raw); err != nil {
			return fail(err)
		}
		for c := range q {
			// A row whose largest weight was the 16-bit maximum comes back
			// one above it: clamped, so that the largest weight, and with it
			// the scale, stays what it was.
			q[c] = int16(max(-math.MaxInt16, min(math.MaxInt16, int32(int8(raw[c]))<<shift)))
		}
		each(Feature(prev), q)
	}
	return nil
}

package perceptron

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"slices"
)

// fileMagic starts every model file, with its format version.
const fileMagic = "ngperc1\n"

// Write stores the model gzip'd: the class names, then the features in key
// order (delta-coded) with their weights quantised to 16 bits against one
// scale. The same model always writes the same bytes.
func (m *Model) Write(w io.Writer) error {
	if m.keyMask != 0 {
		// Its keys are cut short: only WriteCompact records how.
		return fmt.Errorf("perceptron: a model read from a compact file is written with WriteCompact")
	}
	keys := make([]Feature, 0, len(m.index))
	for f := range m.index {
		keys = append(keys, f)
	}
	slices.Sort(keys)
	maxAbs := float32(0)
	for _, w := range m.weights {
		maxAbs = max(maxAbs, float32(math.Abs(float64(w))))
	}
	scale := maxAbs / math.MaxInt16
	if scale == 0 {
		scale = 1
	}
	n := len(m.Classes)
	return writeFile(w, fileMagic, m.Classes, func(bw *bufio.Writer, putU func(uint64)) {
		putU(uint64(len(keys)))
		binary.Write(bw, binary.LittleEndian, scale)
		prev := uint64(0)
		for _, f := range keys {
			putU(uint64(f) - prev)
			prev = uint64(f)
			off := m.index[f]
			for _, w := range m.weights[off : int(off)+n] {
				q := int16(math.Round(float64(w / scale)))
				binary.Write(bw, binary.LittleEndian, q)
			}
		}
	})
}

// writeFile writes a gzip'd model file: the magic, the class names, then
// what body writes (putU writes a uvarint).
func writeFile(w io.Writer, magic string, classes []string, body func(bw *bufio.Writer, putU func(uint64))) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("perceptron: %w", err)
	}
	bw := bufio.NewWriter(zw)
	var buf [binary.MaxVarintLen64]byte
	putU := func(v uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	bw.WriteString(magic)
	putU(uint64(len(classes)))
	for _, c := range classes {
		putU(uint64(len(c)))
		bw.WriteString(c)
	}
	body(bw, putU)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("perceptron: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("perceptron: %w", err)
	}
	return nil
}

// Read loads a model written by Write.
func Read(r io.Reader) (*Model, error) {
	m := &Model{}
	var scale float32
	err := Scan(r, func(h Header) error {
		m.Classes, scale, m.fileScale = h.Classes, h.Scale, h.Scale
		if h.KeyBits < 64 {
			m.keyMask = KeyMask(h.KeyBits)
		}
		m.index = make(map[Feature]int32, h.Features)
		m.weights = make([]float32, 0, h.Features*len(h.Classes))
		return nil
	}, func(f Feature, q []int16) {
		m.index[f] = int32(len(m.weights))
		for _, v := range q {
			m.weights = append(m.weights, float32(v)*scale)
		}
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

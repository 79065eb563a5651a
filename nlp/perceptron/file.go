package perceptron

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
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
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("perceptron: %w", err)
	}
	bw := bufio.NewWriter(zw)
	var buf [binary.MaxVarintLen64]byte
	putU := func(v uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	bw.WriteString(fileMagic)
	putU(uint64(len(m.Classes)))
	for _, c := range m.Classes {
		putU(uint64(len(c)))
		bw.WriteString(c)
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
	putU(uint64(len(keys)))
	binary.Write(bw, binary.LittleEndian, scale)
	prev := uint64(0)
	n := len(m.Classes)
	for _, f := range keys {
		putU(uint64(f) - prev)
		prev = uint64(f)
		off := m.index[f]
		for _, w := range m.weights[off : int(off)+n] {
			q := int16(math.Round(float64(w / scale)))
			binary.Write(bw, binary.LittleEndian, q)
		}
	}
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
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("perceptron: model file: %w", err)
	}
	br := bufio.NewReader(zr)
	magic := make([]byte, len(fileMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != fileMagic {
		return nil, errors.New("perceptron: not a model file (bad header)")
	}
	fail := func(err error) (*Model, error) {
		return nil, fmt.Errorf("perceptron: model file: %w", err)
	}
	nc, err := binary.ReadUvarint(br)
	if err != nil || nc == 0 || nc > 1<<16 {
		return fail(fmt.Errorf("class count %d: %v", nc, err))
	}
	m := &Model{}
	for range nc {
		l, err := binary.ReadUvarint(br)
		if err != nil || l > 1<<10 {
			return fail(fmt.Errorf("class name: %v", err))
		}
		b := make([]byte, l)
		if _, err := io.ReadFull(br, b); err != nil {
			return fail(err)
		}
		m.Classes = append(m.Classes, string(b))
	}
	nf, err := binary.ReadUvarint(br)
	if err != nil || nf > 1<<28 {
		return fail(fmt.Errorf("feature count %d: %v", nf, err))
	}
	var scale float32
	if err := binary.Read(br, binary.LittleEndian, &scale); err != nil {
		return fail(err)
	}
	n := int(nc)
	m.index = make(map[Feature]int32, nf)
	m.weights = make([]float32, 0, int(nf)*n)
	q := make([]int16, n)
	prev := uint64(0)
	for range nf {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return fail(err)
		}
		prev += d
		if err := binary.Read(br, binary.LittleEndian, q); err != nil {
			return fail(err)
		}
		m.index[Feature(prev)] = int32(len(m.weights))
		for _, v := range q {
			m.weights = append(m.weights, float32(v)*scale)
		}
	}
	return m, nil
}

package perceptron

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// Header is what a model file says before its features.
type Header struct {
	Classes  []string
	Features int     // number of features that follow
	Scale    float32 // a weight is its 16-bit value times Scale
	// KeyBits is how many low bits of each feature's key the file keeps
	// (64 in a 16-bit file; fewer in a compact one): a reader looks a
	// feature up by its key masked with KeyMask(KeyBits).
	KeyBits int
}

// Scan reads a model file written by Write without building a Model: it
// calls header once, then each for every feature in key order with its
// quantised weights (one per class; the slice is reused between calls). A
// component that lays the weights out its own way thus never holds the
// Model's map as well, which halves its peak memory at load.
func Scan(r io.Reader, header func(Header) error, each func(f Feature, q []int16)) error {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return fmt.Errorf("perceptron: model file: %w", err)
	}
	br := bufio.NewReader(zr)
	fail := func(err error) error { return fmt.Errorf("perceptron: model file: %w", err) }
	magic := make([]byte, len(fileMagic))
	if _, err := io.ReadFull(br, magic); err != nil || (string(magic) != fileMagic && string(magic) != compactMagic) {
		return errors.New("perceptron: not a model file (bad header)")
	}
	nc, err := binary.ReadUvarint(br)
	if err != nil || nc == 0 || nc > 1<<16 {
		return fail(fmt.Errorf("class count %d: %v", nc, err))
	}
	var h Header
	for range nc {
		l, err := binary.ReadUvarint(br)
		if err != nil || l > 1<<10 {
			return fail(fmt.Errorf("class name: %v", err))
		}
		b := make([]byte, l)
		if _, err := io.ReadFull(br, b); err != nil {
			return fail(err)
		}
		h.Classes = append(h.Classes, string(b))
	}
	nf, err := binary.ReadUvarint(br)
	if err != nil || nf > 1<<28 {
		return fail(fmt.Errorf("feature count %d: %v", nf, err))
	}
	h.Features = int(nf)
	if string(magic) == compactMagic {
		return scanCompact(br, h, header, each)
	}
	h.KeyBits = 64
	if err := binary.Read(br, binary.LittleEndian, &h.Scale); err != nil {
		return fail(err)
	}
	if err := header(h); err != nil {
		return err
	}
	q := make([]int16, nc)
	raw := make([]byte, 2*nc)
	prev := uint64(0)
	for range nf {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return fail(err)
		}
		prev += d
		if _, err := io.ReadFull(br, raw); err != nil {
			return fail(err)
		}
		for c := range q {
			q[c] = int16(binary.LittleEndian.Uint16(raw[2*c:]))
		}
		each(Feature(prev), q)
	}
	return nil
}

package perceptron

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// WriteBundle writes several parts (model files, tables) as one file: a
// magic line naming the format, then each part with its length, so a
// component keeps all it learned in one embedded file.
func WriteBundle(w io.Writer, magic string, parts ...[]byte) error {
	var buf bytes.Buffer
	buf.WriteString(magic)
	var n [binary.MaxVarintLen64]byte
	buf.Write(n[:binary.PutUvarint(n[:], uint64(len(parts)))])
	for _, p := range parts {
		buf.Write(n[:binary.PutUvarint(n[:], uint64(len(p)))])
		buf.Write(p)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("perceptron: bundle: %w", err)
	}
	return nil
}

// ReadBundle splits a file written by WriteBundle into its parts; the parts
// share data's memory.
func ReadBundle(data []byte, magic string) ([][]byte, error) {
	if !bytes.HasPrefix(data, []byte(magic)) {
		return nil, errors.New("perceptron: bundle: bad header")
	}
	r := bytes.NewReader(data[len(magic):])
	count, err := binary.ReadUvarint(r)
	if err != nil || count > 64 {
		return nil, fmt.Errorf("perceptron: bundle: part count %d: %v", count, err)
	}
	parts := make([][]byte, 0, count)
	for range count {
		l, err := binary.ReadUvarint(r)
		if err != nil || l > uint64(r.Len()) {
			return nil, fmt.Errorf("perceptron: bundle: truncated part (%v)", err)
		}
		start := len(data) - r.Len()
		parts = append(parts, data[start:start+int(l)])
		if _, err := r.Seek(int64(l), io.SeekCurrent); err != nil {
			return nil, fmt.Errorf("perceptron: bundle: %w", err)
		}
	}
	return parts, nil
}

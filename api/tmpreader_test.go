package api

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"
	"path/filepath"
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

// TEMPORARY until ingest compiles: replace with ingest.ReadOne.
func readOne(name string, r io.Reader) ([]schema.Document, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	if filepath.Ext(name) != ".jsonl" {
		if strings.TrimSpace(string(data)) == "" {
			return nil, errors.New(name + ": empty document")
		}
		return []schema.Document{{ID: strings.TrimSuffix(name, filepath.Ext(name)), Text: string(data)}}, nil
	}
	var docs []schema.Document
	var errs []error
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for sc.Scan() {
		var d struct{ ID, Text, Title string }
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil || d.ID == "" {
			errs = append(errs, errors.New("bad line"))
			continue
		}
		docs = append(docs, schema.Document{ID: d.ID, Text: d.Text, Title: d.Title})
	}
	return docs, errors.Join(errs...)
}

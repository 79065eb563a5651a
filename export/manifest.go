package export

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/newsgraph/newsgraph/schema"
)

// Manifest is export.json: enough to reproduce and cite an export.
type Manifest struct {
	Tool       string            `json:"tool"`
	Version    string            `json:"newsgraph_version"`
	Created    time.Time         `json:"created"`
	Command    []string          `json:"command,omitempty"`
	Format     Format            `json:"format"`
	Out        string            `json:"out"`
	Files      []string          `json:"files"`
	Filters    Filters           `json:"filters"`
	Context    string            `json:"context,omitempty"` // JSON-LD exports
	Counts     Counts            `json:"counts"`
	Documents  []ManifestDoc     `json:"documents"`
	Prefixes   map[string]string `json:"prefixes"`
	Streaming  string            `json:"streaming"`
	Unselected int               `json:"documents_not_selected"`
}

// ManifestDoc is one document of the store as the export saw it.
type ManifestDoc struct {
	ID         string    `json:"id"`
	IRI        string    `json:"iri"`
	Title      string    `json:"title,omitempty"`
	URL        string    `json:"url,omitempty"`
	Source     string    `json:"source,omitempty"`
	Published  time.Time `json:"published,omitzero"`
	IngestedAt time.Time `json:"ingested_at,omitzero"`
	Hash       string    `json:"hash"`
	Quads      int64     `json:"quads"`
	Selected   bool      `json:"selected"`
}

func (e *exporter) manifest() Manifest {
	m := Manifest{
		Tool:     "newsgraph",
		Version:  e.opts.Version,
		Created:  e.opts.Now.UTC(),
		Command:  e.opts.Command,
		Format:   e.opts.Format,
		Out:      e.opts.Out,
		Filters:  e.opts.Filters,
		Counts:   *e.stats,
		Prefixes: nil,
	}
	for _, f := range e.files {
		if e.opts.Format.MultiFile() {
			if rel, err := filepath.Rel(e.opts.Out, f); err == nil {
				f = rel
			}
		} else {
			f = filepath.Base(f)
		}
		m.Files = append(m.Files, f)
	}
	if e.opts.Format == JSONLD {
		m.Context = ContextURL
	}
	if e.opts.Format == NQuads || e.opts.Format == Turtle || e.opts.Format == JSONLD {
		m.Prefixes = schema.Prefixes()
	}
	m.Streaming = "single pass"
	if e.idx != nil && e.idx.lastPos != nil {
		m.Streaming = fmt.Sprintf("evidence assembled per document (at most %d held at once)", e.idx.maxOpen)
	}
	if e.idx != nil {
		for _, d := range e.idx.docs {
			m.Documents = append(m.Documents, ManifestDoc{
				ID: d.ID, IRI: d.IRI, Title: d.Title, URL: d.URL, Source: d.Source,
				Published: d.Published.UTC(), IngestedAt: d.IngestedAt.UTC(), Hash: d.Hash, Quads: d.Quads, Selected: d.Selected,
			})
			if !d.Selected {
				m.Unselected++
			}
		}
	}
	sort.Slice(m.Documents, func(i, j int) bool { return m.Documents[i].ID < m.Documents[j].ID })
	if m.Documents == nil {
		m.Documents = []ManifestDoc{}
	}
	return m
}

func writeManifest(path string, m Manifest) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}

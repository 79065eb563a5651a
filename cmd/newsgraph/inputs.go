package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsgraph/newsgraph/export"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// withExistingStore is withStore for commands that read (query, stats,
// export, backup, serve --read-only, …): on bolt, a missing store is an
// error that says where it looked and how to make one, never a new empty
// store that then answers "nothing found".
func (a *app) withExistingStore(ctx context.Context, fn func(*graph.Store) error) error {
	cfg, err := a.storeConfig()
	if err != nil {
		return err
	}
	if err := storeExists(cfg); err != nil {
		return err
	}
	return a.withStore(ctx, fn)
}

// storeExists checks a bolt store's folder is there and not empty. SQL
// backends are left to graph.Open: their database is made by the
// operator, not by a command run in the wrong folder.
func storeExists(cfg graph.Config) error {
	if cfg.Backend != "" && cfg.Backend != graph.BackendBolt {
		return nil
	}
	where := cfg.Path
	if abs, err := filepath.Abs(cfg.Path); err == nil {
		where = abs
	}
	entries, err := os.ReadDir(cfg.Path)
	if err == nil && len(entries) > 0 {
		return nil
	}
	if err == nil || errors.Is(err, os.ErrNotExist) {
		return newUserError(codeNoStore, err, "no newsgraph store at %s (set by --db, NEWSGRAPH_DB or store.path, default ./newsgraph.db): make one with `newsgraph ingest PATH...` or `newsgraph import FILE`, or point --db at an existing store", where)
	}
	return newUserError(codeNoStore, err, "cannot read the store at %s: %v", where, err)
}

// openError says in one sentence that an input file cannot be opened
// (os.Open's own message repeats the path).
func openError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("cannot open %s: %w", path, pe.Err)
	}
	return fmt.Errorf("cannot open %s: %w", path, err)
}

// documentIDs are the ids a user's document argument may mean: output
// shows documents as "doc:ID" IRIs, so "doc:ID" is ID (tried first), and
// also the literal text for ids that really start with "doc:".
func documentIDs(arg string) []string {
	if id, ok := schema.DocIDOf(arg); ok && id != "" {
		return []string{id, arg}
	}
	return []string{arg}
}

// importFormats maps file extensions to import formats; .gz after any of
// them is read through gzip.
var importFormats = map[string]export.ImportFormat{
	".nq": export.ImportNQuads, ".nquads": export.ImportNQuads, ".nt": export.ImportNQuads,
	".jsonld": export.ImportJSONLD, ".json": export.ImportJSONLD,
	".csv": export.ImportCuratedCSV, ".tsv": export.ImportCuratedCSV,
}

// importInput picks the format of an import: --format if given, else the
// file's extension (under an optional .gz), else its first bytes. It
// returns the reader to import from (decompressed when gzip'd).
func importInput(path, flagFormat string, r io.Reader) (export.ImportFormat, io.Reader, error) {
	br := bufio.NewReader(r)
	var in io.Reader = br
	name := strings.ToLower(path)
	if magic, _ := br.Peek(2); bytes.Equal(magic, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return "", nil, fmt.Errorf("reading %s as gzip: %w", path, err)
		}
		br = bufio.NewReader(zr)
		in = br
	}
	name = strings.TrimSuffix(name, ".gz")
	if flagFormat != "" {
		f, err := export.ParseImportFormat(flagFormat)
		if err != nil {
			return "", nil, newUserError(codeUsage, err, "unknown --format %q: give nquads, jsonld or csv", flagFormat)
		}
		return f, in, nil
	}
	if f, ok := importFormats[filepath.Ext(name)]; ok {
		return f, in, nil
	}
	if f, ok := sniffImport(br); ok {
		return f, in, nil
	}
	return "", nil, newUserError(codeImportFormat, nil, "cannot tell the format of %s from its name or content: name it .nq, .nquads, .jsonld or .csv (optionally .gz), or give --format nquads|jsonld|csv", path)
}

// sniffImport guesses a format from the first non-blank bytes: JSON-LD
// opens an object or array, N-Quads a term (<iri>, _:blank) or a comment,
// a curated CSV a header naming subject and predicate.
func sniffImport(br *bufio.Reader) (export.ImportFormat, bool) {
	head, _ := br.Peek(4096)
	head = bytes.TrimLeft(head, " \t\r\n\ufeff")
	switch {
	case len(head) == 0:
		return "", false
	case head[0] == '{' || head[0] == '[':
		return export.ImportJSONLD, true
	case head[0] == '<' || bytes.HasPrefix(head, []byte("_:")) || head[0] == '#':
		return export.ImportNQuads, true
	}
	line, _, _ := bytes.Cut(head, []byte("\n"))
	l := strings.ToLower(string(line))
	if strings.Contains(l, "subject") && strings.Contains(l, "predicate") && strings.ContainsAny(l, ",\t") {
		return export.ImportCuratedCSV, true
	}
	return "", false
}

// Package ingest turns articles into schema-checked facts: it reads plain
// text, HTML and JSON Lines corpora, splits and tags sentences, finds and
// resolves entities within a document, and applies relation rules that
// carry their evidence. Nothing here touches the store: the graph package
// writes what an Extraction holds.
package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/schema"
)

// Errors a reader reports for a file or line it cannot use. They are wrapped
// in a *ReadError that names the file (and line), so errors.Is works on them.
var (
	ErrEmpty       = errors.New("empty document")
	ErrBinary      = errors.New("binary content (NUL bytes)")
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	ErrUnsupported = errors.New("unsupported file type")
	ErrTooLarge    = errors.New("file too large")
)

// MaxFileSize bounds one .txt or .html file; JSONL corpora are streamed
// line by line and only each line is bounded by it.
const MaxFileSize = 256 << 20

// ReadError says which file (and which JSONL line, 1-based; 0 for the whole
// file) could not be read.
type ReadError struct {
	Path string
	Line int
	Err  error
}

func (e *ReadError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

// Unwrap gives the cause.
func (e *ReadError) Unwrap() error { return e.Err }

// Supported reports whether a file name has an extension the reader knows.
func Supported(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text", ".html", ".htm", ".jsonl", ".ndjson":
		return true
	}
	return false
}

// Read streams the documents of the given files and folders with the
// default Reader (symlinks out of a folder are not followed).
func Read(ctx context.Context, paths []string, fn func(doc schema.Document, err error) error) error {
	return Reader{}.Read(ctx, paths, fn)
}

// Reader reads files and folders of documents.
type Reader struct {
	// FollowSymlinks lets a symlink inside a folder lead out of it. Off,
	// such a link is reported (a *ReadError) and skipped: a folder of
	// articles must not pull in /etc/passwd because one entry points there.
	FollowSymlinks bool
}

// Read streams the documents of the given files and folders (recursively,
// in lexical order, skipping files with unknown extensions) to fn. A file or
// JSONL line that cannot be used is passed to fn as a *ReadError with an
// empty document and the walk goes on; so is anything that is not a
// regular file (a FIFO would block the read for ever, a device never end)
// and a symlink out of its folder. Read stops early only when fn returns
// an error, when ctx is done, or when a path does not exist.
func (rd Reader) Read(ctx context.Context, paths []string, fn func(doc schema.Document, err error) error) error {
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			if err := fn(schema.Document{Path: p}, &ReadError{Path: p, Err: err}); err != nil {
				return err
			}
			continue
		}
		if !info.IsDir() {
			if err := readFile(ctx, p, fn); err != nil {
				return err
			}
			continue
		}
		root, err := filepath.EvalSymlinks(p)
		if err != nil {
			root = p
		}
		var files []string
		werr := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return fn(schema.Document{Path: path}, &ReadError{Path: path, Err: err})
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if !Supported(path) || strings.HasPrefix(d.Name(), ".") {
				return nil
			}
			if reason := rd.skip(root, path, d); reason != nil {
				return fn(schema.Document{Path: path}, &ReadError{Path: path, Err: reason})
			}
			files = append(files, path)
			return nil
		})
		if werr != nil {
			return werr
		}
		sort.Strings(files)
		for _, f := range files {
			if err := readFile(ctx, f, fn); err != nil {
				return err
			}
		}
	}
	return nil
}

// ErrSkipped is wrapped by the reasons a folder entry is not read.
var ErrSkipped = errors.New("skipped")

// skip says why a folder entry is not read, or nil.
func (rd Reader) skip(root, path string, d fs.DirEntry) error {
	if d.Type()&fs.ModeSymlink == 0 {
		if !d.Type().IsRegular() {
			return fmt.Errorf("%w: not a regular file (%v)", ErrSkipped, d.Type())
		}
		return nil
	}
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return fmt.Errorf("%w: broken symlink: %w", ErrSkipped, err)
	}
	if rel, err := filepath.Rel(root, target); !rd.FollowSymlinks && (err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator))) {
		return fmt.Errorf("%w: symlink to %s leads out of %s (ingest --follow-symlinks allows it)", ErrSkipped, target, root)
	}
	if st, err := os.Stat(target); err != nil || !st.Mode().IsRegular() {
		return fmt.Errorf("%w: symlink to %s, which is not a regular file", ErrSkipped, target)
	}
	return nil
}

func readFile(ctx context.Context, path string, fn func(schema.Document, error) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if !Supported(path) {
		return fn(schema.Document{Path: path}, &ReadError{Path: path, Err: fmt.Errorf("%w %q", ErrUnsupported, filepath.Ext(path))})
	}
	// O_NONBLOCK: opening a FIFO waits for a writer, for ever; a file
	// swapped for one after the walk looked must not hang the ingest.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return fn(schema.Document{Path: path}, &ReadError{Path: path, Err: err})
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		if err == nil {
			err = fmt.Errorf("%w: not a regular file (%v)", ErrSkipped, st.Mode().Type())
		}
		return fn(schema.Document{Path: path}, &ReadError{Path: path, Err: err})
	}
	if isJSONL(path) {
		return readJSONL(ctx, path, f, fn)
	}
	doc, err := readSingle(path, f)
	return fn(doc, err)
}

func isJSONL(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".jsonl" || ext == ".ndjson"
}

// ReadOne reads one upload: a .txt/.html document, or a JSONL batch (name
// ending in .jsonl). A name without extension is read as plain text. For a
// batch, the good documents are returned together with the joined errors of
// the bad lines.
func ReadOne(name string, r io.Reader) ([]schema.Document, error) {
	if strings.TrimSpace(name) == "" {
		return nil, &ReadError{Path: name, Err: errors.New("a document needs a name: it becomes the document id")}
	}
	if filepath.Ext(name) == "" {
		name += ".txt"
	}
	if !Supported(name) {
		return nil, &ReadError{Path: name, Err: fmt.Errorf("%w %q", ErrUnsupported, filepath.Ext(name))}
	}
	if !isJSONL(name) {
		doc, err := readSingle(name, r)
		if err != nil {
			return nil, err
		}
		return []schema.Document{doc}, nil
	}
	var docs []schema.Document
	var errs []error
	err := readJSONL(context.Background(), name, r, func(d schema.Document, err error) error {
		if err != nil {
			errs = append(errs, err)
			return nil
		}
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		errs = append(errs, err)
	}
	return docs, errors.Join(errs...)
}

// readSingle reads a whole .txt or .html file into one document.
func readSingle(path string, r io.Reader) (schema.Document, error) {
	doc := schema.Document{ID: docID(path), Path: path}
	if err := CheckID(doc.ID); err != nil {
		return doc, &ReadError{Path: path, Err: err}
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return doc, &ReadError{Path: path, Err: err}
	}
	if len(data) > MaxFileSize {
		return doc, &ReadError{Path: path, Err: fmt.Errorf("%w (more than %d bytes)", ErrTooLarge, MaxFileSize)}
	}
	if err := checkText(data); err != nil {
		return doc, &ReadError{Path: path, Err: err}
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	ext := strings.ToLower(filepath.Ext(path))
	if ext == ".html" || ext == ".htm" {
		text, title, err := htmlText(data)
		if err != nil {
			return doc, &ReadError{Path: path, Err: err}
		}
		doc.Text, doc.Title = text, title
	} else {
		doc.Text = normalizeNewlines(string(data))
		doc.Title = firstLineTitle(doc.Text)
	}
	if strings.TrimSpace(doc.Text) == "" {
		return doc, &ReadError{Path: path, Err: ErrEmpty}
	}
	return doc, nil
}

func checkText(data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return ErrEmpty
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return fmt.Errorf("%w at byte %d", ErrBinary, i)
	}
	if !utf8.Valid(data) {
		for i := 0; i < len(data); {
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n <= 1 {
				return fmt.Errorf("%w at byte %d", ErrInvalidUTF8, i)
			}
			i += n
		}
		return ErrInvalidUTF8
	}
	return nil
}

func normalizeNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// firstLineTitle takes a short first line (a headline) as the title.
func firstLineTitle(text string) string {
	text = strings.TrimLeft(text, " \t\n")
	line, _, _ := strings.Cut(text, "\n")
	line = strings.TrimSpace(line)
	if utf8.RuneCountInString(line) > 200 {
		return ""
	}
	return line
}

// docID is the file name without its extension.
func docID(path string) string {
	base := filepath.Base(path)
	if id := strings.TrimSuffix(base, filepath.Ext(base)); id != "" {
		return id
	}
	return base // ".txt" alone: keep the whole name rather than no id
}

type jsonDoc struct {
	ID        json.RawMessage `json:"id"`
	Text      *string         `json:"text"`
	Title     string          `json:"title"`
	URL       string          `json:"url"`
	Published string          `json:"published"`
	Source    string          `json:"source"`
}

// readJSONL streams one document per line; a bad line is reported and the
// rest goes on. bufio.Reader.ReadSlice grows nothing: lines of any length are
// assembled piecewise up to MaxFileSize.
func readJSONL(ctx context.Context, path string, r io.Reader, fn func(schema.Document, error) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	var line []byte
	n := 0
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		line = line[:0]
		tooLong := false
		var rerr error
		for {
			chunk, err := br.ReadSlice('\n')
			if len(line)+len(chunk) <= MaxFileSize {
				line = append(line, chunk...)
			} else {
				tooLong = true
			}
			if err == bufio.ErrBufferFull {
				continue
			}
			rerr = err
			break
		}
		if len(line) == 0 && rerr != nil {
			break
		}
		n++
		if tooLong {
			if err := fn(schema.Document{Path: path}, &ReadError{Path: path, Line: n, Err: ErrTooLarge}); err != nil {
				return err
			}
		} else if trimmed := bytes.TrimSpace(line); len(trimmed) > 0 {
			doc, err := parseJSONLine(path, trimmed)
			if err != nil {
				err = &ReadError{Path: path, Line: n, Err: err}
			}
			if err := fn(doc, err); err != nil {
				return err
			}
		}
		if rerr != nil {
			if rerr != io.EOF {
				return fn(schema.Document{Path: path}, &ReadError{Path: path, Line: n, Err: rerr})
			}
			break
		}
	}
	if n == 0 {
		return fn(schema.Document{Path: path}, &ReadError{Path: path, Err: ErrEmpty})
	}
	return nil
}

func parseJSONLine(path string, line []byte) (schema.Document, error) {
	doc := schema.Document{Path: path}
	if !utf8.Valid(line) {
		return doc, ErrInvalidUTF8
	}
	var j jsonDoc
	if err := json.Unmarshal(line, &j); err != nil {
		return doc, fmt.Errorf("bad JSON: %w", err)
	}
	id, err := jsonID(j.ID)
	if err != nil {
		return doc, err
	}
	doc.ID = id
	if j.Text == nil {
		return doc, fmt.Errorf("document %q has no \"text\"", id)
	}
	if strings.TrimSpace(*j.Text) == "" {
		return doc, fmt.Errorf("document %q: %w", id, ErrEmpty)
	}
	if strings.IndexByte(*j.Text, 0) >= 0 {
		return doc, fmt.Errorf("document %q: %w", id, ErrBinary)
	}
	doc.Text = normalizeNewlines(*j.Text)
	doc.Title, doc.URL, doc.Source = j.Title, j.URL, j.Source
	if j.Published != "" {
		// A date that cannot be read is an error, not a silent gap: a
		// query by date would miss the article without a word.
		t, err := ParseTime(j.Published)
		if err != nil {
			return doc, fmt.Errorf("document %q: %w", id, err)
		}
		doc.Published = t
	}
	return doc, nil
}

// jsonID accepts a string or a number: corpora use both.
func jsonID(raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", errors.New(`missing "id"`)
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		if strings.TrimSpace(s) == "" {
			return "", errors.New(`empty "id"`)
		}
		if err := CheckID(s); err != nil {
			return "", err
		}
		return s, nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil {
		return n.String(), nil
	}
	return "", fmt.Errorf(`"id" must be a string or number, got %s`, raw)
}

// ErrBadID and ErrBadDate are wrapped by CheckID's and ParseTime's errors.
var (
	ErrBadID   = errors.New("bad document id")
	ErrBadDate = errors.New("bad date")
)

// MaxIDLength bounds a document id, in bytes.
const MaxIDLength = 256

// CheckID refuses document ids that could be read as paths or that break
// lines: slashes, a leading dot, control characters, more than MaxIDLength
// bytes. The same rule holds for ?id= of an upload, a JSON "id" and a
// file name.
func CheckID(id string) error {
	switch {
	case strings.TrimSpace(id) == "":
		return fmt.Errorf("%w: empty", ErrBadID)
	case len(id) > MaxIDLength:
		return fmt.Errorf("%w: %d bytes, at most %d", ErrBadID, len(id), MaxIDLength)
	case strings.ContainsAny(id, "/\\"):
		return fmt.Errorf("%w %q: no slashes", ErrBadID, id)
	case strings.HasPrefix(id, "."):
		return fmt.Errorf("%w %q: no leading dot", ErrBadID, id)
	case strings.IndexFunc(id, unicode.IsControl) >= 0:
		return fmt.Errorf("%w %q: no control characters", ErrBadID, id)
	}
	return nil
}

var timeLayouts = []string{time.RFC3339Nano, time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02", time.RFC1123Z, time.RFC1123}

// ParseTime reads a publication date: RFC 3339, YYYY-MM-DD (with or
// without a time), RFC 1123. The same layouts hold for ?published= of an
// upload and a JSON "published".
func ParseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%w: published %q is not a date (want RFC 3339 or YYYY-MM-DD)", ErrBadDate, s)
}

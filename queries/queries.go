// Package queries holds newsgraph's saved queries and runs them safely.
//
// A saved query is a Gizmo script (saved/*.js, embedded in the binary, plus
// *.js files of a user folder) with a header of "// key: value" comments:
//
//	// name: roles
//	// description: Roles held by a person
//	// param: person string required  Name or alias of the person
//	// param: hops int default=3  Longest path, in edges
//	// columns: person, role, document, sentence, confidence
//	// order: by person, then as the store lists the evidence
//	// tags: graph
//
// or Go code registered under the same Query type (Lang "go"). Parameters are
// never pasted into JavaScript: they are type-checked and bound as the frozen
// global object `params` (see Runner). Scripts also see the frozen global
// `vocab` (the schema's predicates and classes) and the helper library
// lib.js, whose ng.resolve turns a name as a reader writes it into entity
// nodes.
package queries

import (
	"bufio"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

//go:embed saved/*.js
var savedFS embed.FS

//go:embed lib.js
var libJS string

// Param is one declared parameter of a query.
type Param struct {
	Name        string `json:"name"`
	Description string `json:"description"`
	Type        string `json:"type"`              // string|int|float|bool
	Default     string `json:"default,omitempty"` // used when the caller gives none; "" with Required false means absent
	Required    bool   `json:"required"`
}

// Query is one saved query.
type Query struct {
	Name        string  `json:"name"`
	Description string  `json:"description"`
	Params      []Param `json:"params"`
	Lang        string  `json:"lang"` // "gizmo" or "go"
	// Source is the file as written, header included; for Go queries a
	// note. Program gives the runnable text with parameters bound.
	Source string   `json:"-"`
	Tags   []string `json:"tags"`
	// Columns are the row keys the query promises, in display order.
	Columns []string `json:"columns"`
	// Order says in what order rows (and so pages) come, from the
	// "// order:" header line.
	Order string `json:"order,omitempty"`
	// ScriptPaging ("// paging: script") says the script itself passes
	// over the page.offset rows before its page (the ng.each* helpers do,
	// cheaply, when each record they give makes exactly one row), so the
	// runner does not skip them again.
	ScriptPaging bool `json:"-"`
	// Origin says where the query came from: "builtin" or the user file path.
	Origin string `json:"origin"`

	run goFunc // Lang "go" only
}

// HasTag reports whether the query carries tag t.
func (q Query) HasTag(t string) bool {
	for _, x := range q.Tags {
		if x == t {
			return true
		}
	}
	return false
}

// Registry is the set of queries available to a command or server.
type Registry struct {
	byName map[string]Query
}

// Tags with a meaning for callers.
const (
	// TagGraph marks queries whose rows carry `source` and `target` node
	// references, which Cayley's Visualize tab draws as edges.
	TagGraph = "graph"
)

var nameRE = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,63}$`)

// Load returns the embedded queries plus every *.js file of userDir (not
// recursive; "" or a missing folder means none). A user query with the name
// of a built-in one replaces it; List shows the replacement (Origin is the
// file). A user file with a bad header is an error naming the file, so a
// typo does not silently hide a query.
func Load(userDir string) (*Registry, error) {
	r := &Registry{byName: map[string]Query{}}
	entries, err := fs.ReadDir(savedFS, "saved")
	if err != nil {
		return nil, fmt.Errorf("queries: embedded folder: %w", err)
	}
	for _, e := range entries {
		data, err := savedFS.ReadFile("saved/" + e.Name())
		if err != nil {
			return nil, fmt.Errorf("queries: %s: %w", e.Name(), err)
		}
		q, err := Parse(string(data))
		if err != nil {
			return nil, fmt.Errorf("queries: built-in %s: %w", e.Name(), err)
		}
		q.Origin = "builtin"
		if _, dup := r.byName[q.Name]; dup {
			return nil, fmt.Errorf("queries: built-in %s: duplicate name %q", e.Name(), q.Name)
		}
		r.byName[q.Name] = q
	}
	for _, q := range goQueries() {
		r.byName[q.Name] = q
	}
	if userDir == "" {
		return r, nil
	}
	files, err := os.ReadDir(userDir)
	if errors.Is(err, fs.ErrNotExist) {
		return r, nil
	}
	if err != nil {
		return nil, fmt.Errorf("queries: user folder: %w", err)
	}
	seen := map[string]string{}
	for _, f := range files {
		if f.IsDir() || !strings.HasSuffix(f.Name(), ".js") {
			continue
		}
		path := filepath.Join(userDir, f.Name())
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("queries: %w", err)
		}
		q, err := Parse(string(data))
		if err != nil {
			return nil, fmt.Errorf("queries: %s: %w", path, err)
		}
		if prev, dup := seen[q.Name]; dup {
			return nil, fmt.Errorf("queries: %s: name %q already used by %s", path, q.Name, prev)
		}
		seen[q.Name] = path
		q.Origin = path
		r.byName[q.Name] = q
	}
	return r, nil
}

// List returns the queries sorted by name.
func (r *Registry) List() []Query {
	out := make([]Query, 0, len(r.byName))
	for _, q := range r.byName {
		out = append(out, q)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Get returns the query with the given name.
func (r *Registry) Get(name string) (Query, bool) {
	q, ok := r.byName[name]
	return q, ok
}

// Parse reads a Gizmo query file: its leading "//" comment lines are the
// header, the whole text is the source.
func Parse(src string) (Query, error) {
	q := Query{Lang: "gizmo", Source: src}
	sc := bufio.NewScanner(strings.NewReader(src))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		t := strings.TrimSpace(sc.Text())
		if t == "" {
			continue
		}
		if !strings.HasPrefix(t, "//") {
			break
		}
		t = strings.TrimSpace(strings.TrimPrefix(t, "//"))
		key, val, ok := strings.Cut(t, ":")
		if !ok {
			continue // prose in the header
		}
		key, val = strings.ToLower(strings.TrimSpace(key)), strings.TrimSpace(val)
		switch key {
		case "name":
			q.Name = val
		case "description":
			if q.Description != "" {
				q.Description += " "
			}
			q.Description += val
		case "param":
			p, err := parseParam(val)
			if err != nil {
				return q, fmt.Errorf("line %d: %w", line, err)
			}
			for _, o := range q.Params {
				if o.Name == p.Name {
					return q, fmt.Errorf("line %d: parameter %q declared twice", line, p.Name)
				}
			}
			q.Params = append(q.Params, p)
		case "tags":
			q.Tags = append(q.Tags, splitList(val)...)
		case "columns":
			q.Columns = append(q.Columns, splitList(val)...)
		case "paging":
			switch val {
			case "script":
				q.ScriptPaging = true
			case "runner", "":
			default:
				return q, fmt.Errorf("line %d: paging %q is not script or runner", line, val)
			}
		case "order":
			if q.Order != "" {
				q.Order += " "
			}
			q.Order += val
		}
	}
	if err := sc.Err(); err != nil {
		return q, err
	}
	if q.Name == "" {
		return q, errors.New(`header has no "// name:" line`)
	}
	if !nameRE.MatchString(q.Name) {
		return q, fmt.Errorf("name %q: use lower-case letters, digits, '-' and '_'", q.Name)
	}
	return q, nil
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
		out = append(out, f)
	}
	return out
}

var paramNameRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]{0,63}$`)

// parseParam reads "NAME TYPE [required] [default=VALUE] DESCRIPTION...".
// A default with spaces is written default="two words".
func parseParam(s string) (Param, error) {
	fields := strings.Fields(s)
	if len(fields) < 2 {
		return Param{}, fmt.Errorf("param %q: want NAME TYPE [required] [default=V] description", s)
	}
	p := Param{Name: fields[0], Type: fields[1]}
	if !paramNameRE.MatchString(p.Name) {
		return p, fmt.Errorf("param name %q is not an identifier", p.Name)
	}
	switch p.Type {
	case "string", "int", "float", "bool":
	default:
		return p, fmt.Errorf("param %s: type %q is not string|int|float|bool", p.Name, p.Type)
	}
	rest := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(strings.TrimPrefix(s, fields[0])), fields[1]))
	hasDefault := false
	for {
		switch {
		case strings.HasPrefix(rest, "required") && (len(rest) == 8 || rest[8] == ' ' || rest[8] == '\t'):
			p.Required = true
			rest = strings.TrimSpace(rest[8:])
			continue
		case strings.HasPrefix(rest, `default="`):
			end := strings.Index(rest[9:], `"`)
			if end < 0 {
				return p, fmt.Errorf("param %s: unterminated default", p.Name)
			}
			p.Default, hasDefault = rest[9:9+end], true
			rest = strings.TrimSpace(rest[9+end+1:])
			continue
		case strings.HasPrefix(rest, "default="):
			v, after, _ := strings.Cut(rest[8:], " ")
			p.Default, hasDefault = v, true
			rest = strings.TrimSpace(after)
			continue
		}
		break
	}
	p.Description = rest
	if hasDefault {
		if _, err := convert(p, p.Default); err != nil {
			return p, fmt.Errorf("param %s: default: %w", p.Name, err)
		}
	}
	if p.Required && hasDefault {
		return p, fmt.Errorf("param %s: required and default both given", p.Name)
	}
	return p, nil
}

package queries

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ParamError is a bad, missing or unknown parameter: a client error (HTTP
// 400) that names the parameter.
type ParamError struct {
	Query, Param, Reason string
	// Code is a stable name of the kind of error (CodeBadParam when
	// empty; CodeEntityNotFound, CodeAmbiguous).
	Code string
	// Candidates are the entities an ambiguous name may mean.
	Candidates []Candidate
}

func (e *ParamError) Error() string {
	if e.Query == "" {
		return e.Reason // an entity given outside a query (EntityError)
	}
	return fmt.Sprintf("query %s: parameter %q: %s", e.Query, e.Param, e.Reason)
}

// ErrorCode is Code, CodeBadParam when unset.
func (e *ParamError) ErrorCode() string {
	if e.Code == "" {
		return CodeBadParam
	}
	return e.Code
}

// maxParamLen bounds a parameter value: names and ids are short, and the
// value is copied into the VM.
const maxParamLen = 4096

// maxSafeInt is the largest integer a JavaScript number holds exactly.
const maxSafeInt = 1<<53 - 1

// Bind checks raw parameter strings against the query's declarations and
// returns typed values (string, int64, float64, bool) with defaults filled
// in. Unknown names, missing required parameters and values of the wrong
// type are *ParamError. Optional parameters without default and without a
// value are absent from the map (null in the script).
func Bind(q Query, raw map[string]string) (map[string]any, error) {
	out := make(map[string]any, len(q.Params))
	declared := make(map[string]Param, len(q.Params))
	for _, p := range q.Params {
		declared[p.Name] = p
	}
	names := make([]string, 0, len(raw))
	for k := range raw {
		names = append(names, k)
	}
	sort.Strings(names) // report the same unknown parameter every time
	for _, k := range names {
		p, ok := declared[k]
		if !ok {
			known := make([]string, 0, len(q.Params))
			for _, p := range q.Params {
				known = append(known, p.Name)
			}
			return nil, &ParamError{Query: q.Name, Param: k, Reason: fmt.Sprintf("unknown parameter (known: %s)", strings.Join(known, ", "))}
		}
		v, err := convert(p, raw[k])
		if err != nil {
			return nil, &ParamError{Query: q.Name, Param: k, Reason: err.Error()}
		}
		out[k] = v
	}
	for _, p := range q.Params {
		if _, ok := out[p.Name]; ok {
			continue
		}
		if p.Required {
			return nil, &ParamError{Query: q.Name, Param: p.Name, Reason: "required"}
		}
		if p.Default != "" {
			v, err := convert(p, p.Default)
			if err != nil {
				return nil, &ParamError{Query: q.Name, Param: p.Name, Reason: "default: " + err.Error()}
			}
			out[p.Name] = v
		}
	}
	return out, nil
}

// convert parses one raw value as the parameter's declared type.
func convert(p Param, s string) (any, error) {
	if len(s) > maxParamLen {
		return nil, fmt.Errorf("value longer than %d bytes", maxParamLen)
	}
	if !utf8.ValidString(s) {
		return nil, errors.New("value is not valid UTF-8")
	}
	switch p.Type {
	case "string":
		if p.Required && strings.TrimSpace(s) == "" {
			return nil, errors.New("empty value")
		}
		return s, nil
	case "int":
		n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
		if err != nil || n > maxSafeInt || n < -maxSafeInt {
			return nil, fmt.Errorf("%q is not an integer", s)
		}
		return n, nil
	case "float":
		f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return nil, fmt.Errorf("%q is not a finite number", s)
		}
		return f, nil
	case "bool":
		b, err := strconv.ParseBool(strings.TrimSpace(s))
		if err != nil {
			return nil, fmt.Errorf("%q is not true or false", s)
		}
		return b, nil
	}
	return nil, fmt.Errorf("unknown type %q", p.Type)
}

// Program returns the complete, self-contained Gizmo text of a saved query
// with its parameters bound: a prelude defining the frozen globals `params`,
// `vocab` and `page` (the first page of DefaultPageSize rows), the helper
// library, then the query. It is for places where a
// script must travel as text (Cayley's console, a copy-paste); the Runner
// binds values directly instead. The only thing written into the prelude is
// one JSON string literal per global, produced by encoding/json (which
// escapes quotes, backslashes, control characters and U+2028/U+2029), and
// parsed with JSON.parse inside the VM: a value cannot become code.
func Program(q Query, raw map[string]string) (string, error) {
	if q.Lang != "gizmo" {
		return "", fmt.Errorf("query %s: a %s query has no Gizmo text", q.Name, q.Lang)
	}
	vals, err := Bind(q, raw)
	if err != nil {
		return "", err
	}
	pre, err := prelude(map[string]any{"params": vals, "vocab": vocabulary(), "page": pageGlobal(window{Limit: DefaultPageSize})})
	if err != nil {
		return "", err
	}
	return pre + libJS + "\n" + q.Source, nil
}

// prelude is the text form of binding globals.
func prelude(globals map[string]any) (string, error) {
	names := make([]string, 0, len(globals))
	for k := range globals {
		names = append(names, k)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, name := range names {
		if !paramNameRE.MatchString(name) {
			return "", fmt.Errorf("queries: global name %q", name)
		}
		data, err := json.Marshal(globals[name])
		if err != nil {
			return "", fmt.Errorf("queries: global %s: %w", name, err)
		}
		lit, err := json.Marshal(string(data))
		if err != nil {
			return "", fmt.Errorf("queries: global %s: %w", name, err)
		}
		fmt.Fprintf(&b, "var %s = (function f(o){if(o!==null&&typeof o===\"object\"){Object.freeze(o);Object.getOwnPropertyNames(o).forEach(function(k){f(o[k]);});}return o;})(JSON.parse(%s));\n", name, lit)
	}
	return b.String(), nil
}

package gizmo

// newsgraph: added. Bounds on what one script may make the engine do in
// Go, where a Go stack overflow or an out-of-memory is fatal to the whole
// process rather than an exception in the script.

import (
	_ "embed"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"time"

	"github.com/dlclark/regexp2"
	"github.com/dop251/goja"
)

//go:embed sandbox.js
var sandboxJS string

var sandboxProgram = goja.MustCompile("sandbox.js", sandboxJS, false)

// Limits bound one session. The zero value of a field means its default.
type Limits struct {
	// MaxString is the longest string (in UTF-16 units) a guarded built-in
	// (repeat, padStart, join, replace, JSON.stringify…) may build.
	MaxString int
	// MaxElems is the longest array a built-in may walk or fill.
	MaxElems int
	// MaxDepth is the deepest nesting of a value handed to a native
	// function, emitted, parsed or stringified.
	MaxDepth int
	// MaxCallStack is the engine's call-stack limit, in frames.
	MaxCallStack int
	// MaxArgs is the longest argument list of apply/Reflect.apply.
	MaxArgs int
	// MaxResultBytes bounds the bytes of everything one run emits.
	MaxResultBytes int64
	// MaxSource bounds the query text, in bytes (the prelude is trusted):
	// goja's parser recurses per nesting level, up to ~3 KiB of Go stack
	// per source byte pair, so 64 KiB of "((((" costs ~100 MiB of stack.
	MaxSource int
}

// Default limits.
const (
	DefaultMaxString      = 16 << 20
	DefaultMaxElems       = 4 << 20
	DefaultMaxDepth       = 64
	DefaultMaxCallStack   = 4000
	DefaultMaxArgs        = 1 << 16
	DefaultMaxResultBytes = 64 << 20
	DefaultMaxSource      = 64 << 10
	// RegexpTimeout bounds one match of a backtracking regular expression
	// (lookarounds, backreferences: goja hands those to regexp2).
	RegexpTimeout = time.Second
)

// ErrLimit is wrapped by errors from the limits above that are decided in
// Go (source size, emitted depth and bytes).
var ErrLimit = errors.New("query limit")

func init() {
	// goja compiles backtracking expressions with regexp2's default match
	// timeout, which is infinite: one /^(a+)+$/ would run for ever inside a
	// single instruction, where no interrupt reaches it. A timed-out match
	// raises a Go error, which the panic guard turns into the query's error.
	regexp2.DefaultMatchTimeout = RegexpTimeout
}

func (l Limits) withDefaults() Limits {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&l.MaxString, DefaultMaxString)
	def(&l.MaxElems, DefaultMaxElems)
	def(&l.MaxDepth, DefaultMaxDepth)
	def(&l.MaxCallStack, DefaultMaxCallStack)
	def(&l.MaxArgs, DefaultMaxArgs)
	def(&l.MaxSource, DefaultMaxSource)
	if l.MaxResultBytes <= 0 {
		l.MaxResultBytes = DefaultMaxResultBytes
	}
	return l
}

// installSandbox wraps the dangerous built-ins of a fresh VM.
func installSandbox(vm *goja.Runtime, l Limits) error {
	vm.SetMaxCallStackSize(l.MaxCallStack)
	fv, err := vm.RunProgram(sandboxProgram)
	if err != nil {
		return fmt.Errorf("gizmo: sandbox: %w", err)
	}
	f, ok := goja.AssertFunction(fv)
	if !ok {
		return errors.New("gizmo: sandbox is not a function")
	}
	lim := map[string]any{"str": l.MaxString, "elems": l.MaxElems, "depth": l.MaxDepth, "args": l.MaxArgs,
		"regexpMs": RegexpTimeout.Milliseconds()}
	if _, err := f(goja.Undefined(), vm.GlobalObject(), vm.ToValue(lim), vm.ToValue(jsonDepth)); err != nil {
		return fmt.Errorf("gizmo: sandbox: %w", err)
	}
	return nil
}

// jsonDepth is the deepest nesting of brackets in s outside strings: JSON
// text deeper than the limit is refused before goja's recursive parser
// sees it.
func jsonDepth(s string) int {
	depth, max, inStr, esc := 0, 0, false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case inStr:
			switch {
			case esc:
				esc = false
			case c == '\\':
				esc = true
			case c == '"':
				inStr = false
			}
		case c == '"':
			inStr = true
		case c == '[' || c == '{':
			depth++
			if depth > max {
				max = depth
			}
		case c == ']' || c == '}':
			depth--
		}
	}
	return max
}

var (
	typeMap   = reflect.TypeOf(map[string]any{})
	typeSlice = reflect.TypeOf([]any{})
	typePairs = reflect.TypeOf([][2]any{}) // a Map's export
)

// exporter turns script values into Go values, as goja's Export does, but
// reading each value once, with a depth and size bound: Export recurses
// without limit, so a value nested a million deep overflows the Go stack.
type exporter struct {
	maxDepth int
	budget   int64 // bytes left; < 0 when spent
}

// export converts v. Over the depth or size bound it returns an error
// wrapping ErrLimit.
func (e *exporter) export(v goja.Value, depth int) (any, error) {
	if depth > e.maxDepth {
		return nil, fmt.Errorf("%w: value nested deeper than %d", ErrLimit, e.maxDepth)
	}
	e.budget -= 8
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return nil, e.spent()
	}
	obj, ok := v.(*goja.Object)
	if !ok {
		out := v.Export()
		if s, ok := out.(string); ok {
			e.budget -= int64(len(s))
		}
		return out, e.spent()
	}
	switch obj.ExportType() {
	case typeSlice:
		n := obj.Get("length").ToInteger()
		if n < 0 || n > e.budget/8 {
			return nil, fmt.Errorf("%w: array of %d elements is too large to return", ErrLimit, n)
		}
		out := make([]any, 0, n)
		for i := int64(0); i < n; i++ {
			x, err := e.export(obj.Get(strconv.FormatInt(i, 10)), depth+1)
			if err != nil {
				return nil, err
			}
			out = append(out, x)
		}
		return out, nil
	case typeMap:
		keys := obj.Keys()
		out := make(map[string]any, len(keys))
		for _, k := range keys {
			e.budget -= int64(len(k))
			x, err := e.export(obj.Get(k), depth+1)
			if err != nil {
				return nil, err
			}
			out[k] = x
		}
		return out, nil
	}
	// Host objects (paths, quad values, times), dates, functions, regexps:
	// their export does not descend into script values; a Map's or Set's
	// would.
	if obj.ExportType() == typePairs {
		return nil, fmt.Errorf("%w: cannot return a Map: convert it to an object or array", ErrLimit)
	}
	return obj.Export(), e.spent()
}

func (e *exporter) spent() error {
	if e.budget < 0 {
		return fmt.Errorf("%w: results larger than the result size limit", ErrLimit)
	}
	return nil
}

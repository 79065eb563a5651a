// Copyright 2017 The Cayley Authors. All rights reserved.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//     http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.

// Package gizmo is a fork of Cayley's query/gizmo (Apache 2.0, see LICENSE)
// with the changes newsgraph needs to run untrusted queries in a server:
//
//   - a Go panic raised by a native function on bad arguments (for example
//     g.V().Out({})) becomes the query's error instead of crashing the
//     process: upstream runs the script in a goroutine without recover;
//   - read-only globals (query parameters, the vocabulary) can be bound as
//     values with NewSessionWith, so nothing is pasted into the source;
//   - ToArray/TagArray and the emitted rows have hard caps (Options) that a
//     script cannot raise with GetLimit;
//   - it does not register itself: call Register to replace Cayley's
//     "gizmo" language (used by Cayley's HTTP API and console) with this one.
//
// Changes are marked "newsgraph:".
package gizmo

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dop251/goja"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/schema"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/jsonld"
	"github.com/cayleygraph/quad/voc"
)

const Name = "gizmo"

// Register makes this package Cayley's "gizmo" language, replacing the
// upstream one, so that Cayley's HTTP API (and the console on it) runs
// queries with the panic guard and the default caps. Call it once at start-up,
// after all package initialisation (upstream registers itself in init).
// newsgraph: upstream registers itself in init.
func Register(opts Options) {
	query.RegisterLanguage(query.Language{
		Name: Name,
		Session: func(qs graph.QuadStore) query.Session {
			s, err := NewSessionWith(qs, opts)
			if err != nil {
				// Options without Globals cannot fail.
				panic(err)
			}
			return s
		},
	})
}

// Options are the newsgraph additions to a session.
type Options struct {
	// MaxRows caps the rows a script can send (All, Emit), whatever
	// limit it asks for; 0 means no cap beyond the query.Options limit.
	MaxRows int
	// MaxArray caps the elements ToArray/TagArray/ForEach may collect
	// inside the script; a script that needs more gets an error. 0: no cap.
	MaxArray int
	// Globals are bound as read-only, deeply frozen global variables.
	// Each value goes through encoding/json (so only data crosses, never
	// code) and JSON.parse inside the VM.
	Globals map[string]any
	// Funcs are native functions bound as read-only globals. Each gets the
	// session's context and its arguments as strings (undefined and null
	// as ""), and returns a value that reaches the script through
	// encoding/json; an error is thrown as a JavaScript exception.
	Funcs map[string]func(ctx context.Context, args []string) (any, error)
	// Prelude scripts run before the query in the same VM, each compiled
	// under its own name, so that error positions in the query are its own.
	Prelude []Script
	// Name is the query's file name in error messages ("" upstream).
	Name string
	// Programs, when set, keeps the compiled prelude and query scripts
	// for the next sessions that run them (nil: compile each time).
	Programs *Programs
	// Limits bound what the script may make the engine do (defaults when
	// zero); they always apply.
	Limits Limits
	// Known, when set, is asked for a node's value before the store when
	// the script reads values (ToArray, ToValue, TagArray, TagValue): the
	// values its native functions have read already (on PostgreSQL each
	// NameOf is a statement). It is called on the script's goroutine only.
	Known func(graph.Ref) (quad.Value, bool)
	// Hop, when set, is asked for the objects of (from, pred) before the
	// store when the script reads the value of g.V(from).Out(pred) with
	// ToValue: the quads its native functions have read ahead (sources'
	// published date, one Out statement per row on PostgreSQL). known
	// false: not read ahead, ask the store. It is called on the script's
	// goroutine only.
	Hop func(from, pred quad.Value) (objs []quad.Value, known bool)
}

// Script is a named piece of JavaScript.
type Script struct {
	Name, Source string
}

// NewSession creates a session like upstream's.
func NewSession(qs graph.QuadStore) *Session {
	s, err := NewSessionWith(qs, Options{})
	if err != nil {
		panic(err)
	}
	return s
}

// NewSessionWith creates a session with caps and bound globals.
func NewSessionWith(qs graph.QuadStore, opts Options) (*Session, error) {
	s := &Session{
		ctx: context.Background(),
		sch: schema.NewConfig(),
		qs:  qs, limit: -1,
		maxRows: opts.MaxRows, maxArray: opts.MaxArray,
		lim: opts.Limits.withDefaults(), known: opts.Known, hop: opts.Hop,
	}
	if err := s.buildEnv(); err != nil {
		return nil, err
	}
	if err := s.bindGlobals(opts.Globals, opts.Funcs); err != nil {
		return nil, err
	}
	s.progs = opts.Programs
	for _, p := range opts.Prelude {
		prg, err := s.progs.compile(p.Name, p.Source)
		if err != nil {
			return nil, fmt.Errorf("gizmo: %s: %w", p.Name, err)
		}
		s.prelude = append(s.prelude, prg)
	}
	s.name = opts.Name
	return s, nil
}

// deepFreeze is constant source: data reaches it only as a call argument.
const deepFreeze = `(function deepFreeze(o) {
	if (o !== null && typeof o === "object" && !Object.isFrozen(o)) {
		Object.freeze(o);
		Object.getOwnPropertyNames(o).forEach(function (k) { deepFreeze(o[k]); });
	}
	return o;
})`

// bindGlobals defines each global as a non-writable, non-configurable
// property of the global object holding a frozen copy of the value.
// newsgraph: added.
func (s *Session) bindGlobals(globals map[string]any, funcs map[string]func(context.Context, []string) (any, error)) error {
	if len(globals) == 0 && len(funcs) == 0 {
		return nil
	}
	freezeV, err := s.vm.RunProgram(deepFreezeProgram)
	if err != nil {
		return fmt.Errorf("gizmo: freeze helper: %w", err)
	}
	freeze, _ := goja.AssertFunction(freezeV)
	parse, ok := goja.AssertFunction(s.vm.Get("JSON").ToObject(s.vm).Get("parse"))
	if !ok || freeze == nil {
		return errors.New("gizmo: JSON.parse or freeze helper missing")
	}
	names := make([]string, 0, len(globals))
	for k := range globals {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, name := range names {
		data, err := json.Marshal(globals[name])
		if err != nil {
			return fmt.Errorf("gizmo: global %q: %w", name, err)
		}
		v, err := parse(goja.Undefined(), s.vm.ToValue(string(data)))
		if err != nil {
			return fmt.Errorf("gizmo: global %q: %w", name, err)
		}
		if v, err = freeze(goja.Undefined(), v); err != nil {
			return fmt.Errorf("gizmo: global %q: %w", name, err)
		}
		if err := s.vm.GlobalObject().DefineDataProperty(name, v, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE); err != nil {
			return fmt.Errorf("gizmo: global %q: %w", name, err)
		}
	}
	for name, f := range funcs {
		f := f
		native := func(call goja.FunctionCall) goja.Value {
			args := make([]string, len(call.Arguments))
			for i, a := range call.Arguments {
				if !goja.IsUndefined(a) && !goja.IsNull(a) {
					args[i] = a.String()
				}
			}
			out, err := f(s.context(), args)
			if err != nil {
				panic(s.vm.NewGoError(err))
			}
			data, err := json.Marshal(out)
			if err != nil {
				panic(s.vm.NewGoError(err))
			}
			v, err := parse(goja.Undefined(), s.vm.ToValue(string(data)))
			if err != nil {
				panic(s.vm.NewGoError(err))
			}
			return v
		}
		if err := s.vm.GlobalObject().DefineDataProperty(name, s.vm.ToValue(native), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE); err != nil {
			return fmt.Errorf("gizmo: function %q: %w", name, err)
		}
	}
	return nil
}

func lcFirst(str string) string {
	rune, size := utf8.DecodeRuneInString(str)
	return string(unicode.ToLower(rune)) + str[size:]
}

type fieldNameMapper struct{}

func (fieldNameMapper) FieldName(t reflect.Type, f reflect.StructField) string {
	return lcFirst(f.Name)
}

const constructMethodPrefix = "New"
const backwardsCompatibilityPrefix = "Capitalized"

func (fieldNameMapper) MethodName(t reflect.Type, m reflect.Method) string {
	if strings.HasPrefix(m.Name, backwardsCompatibilityPrefix) {
		return strings.TrimPrefix(m.Name, backwardsCompatibilityPrefix)
	}
	if strings.HasPrefix(m.Name, constructMethodPrefix) {
		return strings.TrimPrefix(m.Name, constructMethodPrefix)
	}
	return lcFirst(m.Name)
}

type Session struct {
	qs  graph.QuadStore
	vm  *goja.Runtime
	ns  voc.Namespaces
	sch *schema.Config
	col query.Collation

	last string
	p    *goja.Program

	out   chan *Result
	ctx   context.Context
	limit int
	count int

	// newsgraph: hard caps, prelude and program name, see Options.
	maxRows, maxArray int
	prelude           []*goja.Program
	name              string
	progs             *Programs
	lim               Limits
	known             func(graph.Ref) (quad.Value, bool)
	hop               func(from, pred quad.Value) ([]quad.Value, bool)
	// results bounds the bytes emitted by the current run.
	results exporter

	err error
}

// exportResult converts a value the script returns, within the depth
// bound and what is left of the run's result bytes.
// newsgraph: added.
func (s *Session) exportResult(v goja.Value) (any, error) {
	out, err := s.results.export(v, 0)
	if err != nil {
		return nil, err
	}
	return unwrap(out), nil
}

// Full reports whether the run can emit no more rows: the row cap
// (Options.MaxRows) or the limit is reached, so send refuses every row
// from now on. newsgraph: added. A native that reads ahead (queries'
// ngNext) asks before going to the store: once a page is full the
// runner closes the run, and a store read still in flight is then
// cancelled, which on PostgreSQL costs a cancel request and the
// connection (BENCHMARKS.md, session 12).
func (s *Session) Full() bool {
	return (s.limit > 0 && s.count >= s.limit) || (s.maxRows > 0 && s.count >= s.maxRows)
}

func (s *Session) context() context.Context {
	return s.ctx
}

func (s *Session) buildEnv() error {
	if s.vm != nil {
		return nil
	}
	s.vm = goja.New()
	// newsgraph: guard the built-ins before anything else runs.
	if err := installSandbox(s.vm, s.lim); err != nil {
		return err
	}
	s.vm.SetFieldNameMapper(fieldNameMapper{})
	s.vm.Set("graph", &graphObject{s: s})
	s.vm.Set("g", s.vm.Get("graph"))
	for name, val := range defaultEnv {
		fnc := val
		s.vm.Set(name, func(call goja.FunctionCall) goja.Value {
			return fnc(s.vm, call)
		})
	}
	return nil
}

func (s *Session) quadValueToNative(v quad.Value) interface{} {
	if v == nil {
		return nil
	}
	if s.col == query.JSONLD {
		return jsonld.FromValue(v)
	}
	out := v.Native()
	if nv, ok := out.(quad.Value); ok && v == nv {
		return quad.StringOf(v)
	}
	return out
}

// scriptNamer is the store as the script's own reads see it: Options.Known
// first.
type scriptNamer struct{ s *Session }

func (n scriptNamer) ValueOf(v quad.Value) (graph.Ref, error) { return n.s.qs.ValueOf(v) }

func (n scriptNamer) NameOf(r graph.Ref) (quad.Value, error) {
	if n.s.known != nil && r != nil {
		if v, ok := n.s.known(r); ok {
			return v, nil
		}
	}
	return n.s.qs.NameOf(r)
}

func (s *Session) tagsToValueMap(m map[string]graph.Ref) (map[string]interface{}, error) {
	outputMap := make(map[string]interface{})
	for k, v := range m {
		nv, err := scriptNamer{s}.NameOf(v)
		if err != nil {
			return nil, err
		}
		if o := s.quadValueToNative(nv); o != nil {
			outputMap[k] = o
		}
	}
	if len(outputMap) == 0 {
		return nil, nil
	}
	return outputMap, nil
}

// arrayLimit applies the MaxArray cap to a limit a script asked for; it
// returns the limit to iterate with (one more than the cap, to detect
// overflow) and whether the cap applies.
// newsgraph: added.
func (s *Session) arrayLimit(limit int) (int, bool) {
	if s.maxArray <= 0 || (limit > 0 && limit <= s.maxArray) {
		return limit, false
	}
	return s.maxArray + 1, true
}

func (s *Session) errArrayCap() error {
	return fmt.Errorf("gizmo: more than %d results collected in the script; narrow the query or use All/Emit", s.maxArray)
}

func (s *Session) runIteratorToArray(it iterator.Shape, limit int) ([]map[string]interface{}, error) {
	ctx := s.context()
	limit, capped := s.arrayLimit(limit) // newsgraph

	output := make([]map[string]interface{}, 0)
	err := iterator.Iterate(ctx, it).Limit(limit).TagEach(func(tags map[string]graph.Ref) error {
		tm, err := s.tagsToValueMap(tags)
		if err != nil {
			return err
		}
		if tm != nil {
			output = append(output, tm)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if capped && len(output) > s.maxArray {
		return nil, s.errArrayCap()
	}
	return output, nil
}

func (s *Session) runIteratorToArrayNoTags(it iterator.Shape, limit int) ([]interface{}, error) {
	ctx := s.context()
	limit, capped := s.arrayLimit(limit) // newsgraph

	output := make([]interface{}, 0)
	err := iterator.Iterate(ctx, it).Paths(false).Limit(limit).EachValue(scriptNamer{s}, func(v quad.Value) error {
		if o := s.quadValueToNative(v); o != nil {
			output = append(output, o)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if capped && len(output) > s.maxArray {
		return nil, s.errArrayCap()
	}
	return output, nil
}

func (s *Session) runIteratorWithCallback(it iterator.Shape, callback goja.Value, this goja.FunctionCall, limit int) error {
	fnc, ok := goja.AssertFunction(callback)
	if !ok {
		return fmt.Errorf("expected js callback function")
	}
	ctx, cancel := context.WithCancel(s.context())
	defer cancel()
	return iterator.Iterate(ctx, it).Paths(true).Limit(limit).TagEach(func(tags map[string]graph.Ref) error {
		tm, err := s.tagsToValueMap(tags)
		if err != nil || tm == nil {
			return err
		}
		_, err = fnc(this.This, s.vm.ToValue(tm))
		if err != nil {
			cancel()
		}
		return err
	})
}

func (s *Session) send(ctx context.Context, r *Result) bool {
	if s.limit > 0 && s.count >= s.limit {
		return false
	}
	if s.maxRows > 0 && s.count >= s.maxRows { // newsgraph: cap GetLimit cannot raise
		return false
	}
	if s.out == nil {
		return false
	}
	if ctx == nil {
		ctx = s.ctx
	}
	select {
	case s.out <- r:
	case <-ctx.Done():
		return false
	}
	s.count++
	return s.limit <= 0 || s.count < s.limit
}

func (s *Session) runIterator(it iterator.Shape) error {
	ctx, cancel := context.WithCancel(s.context())
	defer cancel()
	stop := false
	err := iterator.Iterate(ctx, it).Paths(true).TagEach(func(tags map[string]graph.Ref) error {
		if !s.send(ctx, &Result{Tags: tags}) {
			cancel()
			stop = true
		}
		return nil
	})
	if stop {
		err = nil
	}
	return err
}

func (s *Session) countResults(it iterator.Shape) (int64, error) {
	return iterator.Iterate(s.context(), it).Paths(true).Count()
}

type Result struct {
	Meta bool
	Val  interface{}
	Tags map[string]graph.Ref
}

func (r *Result) Result() interface{} {
	if r.Tags != nil {
		return r.Tags
	}
	return r.Val
}

func (s *Session) compile(qu string) error {
	if len(qu) > s.lim.MaxSource { // newsgraph: the parser recurses per nesting level
		return fmt.Errorf("%w: the query is %d bytes; at most %d", ErrLimit, len(qu), s.lim.MaxSource)
	}
	var p *goja.Program
	if s.last == qu && s.last != "" {
		p = s.p
	} else {
		var err error
		p, err = s.progs.compile(s.name, qu) // newsgraph: named, cached
		if err != nil {
			return err
		}
		s.last, s.p = qu, p
	}
	return nil
}

func (s *Session) run() (goja.Value, error) {
	for _, p := range s.prelude { // newsgraph: prelude scripts first
		if _, err := s.vm.RunProgram(p); err != nil {
			return nil, err
		}
	}
	v, err := s.vm.RunProgram(s.p)
	var so *goja.StackOverflowError // newsgraph: its own message is empty
	if errors.As(err, &so) {
		return nil, fmt.Errorf("%w: call stack deeper than %d frames (endless recursion, or a value nested too deep)", ErrLimit, s.lim.MaxCallStack)
	}
	if e, ok := err.(*goja.Exception); ok && e.Value() != nil {
		if er, ok := e.Value().Export().(error); ok {
			err = er
		}
	}
	return v, err
}
func (s *Session) Execute(ctx context.Context, qu string, opt query.Options) (query.Iterator, error) {
	switch opt.Collation {
	case query.Raw, query.JSON, query.JSONLD, query.REPL:
	default:
		return nil, &query.ErrUnsupportedCollation{Collation: opt.Collation}
	}
	if err := s.compile(qu); err != nil {
		return nil, err
	}
	s.limit = opt.Limit
	s.count = 0
	s.results = exporter{maxDepth: s.lim.MaxDepth, budget: s.lim.MaxResultBytes} // newsgraph
	ctx, cancel := context.WithCancel(context.Background())
	s.ctx = ctx
	s.col = opt.Collation
	return &results{
		col: opt.Collation,
		s:   s,
		ctx: ctx, cancel: cancel,
	}, nil
}

type results struct {
	s      *Session
	col    query.Collation
	ctx    context.Context
	cancel func()

	running bool
	errc    chan error

	err error
	cur *Result
}

func (it *results) stop(err error) {
	it.cancel()
	if !it.running {
		return
	}
	it.s.vm.Interrupt(err)
	it.running = false
}

func (it *results) Next(ctx context.Context) bool {
	if it.errc == nil {
		it.s.out = make(chan *Result)
		it.errc = make(chan error, 1)
		it.running = true
		go func() {
			defer close(it.errc)
			// newsgraph: native functions panic with plain Go errors on
			// bad arguments, which goja re-panics; without this recover a
			// query like g.V().Out({}) kills the whole process.
			defer func() {
				if x := recover(); x != nil {
					it.errc <- fmt.Errorf("gizmo: query failed: %v", x)
				}
			}()
			v, err := it.s.run()
			if err != nil {
				it.errc <- err
				return
			}
			if !goja.IsNull(v) && !goja.IsUndefined(v) {
				// newsgraph: bounded export (upstream: v.Export()); a value
				// too deep or large to show is left out.
				if val, err := it.s.exportResult(v); err == nil {
					it.s.send(it.ctx, &Result{Meta: true, Val: val})
				}
			}
		}()
	}
	select {
	case r := <-it.s.out:
		it.cur = r
		return true
	case err := <-it.errc:
		if err != nil {
			it.err = err
		}
		return false
	case <-ctx.Done():
		it.err = ctx.Err()
		it.stop(it.err)
		return false
	}
}

func (it *results) Result() interface{} {
	if it.cur == nil {
		return nil
	}
	switch it.col {
	case query.Raw:
		return it.cur
	case query.JSON, query.JSONLD:
		return it.jsonResult()
	case query.REPL:
		return it.replResult()
	}
	return nil
}

func (it *results) jsonResult() interface{} {
	data := it.cur
	if data.Meta {
		return nil
	}
	if data.Val != nil {
		return data.Val
	}
	obj := make(map[string]interface{})
	tags := data.Tags
	var tagKeys []string
	for k := range tags {
		tagKeys = append(tagKeys, k)
	}
	sort.Strings(tagKeys)
	for _, k := range tagKeys {
		name, err := it.s.qs.NameOf(tags[k])
		if err != nil {
			it.err = err
			return nil
		}
		if name != nil {
			obj[k] = it.s.quadValueToNative(name)
		} else {
			delete(obj, k)
		}
	}
	return obj
}

func (it *results) replResult() interface{} {
	data := it.cur
	if data.Meta {
		if data.Val != nil {
			s := data.Val
			switch s.(type) {
			case *pathObject, *graphObject:
				s = "[internal Iterator]"
			}
			return fmt.Sprintln("=>", s)
		}
		return fmt.Sprintln("=>", nil)
	}
	var out string
	out = fmt.Sprintln("****")
	if data.Val == nil {
		tags := data.Tags
		tagKeys := make([]string, len(tags))
		i := 0
		for k := range tags {
			tagKeys[i] = k
			i++
		}
		sort.Strings(tagKeys)
		for _, k := range tagKeys {
			if k == "$_" {
				continue
			}
			knv, err := it.s.qs.NameOf(tags[k])
			if err != nil {
				// ignore
				continue
			}
			out += fmt.Sprintf("%s : %s\n", k, quadValueToString(knv))
		}
	} else {
		switch export := data.Val.(type) {
		case map[string]string:
			for k, v := range export {
				out += fmt.Sprintf("%s : %s\n", k, v)
			}
		case map[string]interface{}:
			for k, v := range export {
				out += fmt.Sprintf("%s : %v\n", k, v)
			}
		default:
			out += fmt.Sprintf("%s\n", data.Val)
		}
	}
	return out
}

func (it *results) Err() error {
	return it.err
}

func (it *results) Close() error {
	it.stop(errors.New("iterator closed"))
	// newsgraph: wait for the script's goroutine to end. Interrupted, it
	// still finishes the store read in flight; a caller that closes the
	// store after Close (a server shutting down) must not pull the store
	// from under it (seen: SIGSEGV in bolt's page lookup).
	if it.errc != nil {
		for range it.errc {
		}
	}
	return nil
}

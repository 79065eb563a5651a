package gizmo

import (
	"sync"

	"github.com/dop251/goja"
)

// Programs keeps compiled scripts by name and source for sessions that
// run the same scripts again: a server or a benchmark runs a saved query
// and lib.js page after page, and compiling them was ~3 ms of every run
// (connections/hub at 10k articles on PostgreSQL, BENCHMARKS.md session
// 13). goja runs one Program in many runtimes at once, so a cached one is
// shared. The zero value is ready; safe for concurrent use. At most
// maxPrograms are kept (ad-hoc scripts would otherwise grow it without
// end): when full it starts again empty. newsgraph: added.
type Programs struct {
	mu sync.Mutex
	m  map[programKey]*goja.Program
}

type programKey struct{ name, src string }

const maxPrograms = 64

// compile gives the program of src compiled under name, from the cache
// when it holds it; a nil *Programs compiles every time. Compile errors
// are not kept.
func (p *Programs) compile(name, src string) (*goja.Program, error) {
	if p == nil {
		return goja.Compile(name, src, false)
	}
	k := programKey{name, src}
	p.mu.Lock()
	prg, ok := p.m[k]
	p.mu.Unlock()
	if ok {
		return prg, nil
	}
	prg, err := goja.Compile(name, src, false)
	if err != nil {
		return nil, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.m == nil || len(p.m) >= maxPrograms {
		p.m = make(map[programKey]*goja.Program)
	}
	p.m[k] = prg
	return prg, nil
}

// deepFreezeProgram is deepFreeze compiled once (constant source).
var deepFreezeProgram = goja.MustCompile("freeze", deepFreeze, false)

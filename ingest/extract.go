package ingest

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/schema"
)

// Options tune an Extractor.
type Options struct {
	// MinConfidence drops facts whose rule confidence is below it (0 keeps all).
	MinConfidence float64
	// ProseNER adds prose's statistical NER as one more vote when classifying
	// unknown names; it makes extraction about five times slower for a small gain in typing (docs/extraction.md).
	ProseNER bool
}

// Extractor turns documents into Extractions. It holds only read-only state
// (the prose model and the gazetteers), so one Extractor serves any number
// of goroutines.
type Extractor struct {
	opts   Options
	tagger *tagger
	g      *gazetteer
}

// NewExtractor loads the tagging model and the gazetteers once.
func NewExtractor(opts Options) (*Extractor, error) {
	t, err := newTagger(opts.ProseNER)
	if err != nil {
		return nil, fmt.Errorf("load prose model: %w", err)
	}
	return &Extractor{opts: opts, tagger: t, g: newGazetteer()}, nil
}

// entity is a document-level entity under construction.
type entity struct {
	key      string
	gaz      string
	class    schema.Class
	strength int
	surfaces map[string]int // name surface → count
	aliases  []string       // every surface, in order of first sight
	order    int
	lastSent int
	roles    []int // role entity indices (for leads/works_for decisions)
}

// docState is everything one Extract call builds; it never outlives it.
type docState struct {
	ctx       context.Context
	g         *gazetteer
	doc       schema.Document
	sents     []sentence
	ments     []mention
	sentMents [][]int
	ents      []*entity
	entByKey  map[string]int
	acronyms  map[string]int
	locOrg    [][2]int
	facts     []rawFact
	stmts     []statement
	speakers  []int // per paragraph: last attributed speaker entity, -1
}

// rawFact is a fact before validation, between entity indices.
type rawFact struct {
	subj, obj int    // entity indices; obj -1 for literals and statements
	pred      string // schema predicate name
	lit       string // literal value or statement index as text
	stmt      int    // statement index, -1
	rule      string
	s0, s1    int // sentence range [s0, s1]
	qual      map[string]string
}

// statement is a quote with its speaker.
type statement struct {
	text    string
	speaker int
}

// Extract reads one document. It returns an error only when ctx is done;
// text it cannot make sense of simply yields fewer facts.
func (e *Extractor) Extract(ctx context.Context, doc schema.Document) (schema.Extraction, error) {
	x := &docState{ctx: ctx, g: e.g, doc: doc, entByKey: map[string]int{}, acronyms: map[string]int{}}
	x.sents = splitSentences(doc.Text)
	x.sentMents = make([][]int, len(x.sents))
	for si := range x.sents {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return schema.Extraction{}, err
			}
		}
		e.tagger.tag(x.sents[si].Toks)
		x.findMentions(si)
		ms := x.sentMents[si]
		sort.SliceStable(ms, func(a, b int) bool {
			ma, mb := x.ments[ms[a]], x.ments[ms[b]]
			if ma.i != mb.i {
				return ma.i < mb.i
			}
			return ma.j > mb.j
		})
	}
	x.resolve()
	x.mergeShortNames()
	for si := range x.sents {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return schema.Extraction{}, err
			}
		}
		x.applyRules(si)
	}
	x.quotes()
	return x.build(e.opts), nil
}

// resolve links every mention to a document entity, in reading order, so
// that pronouns and short names find what came before them.
func (x *docState) resolve() {
	lastPerson, lastOrg := -1, -1
	for si := range x.sents {
		toks := x.sents[si].Toks
		for _, mi := range x.sentMents[si] {
			m := &x.ments[mi]
			switch m.kind {
			case kPronoun:
				if m.class == schema.Person {
					m.ent = lastPerson
				} else {
					m.ent = lastOrg
				}
				continue
			case kRole:
				m.ent = x.entityFor("r:"+strings.ToLower(m.surface), "", m.surface, schema.Role, 4, si)
				continue
			case kHyphen:
				if m.gazName != "" {
					m.ent = x.entityFor("g:"+m.gazName, m.gazName, "", m.class, m.strength, si)
				} else if k, ok := x.entByKey["n:"+strings.ToLower(m.surface)]; ok {
					m.ent = k
				}
				continue
			case kDemonym:
				m.ent = x.entityFor("g:"+m.gazName, m.gazName, "", m.class, m.strength, si)
				continue
			}
			// An acronym in parentheses right after a name is that name.
			if m.i > 0 && toks[m.i-1].Text == "(" && m.j < len(toks) && toks[m.j].Text == ")" && m.j-m.i == 1 && (allCaps(m.surface) || upperFirst(m.surface) && len(m.surface) <= 6) {
				if prev := x.mentionEndingAt(si, m.i-1); prev >= 0 && x.ments[prev].ent >= 0 && x.ments[prev].kind == kName {
					m.ent = x.ments[prev].ent
					x.acronyms[m.surface] = m.ent
					x.addSurface(m.ent, m.surface, m.class, m.strength, si)
					continue
				}
			}
			if k, ok := x.acronyms[m.stripped]; ok {
				m.ent = k
				x.addSurface(k, m.surface, m.class, 0, si)
				continue
			}
			if m.gazName != "" {
				m.ent = x.entityFor("g:"+m.gazName, m.gazName, m.stripped, m.class, m.strength, si)
				x.addSurface(m.ent, m.surface, m.class, 0, si)
			} else if p := x.matchPerson(m); p >= 0 {
				m.ent = p
				x.addSurface(p, m.stripped, schema.Person, 0, si)
				x.addSurface(p, m.surface, schema.Person, 0, si)
			} else {
				m.ent = x.entityFor("n:"+strings.ToLower(m.stripped), "", m.stripped, m.class, m.strength, si)
				x.addSurface(m.ent, m.surface, m.class, 0, si)
			}
			if m.bare != "" {
				if _, ok := x.entByKey["n:"+strings.ToLower(m.bare)]; !ok {
					x.entByKey["n:"+strings.ToLower(m.bare)] = m.ent
				}
			}
			switch x.ents[m.ent].class.Top() {
			case schema.Person:
				lastPerson = m.ent
			case schema.Organization:
				lastOrg = m.ent
			}
		}
	}
}

// matchPerson finds an earlier person whose name contains this short form
// ("Jeffrey" → "James Jeffrey"; "Nathan Sales" → "Nathan A. Sales").
func (x *docState) matchPerson(m *mention) int {
	words := strings.Fields(m.stripped)
	if len(words) == 0 || len(words) > 3 || m.strength >= 3 && !m.class.IsA(schema.Person) {
		return -1
	}
	best := -1
	for k, e := range x.ents {
		if e.class != schema.Person {
			continue
		}
		for s := range e.surfaces {
			sw := strings.Fields(s)
			if len(sw) <= len(words) {
				continue
			}
			if len(words) == 1 && (sw[len(sw)-1] == words[0] || sw[0] == words[0] && len(sw) == 2 && !x.g.given[words[0]]) ||
				len(words) >= 2 && sw[0] == words[0] && sw[len(sw)-1] == words[len(words)-1] {
				if best < 0 || x.ents[best].lastSent < e.lastSent {
					best = k
				}
			}
		}
	}
	return best
}

func (x *docState) mentionEndingAt(si, j int) int {
	for _, mi := range x.sentMents[si] {
		if x.ments[mi].j == j && x.ments[mi].kind == kName {
			return mi
		}
	}
	return -1
}

// entityFor returns the entity with the key, creating it.
func (x *docState) entityFor(key, gaz, surface string, c schema.Class, strength, si int) int {
	k, ok := x.entByKey[key]
	if !ok {
		k = len(x.ents)
		x.ents = append(x.ents, &entity{key: key, gaz: gaz, class: c, strength: -1, surfaces: map[string]int{}, order: k})
		x.entByKey[key] = k
	}
	x.addSurface(k, surface, c, strength, si)
	return k
}

// addSurface records a surface form and lets stronger or finer class
// evidence refine the entity's class.
func (x *docState) addSurface(k int, surface string, c schema.Class, strength, si int) {
	e := x.ents[k]
	e.lastSent = si
	if surface != "" {
		if _, ok := e.surfaces[surface]; !ok {
			e.aliases = append(e.aliases, surface)
		}
		e.surfaces[surface]++
	}
	switch {
	case c == "":
	case strength > e.strength && !(e.strength >= 3 && e.class.Top() != c.Top() && strength < 4):
		e.class, e.strength = c, strength
	case strength >= e.strength-1 && c != e.class && c.IsA(e.class):
		e.class = c // finer class of the same kind: "Idlib" → Province
	}
}

// name picks the canonical name: the gazetteer's when the text uses it,
// else the form the text uses most (the longest for people).
func (e *entity) name() string {
	if e.gaz != "" {
		if _, ok := e.surfaces[e.gaz]; !ok {
			// All-caps datelines ("ERBIL") read better as the gazetteer writes them.
			caps := true
			for s := range e.surfaces {
				if !allCaps(s) || len(s) <= 3 {
					caps = false
				}
			}
			if caps {
				return e.gaz
			}
		}
		if _, ok := e.surfaces[e.gaz]; ok || len(e.surfaces) == 0 {
			return e.gaz
		}
	}
	best, bc := "", -1
	for _, s := range e.aliases {
		c := e.surfaces[s]
		if s == "" {
			continue
		}
		better := false
		switch {
		case e.class.IsA(schema.Person) || e.class.IsA(schema.Organization) && e.gaz == "":
			better = len(s) > len(best) && !strings.HasSuffix(s, " group")
		default:
			better = c > bc
		}
		if best == "" || better {
			best, bc = s, c
		}
	}
	if best == "" {
		return e.gaz
	}
	return best
}

// build validates the facts and assembles the Extraction.
func (x *docState) build(opts Options) schema.Extraction {
	ext := schema.Extraction{Document: x.doc}
	used := make([]bool, len(x.ents))
	for _, m := range x.ments {
		if m.ent >= 0 && m.kind != kPronoun && m.kind != kHyphen {
			used[m.ent] = true
		}
	}
	for _, f := range x.facts {
		used[f.subj] = true
		if f.obj >= 0 {
			used[f.obj] = true
		}
	}
	iris := make([]string, len(x.ents))
	index := map[string]int{}
	for k, e := range x.ents {
		if !used[k] {
			continue
		}
		name := e.name()
		key := name
		if e.gaz != "" {
			key = e.gaz
		}
		iri := schema.EntityIRI(e.class, key)
		iris[k] = iri
		if at, ok := index[iri]; ok {
			// Two document entities with one IRI: merge their aliases.
			for _, a := range e.aliases {
				if !containsStr(ext.Entities[at].Aliases, a) {
					ext.Entities[at].Aliases = append(ext.Entities[at].Aliases, a)
				}
			}
			continue
		}
		aliases := []string{name}
		for _, a := range e.aliases {
			if a != name && !containsStr(aliases, a) {
				aliases = append(aliases, a)
			}
		}
		index[iri] = len(ext.Entities)
		ext.Entities = append(ext.Entities, schema.Entity{IRI: iri, Name: name, Class: e.class, Aliases: aliases})
	}
	stmtIRI := make([]string, len(x.stmts))
	for k, s := range x.stmts {
		if s.speaker < 0 || iris[s.speaker] == "" {
			continue
		}
		iri := schema.StatementIRI(iris[s.speaker], s.text)
		stmtIRI[k] = iri
		if _, ok := index[iri]; !ok {
			index[iri] = len(ext.Entities)
			ext.Entities = append(ext.Entities, schema.Entity{IRI: iri, Name: s.text, Class: schema.Statement, Aliases: []string{s.text}})
		}
	}
	runeAt := x.runeOffsets()
	seen := map[string]bool{}
	for _, f := range x.facts {
		conf := ruleConfidence(f.rule)
		if conf < opts.MinConfidence {
			continue
		}
		if iris[f.subj] == "" {
			continue
		}
		obj := f.lit
		if f.obj >= 0 {
			obj = iris[f.obj]
		}
		if f.stmt >= 0 {
			obj = stmtIRI[f.stmt]
			if obj == "" {
				continue
			}
		}
		start, end := x.sents[f.s0].Start, x.sents[f.s1].End
		fact := schema.Fact{Subject: iris[f.subj], Predicate: f.pred, Object: obj, Evidence: schema.Evidence{
			DocID: x.doc.ID, Sentence: x.doc.Text[start:end], Start: runeAt[start], End: runeAt[end],
			Rule: f.rule, Confidence: conf, Qualifiers: f.qual,
		}}
		key := fact.EvidenceIRI()
		if seen[key] {
			continue
		}
		seen[key] = true
		if err := schema.Validate(fact, ext.ClassOf); err != nil {
			ext.Rejected = append(ext.Rejected, schema.Rejection{Fact: fact, Reason: err.Error()})
			continue
		}
		ext.Facts = append(ext.Facts, fact)
	}
	return ext
}

func containsStr(list []string, s string) bool {
	for _, l := range list {
		if l == s {
			return true
		}
	}
	return false
}

// runeOffsets maps the byte offsets of sentence bounds to code points in
// one pass over the text.
func (x *docState) runeOffsets() map[int]int {
	var bounds []int
	for _, s := range x.sents {
		bounds = append(bounds, s.Start, s.End)
	}
	sort.Ints(bounds)
	out := make(map[int]int, len(bounds))
	pos, runes := 0, 0
	for _, b := range bounds {
		if b < pos {
			continue
		}
		runes += utf8.RuneCountInString(x.doc.Text[pos:b])
		pos = b
		out[b] = runes
	}
	return out
}

// mergeShortNames folds a one-word person ("Jeffrey", seen in a headline
// before the full name) into the only longer person name ending with it.
func (x *docState) mergeShortNames() {
	into := make([]int, len(x.ents))
	for k := range into {
		into[k] = k
	}
	changed := false
	for k, e := range x.ents {
		if e.class != schema.Person || len(e.surfaces) == 0 {
			continue
		}
		short := true
		for s := range e.surfaces {
			if len(strings.Fields(s)) != 1 {
				short = false
			}
		}
		if !short {
			continue
		}
		target := -1
		for k2, e2 := range x.ents {
			if k2 == k || e2.class != schema.Person {
				continue
			}
			for s := range e2.surfaces {
				w := strings.Fields(s)
				if len(w) > 1 && e.surfaces[w[len(w)-1]] > 0 {
					if target >= 0 && target != k2 {
						target = -2
					} else if target != -2 {
						target = k2
					}
				}
			}
		}
		if target < 0 {
			continue
		}
		into[k] = target
		for _, a := range e.aliases {
			x.addSurface(target, a, "", 0, e.lastSent)
		}
		e.surfaces = map[string]int{}
		changed = true
	}
	if !changed {
		return
	}
	for i := range x.ments {
		if x.ments[i].ent >= 0 {
			x.ments[i].ent = into[x.ments[i].ent]
		}
	}
}

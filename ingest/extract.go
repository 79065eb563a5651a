package ingest

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/names"
	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/pipeline"
	"github.com/newsgraph/newsgraph/schema"
)

// Options tune an Extractor.
type Options struct {
	// MinConfidence drops facts whose rule confidence is below it (0 keeps all).
	MinConfidence float64
	// ProseNER is ignored: tags and entity spans come from the trained
	// language layer (nlp/). It stays so that callers and configurations
	// that set it keep working.
	ProseNER bool
	// Predicates, when set, keeps only facts with these predicate names
	// (e.g. the five relations a benchmark annotates).
	Predicates []string
	// AllRules keeps the facts of every rule, also those the gate table
	// (gates.go) leaves off by default for their precision on real news.
	AllRules bool
}

// Extractor turns documents into Extractions. It holds only read-only state
// (the language layer's models and the gazetteers), so one Extractor serves
// any number of goroutines.
type Extractor struct {
	opts Options
	lang *pipeline.Pipeline
	g    *gazetteer
	rel  *relModel  // nil: no classifier
	dep  lazyParser // the dependency parser, loaded by the first Extract
}

// NewExtractor loads the language layer's models and the gazetteers once.
func NewExtractor(opts Options) (*Extractor, error) {
	lang, err := pipeline.Load()
	if err != nil {
		return nil, fmt.Errorf("loading the language layer: %w", err)
	}
	rel, err := loadRelModel(relModelJSON)
	if err != nil {
		return nil, err
	}
	return &Extractor{opts: opts, lang: &pipeline.Pipeline{Tagger: lang.Tagger, NER: lang.NER}, g: newGazetteer(), rel: rel}, nil
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
	g           *gazetteer
	doc         schema.Document
	sents       []sentence
	ments       []mention
	sentMents   [][]int
	ents        []*entity
	entByKey    map[string]int
	acronyms    map[string]int
	locOrg      [][2]int
	facts       []rawFact
	stmts       []statement
	personWords map[string][]int // word of a multi-word person name → entities
	firstWords  map[string][]int // first word of a multi-word name → entities
	views       []*view          // per sentence, built after resolution
	allRules    bool             // Options.AllRules
	headline    int              // sentences [0, headline) are the headline
	// capRatio says how often news capitalises a lower-case word away from
	// a sentence's start (ner.Resources.CapRatio); nil without a recogniser.
	capRatio func(lower string) string
}

// ruleOn reports whether the document keeps a rule's facts.
func (x *docState) ruleOn(rule string) bool { return x.allRules || ruleOn(rule) }

// viewOf returns the (cached) rule view of a sentence.
func (x *docState) viewOf(si int) *view {
	if x.views == nil {
		x.views = make([]*view, len(x.sents))
	}
	if x.views[si] == nil {
		x.views[si] = x.view(si)
	}
	return x.views[si]
}

// rawFact is a fact before validation, between entity indices.
type rawFact struct {
	subj, obj int    // entity indices; obj -1 for literals and statements
	pred      string // schema predicate name
	lit       string // literal value or statement index as text
	stmt      int    // statement index, -1
	rule      string
	conf      float64 // the fact's own confidence; 0: the rule's (ruleConfidence)
	s0, s1    int     // sentence range [s0, s1]
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
	x, err := e.analyse(ctx, doc)
	if err != nil {
		return schema.Extraction{}, err
	}
	x.classifyRelations(e.rel)
	x.quotes()
	x.postedStatements()
	return x.build(e.opts), nil
}

// analyse runs everything up to the relation classifier: sentences, tags,
// mentions, resolution and the hand-written rules.
func (e *Extractor) analyse(ctx context.Context, doc schema.Document) (*docState, error) {
	x, err := e.annotate(ctx, doc)
	if err != nil {
		return nil, err
	}
	x.resolve()
	x.mergeShortNames()
	x.settleFamilies()
	x.settleCityStates()
	x.settleStateCountries()
	for si := range x.sents {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		x.applyRules(si)
		x.depFacts(si)
	}
	x.formerRoles()
	x.legislatorSeats()
	return x, nil
}

// legislatorTitles are the titles of members of a legislature.
var legislatorTitles = map[string]bool{"senator": true, "sen.": true, "u.s. senator": true, "state senator": true,
	"representative": true, "rep.": true, "u.s. representative": true, "state representative": true,
	"congressman": true, "congresswoman": true, "lawmaker": true, "delegate": true}

// legislatorSeats files "Senator X of Florida" as X works for Florida: the
// state is the seat the legislator holds for it, which readers and golds
// take it as; where X lives the sentence does not say.
func (x *docState) legislatorSeats() {
	type key struct{ subj, sent int }
	legislator := map[key]bool{}
	for _, f := range x.facts {
		if f.pred == "role" && f.obj >= 0 && legislatorTitles[strings.ToLower(x.ents[f.obj].name())] {
			legislator[key{f.subj, f.s0}] = true
		}
	}
	for i := range x.facts {
		f := &x.facts[i]
		if f.pred == "lives_in" && (f.rule == "person-of-place" || f.rule == "dep:person-of-place") && legislator[key{f.subj, f.s0}] {
			f.pred = "works_for"
		}
	}
}

// formerRoles files a title read with its "former" ("Trump's former
// campaign manager") as the title itself, marked former: the office is the
// same one its holders share, and readers, golds and queries name it so.
func (x *docState) formerRoles() {
	for i := range x.facts {
		f := &x.facts[i]
		if f.pred != "role" || f.obj < 0 {
			continue
		}
		name := x.ents[f.obj].key
		rest, ok := strings.CutPrefix(name, "r:former ")
		if !ok {
			rest, ok = strings.CutPrefix(name, "r:ex-")
		}
		if !ok || rest == "" {
			continue
		}
		surface := x.ents[f.obj].name()
		if k := strings.IndexByte(surface, ' '); k > 0 && strings.EqualFold(surface[:k], "former") {
			surface = surface[k+1:]
		} else if strings.HasPrefix(strings.ToLower(surface), "ex-") {
			surface = surface[3:]
		}
		f.obj = x.entityFor("r:"+rest, "", surface, schema.Role, 4, f.s0)
		q := map[string]string{schema.QualFormer: "true"}
		for k, v := range f.qual {
			q[k] = v
		}
		f.qual = q
	}
}

// Annotation counts what the NLP stage found in one document.
type Annotation struct {
	Sentences, Tokens, Mentions int
}

// Annotate runs only the NLP stage of Extract — sentences, tokens,
// part-of-speech tags, and entity mentions with their classes — and stops
// before resolution, the relation rules and the classifier. Benchmarks use
// it to measure what extraction and storage cost on top of the NLP.
func (e *Extractor) Annotate(ctx context.Context, doc schema.Document) (Annotation, error) {
	x, err := e.annotate(ctx, doc)
	if err != nil {
		return Annotation{}, err
	}
	a := Annotation{Sentences: len(x.sents), Mentions: len(x.ments)}
	for _, s := range x.sents {
		a.Tokens += len(s.Toks)
	}
	return a, nil
}

// annotate is the NLP stage: sentences, tags, mentions, context typing.
func (e *Extractor) annotate(ctx context.Context, doc schema.Document) (*docState, error) {
	x := &docState{g: e.g, doc: doc, entByKey: map[string]int{}, acronyms: map[string]int{}, personWords: map[string][]int{}, firstWords: map[string][]int{}, allRules: e.opts.AllRules}
	lang := nlp.Segment(blankByline(doc.Text))
	if err := e.lang.Run(ctx, lang); err != nil {
		return nil, err
	}
	if err := e.dep.run(ctx, lang); err != nil {
		return nil, err
	}
	if e.lang.NER != nil {
		x.capRatio = e.lang.NER.CapRatio
	}
	x.sents = wrapSentences(lang)
	x.headline = headlineSentences(doc, x.sents)
	x.sentMents = make([][]int, len(x.sents))
	for si := range x.sents {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		x.findMentions(si)
		ms := x.sentMents[si]
		sort.SliceStable(ms, func(a, b int) bool {
			ma, mb := x.ments[ms[a]], x.ments[ms[b]]
			if ma.i != mb.i {
				return ma.i < mb.i
			}
			return ma.j > mb.j
		})
		x.retype(si)
	}
	x.corporateNames()
	return x, nil
}

// resolve links every mention to a document entity, in reading order, so
// that pronouns and short names find what came before them.
func (x *docState) resolve() {
	lastPerson, lastOrg := -1, -1
	var orgs []int // organisations in the order of their last mention
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
					// "a spokeswoman for the agency" after "the U.S. District
					// Court": a description names the last body of its kind
					// (coref.go), not the last body.
					if head, ok := strings.CutPrefix(m.surface, "the "); ok {
						m.ent = -1
						for n := len(orgs) - 1; n >= 0 && n >= len(orgs)-4; n-- {
							if headFits(head, x.ents[orgs[n]].name()) && classFits(head, x.ents[orgs[n]].class) {
								m.ent = orgs[n]
								break
							}
						}
					}
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
				} else {
					// "Tarsis-backed" → the "Tarsis Movement" named before.
					for k, e := range x.ents {
						if e.class.Top() != schema.Person && e.class != schema.Role && strings.HasPrefix(e.key, "n:"+strings.ToLower(m.surface)+" ") {
							m.ent = k
							break
						}
					}
				}
				continue
			case kDemonym:
				m.ent = x.entityFor("g:"+m.gazName, m.gazName, "", m.class, m.strength, si)
				continue
			}
			// All-caps datelines read as names: "KESSEL" → "Kessel".
			if allCaps(m.surface) && len(m.surface) > 4 && !strings.Contains(m.surface, ".") && m.class.IsA(schema.Location) && m.i == 0 && !allCapsLine(toks) {
				m.surface = titleCase(m.surface)
				m.stripped = m.surface
			}
			// A long form in parentheses right after an acronym names it:
			// "the SDF (Syrian Democratic Forces)".
			if m.i > 0 && toks[m.i-1].Text == "(" && m.j < len(toks) && toks[m.j].Text == ")" && m.j-m.i > 1 {
				if prev := x.mentionEndingAt(si, m.i-1); prev >= 0 && x.ments[prev].ent >= 0 && x.ments[prev].kind == kName && allCaps(x.ments[prev].surface) && initialsSpell(x.ments[prev].surface, m.stripped) {
					k := x.ments[prev].ent
					m.ent = k
					x.acronyms[x.ments[prev].surface] = k
					x.addSurface(k, m.surface, m.class, m.strength, si)
					if _, ok := x.entByKey["n:"+strings.ToLower(m.stripped)]; !ok {
						x.entByKey["n:"+strings.ToLower(m.stripped)] = k
					}
					continue
				}
			}
			// An acronym in parentheses right after a name is that name.
			if m.i > 0 && toks[m.i-1].Text == "(" && m.j < len(toks) && toks[m.j].Text == ")" && m.j-m.i == 1 && (allCaps(m.surface) || upperFirst(m.surface) && len(m.surface) <= 6) {
				if prev := x.mentionEndingAt(si, m.i-1); prev >= 0 && x.ments[prev].ent >= 0 && x.ments[prev].kind == kName && acronymFits(m.surface, x.ments[prev].surface) && (m.gazName == "" || m.gazName == x.ments[prev].gazName) {
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
			if gov := x.metonymGovernment(m); gov != "" {
				// "Damascus said": the capital stands for the government.
				m.ent = x.entityFor("n:"+strings.ToLower(gov), "", gov, schema.Government, 3, si)
				x.addSurface(m.ent, m.surface, "", 0, si)
			} else if m.gazName != "" {
				m.ent = x.entityFor("g:"+m.gazName, m.gazName, m.stripped, m.class, m.strength, si)
				x.addSurface(m.ent, m.surface, m.class, 0, si)
			} else if o := x.matchOrgShort(m); o >= 0 {
				m.ent = o
				x.addSurface(o, m.surface, "", 0, si)
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
				if n := len(orgs); n == 0 || orgs[n-1] != m.ent {
					orgs = append(orgs, m.ent)
				}
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
	var cands []int
	for _, k := range x.personWords[words[len(words)-1]] {
		e := x.ents[k]
		if e.class != schema.Person {
			continue
		}
		for s := range e.surfaces {
			sw := strings.Fields(s)
			if len(sw) <= len(words) || len(words) == 1 && generational[sw[len(sw)-1]] {
				continue // a bare "Trump" is not "Donald Trump Jr.", whom news calls "Trump Jr."
			}
			if len(words) == 1 && sw[len(sw)-1] == words[0] ||
				len(words) >= 2 && sw[0] == words[0] && sw[len(sw)-1] == words[len(words)-1] {
				if best != k {
					cands = append(cands, k)
				}
				if best < 0 || x.ents[best].lastSent < e.lastSent {
					best = k
				}
			}
		}
	}
	if len(words) == 1 && len(cands) > 1 {
		return x.principalBearer(words[0], cands)
	}
	return best
}

// principalBearer chooses among people of one surname whom a bare surname
// means: the one the story already calls by it, else the one it named
// first. News names a relative in full ("his daughter Ivanka Trump") and
// keeps the bare surname for its principal ("Trump said").
func (x *docState) principalBearer(surname string, cands []int) int {
	called := -1
	for _, k := range cands {
		if _, ok := x.ents[k].surfaces[surname]; ok {
			if called >= 0 && called != k {
				called = -2
				break
			}
			called = k
		}
	}
	if called >= 0 {
		return called
	}
	first, at := -1, 0
	for _, k := range cands {
		if s := x.firstMention(k); first < 0 || s < at {
			first, at = k, s
		}
	}
	return first
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
			if w := strings.Fields(surface); len(w) > 1 && len(w) <= 6 {
				if l := x.firstWords[w[0]]; len(l) == 0 || l[len(l)-1] != k {
					x.firstWords[w[0]] = append(l, k)
				}
				// "the 9th Circuit" after "U.S. Circuit Court of Appeals": a
				// body's short name starts after the country's.
				if _, dem := x.g.demonyms[w[0]]; dem && len(w) > 2 {
					if l := x.firstWords[w[1]]; len(l) == 0 || l[len(l)-1] != k {
						x.firstWords[w[1]] = append(l, k)
					}
				}
				last := w[len(w)-1]
				if l := x.personWords[last]; len(l) == 0 || l[len(l)-1] != k {
					x.personWords[last] = append(l, k)
				}
			}
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
		// A party of the names tables is known by its family's canonical
		// name ("Republican Party"), however often a story says
		// "Republican": readers meet one name per node, and the adjective
		// alone reads as a person. Other families keep the story's form:
		// their canonical names are a cataloguer's ("U.S. Treasury
		// Department" for "the Treasury", "United States" for "U.S."),
		// not what people search for or annotate.
		if m, ok := names.Default().Family(e.gaz); ok && !m.Ambiguous && m.Canonical == e.gaz && m.Kind == names.KindParty {
			return e.gaz
		}
		if _, ok := e.surfaces[e.gaz]; !ok {
			// All-caps datelines ("ERBIL") read better as the gazetteer writes them.
			caps := true
			for s := range e.surfaces {
				if !allCaps(s) || len(s) <= 4 || strings.Contains(s, ".") {
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
			better = len(s) > len(best) && !strings.HasSuffix(s, " group") && !e.descriptorOf(s)
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

// descriptorOf reports whether surface s is another surface of the entity
// with a descriptor the name drops ("Norvik company", "Tulsa World
// newspaper" for "Norvik", "Tulsa World"): the name is the bare one.
func (e *entity) descriptorOf(s string) bool {
	k := strings.LastIndexByte(s, ' ')
	if k < 0 {
		return false
	}
	d, ok := descriptors[s[k+1:]]
	// Only a firm's and a paper's: "Islamist militants" is no "Islamist".
	if !ok || !d.strip || d.class != schema.Company && d.class != schema.MediaOutlet {
		return false
	}
	_, bare := e.surfaces[s[:k]]
	return bare || slices.Contains(e.aliases, s[:k])
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
	var gazOf []string // the gazetteer's name of each of ext.Entities
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
		gazOf = append(gazOf, e.gaz)
	}
	distinctNames(ext.Entities, gazOf)
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
		conf := f.conf
		if conf == 0 {
			conf = ruleConfidence(f.rule)
		}
		if conf < opts.MinConfidence || len(opts.Predicates) > 0 && !containsStr(opts.Predicates, f.pred) || !x.ruleOn(f.rule) {
			continue
		}
		if f.s0 < x.headline {
			// A headline compresses and guesses ("Howard denies split over
			// ID cards"); what the body confirms has the body's evidence.
			continue
		}
		if iris[f.subj] == "" || x.namesakePlace(f) {
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

// namesakePlace reports a home or nationality read from a place named as
// one of the person's own names: "attorney Shan Wu of Wu, Grohovsky and
// Whipple" names his firm, not a town called Wu.
func (x *docState) namesakePlace(f rawFact) bool {
	if f.obj < 0 || (f.pred != "lives_in" && f.pred != "citizen_of") {
		return false
	}
	place := x.ents[f.obj].name()
	for _, w := range strings.Fields(x.ents[f.subj].name()) {
		if w == place {
			return true
		}
	}
	return false
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
// before the full name) into the only longer person name ending with it,
// else into the only one starting with it: a lone given name ("Mitch, get
// to work") is the person of the story with that first name. When the story names no such person
// or several, it is no node at all: a first name alone is no identity an
// analyst can use, and one "Theresa" node would join every story's
// Theresa. A given name after a title or an honorific ("Pope Francis",
// "Queen Elizabeth", "Mr. Lee") is how that person is known, and stays.
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
			if x.commonPhrase(e) {
				into[k] = -1 // "Stock Market", "Fitch Ratings": no person
				e.surfaces = map[string]int{}
				changed = true
			}
			continue
		}
		target := x.personEnding(k, x.personWords)
		bySurname := target != -1
		if !bySurname {
			// "Kenji has courted …" after "Kenji Fujimori", "Xi" after "Xi Jinping".
			target = x.personEnding(k, x.firstWords)
		}
		if target < 0 {
			if !bySurname && (x.givenNameOnly(k) || x.commonWordOnly(k)) && !x.titled(k) {
				into[k] = -1 // no node: see above
				e.surfaces = map[string]int{}
				changed = true
			}
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

// personEnding finds the one other person of the document whose name has
// a surface of entity k as its last word (index personWords) or its first
// (firstWords): -1 when there is none, -2 when there are several.
func (x *docState) personEnding(k int, index map[string][]int) int {
	target := -1
	for s := range x.ents[k].surfaces {
		for _, k2 := range index[s] {
			if k2 == k || x.ents[k2].class != schema.Person {
				continue
			}
			if w := strings.Fields(x.ents[k2].name()); generational[w[len(w)-1]] && s != w[len(w)-1] {
				continue // "Trump" is not "Donald Trump Jr."
			}
			if target >= 0 && target != k2 {
				return -2
			}
			target = k2
		}
	}
	return target
}

// givenNameOnly reports whether every name of entity k is a given name
// alone (names.Table.GivenOnly).
func (x *docState) givenNameOnly(k int) bool {
	for s := range x.ents[k].surfaces {
		if !names.Default().GivenOnly(s) {
			return false
		}
	}
	return true
}

// commonWord reports whether news rarely or never capitalises a word away
// from a sentence's start: "Life", "Bail", "Election" opening a sentence
// or a headline are common words, not surnames ("Smith", "Young" after a
// title are kept by the callers' other tests).
func (x *docState) commonWord(w string) bool {
	if x.capRatio == nil {
		return false
	}
	r := x.capRatio(strings.ToLower(w))
	return r == "never" || r == "rarely"
}

// commonWordOnly reports whether every name of entity k is one common
// word, and no mention of it is described as a person ("Booth, Lincoln's
// assassin, …", "Finch, a lawyer, …").
func (x *docState) commonWordOnly(k int) bool {
	for s := range x.ents[k].surfaces {
		if !x.commonWord(s) {
			return false
		}
	}
	for _, m := range x.ments {
		if m.ent != k || m.kind != kName {
			continue
		}
		toks := x.sents[m.sent].Toks
		if m.j+2 >= len(toks) || toks[m.j].Text != "," {
			continue
		}
		a := m.j + 1
		// "Winter, 53, …": an age.
		if toks[a].Tag == "CD" && toks[a+1].Text == "," {
			return false
		}
		// "Finch, a former Yale law professor, …".
		if d := toks[a].Lower; d == "a" || d == "an" || d == "the" {
			for r := a + 1; r < len(toks) && r <= a+5 && toks[r].Text != ","; r++ {
				if x.g.roleNouns[toks[r].Text] {
					return false
				}
			}
		}
		for a < len(toks) && a < m.j+4 && upperFirst(toks[a].Text) {
			a++
		}
		if a > m.j+1 && a < len(toks) && (toks[a].Text == "'s" || toks[a].Text == "’s") {
			return false
		}
	}
	return true
}

// commonPhrase reports whether a person entity's names are capitalised
// common phrases, not a person's name: typed a person only weakly (no
// title, no "said"), starting with no given name, initial or family name
// written first, and ending with a common word ("Stock Market", "Fitch
// Ratings", "Individual Mandate").
func (x *docState) commonPhrase(e *entity) bool {
	if e.strength >= 3 || x.capRatio == nil {
		return false
	}
	for s := range e.surfaces {
		w := strings.Fields(s)
		if len(w) < 2 || names.Default().PlausibleFullName(s) || x.g.given[w[0]] || !x.commonWord(w[len(w)-1]) {
			return false
		}
	}
	return true
}

// titled reports whether a mention of entity k follows a title or an
// honorific: "Pope Francis", "Mr. Young" name someone by one word.
func (x *docState) titled(k int) bool {
	for _, m := range x.ments {
		if m.ent != k || m.kind != kName {
			continue
		}
		if m.i > 0 && honorifics[x.sents[m.sent].Toks[m.i-1].Text] || x.roleEndingAt(m.sent, m.i) >= 0 {
			return true
		}
	}
	return false
}

func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

// matchOrgShort: "Norvik" after "Norvik Resources" is the same company.
func (x *docState) matchOrgShort(m *mention) int {
	if w := strings.Fields(m.stripped); len(w) == 2 && ordinal(w[0]) {
		return x.numberedBody(w[0], w[1])
	}
	if strings.Contains(m.stripped, " ") || m.strength >= 3 && !m.class.IsA(schema.Organization) {
		return -1
	}
	if _, ok := names.Default().Family(m.stripped); ok {
		return -1 // "House" after "House Freedom Caucus": settleFamilies decides
	}
	for _, k := range x.personWords[m.stripped] {
		if x.ents[k].class == schema.Person {
			return -1 // "Trump" after "Donald Trump": not the "Trump administration"
		}
	}
	found := -1
	for _, k := range x.firstWords[m.stripped] {
		if !x.ents[k].class.IsA(schema.Organization) || x.ents[k].gaz != "" {
			continue
		}
		if _, head, _ := strings.Cut(x.ents[k].name(), " "); personsBodies[head] && !x.modifiesNoun(m) {
			continue // "Trump said" beside "the Trump administration" is the man
		}
		if found >= 0 && found != k {
			return -1 // two candidates: do not guess
		}
		found = k
	}
	return found
}

// numberedBody finds the one organisation named before whose name opens
// with the same ordinal and holds the word: "the 9th Circuit" after "the
// 9th U.S. Circuit Court of Appeals".
func (x *docState) numberedBody(ord, word string) int {
	found := -1
	for k, e := range x.ents {
		w := strings.Fields(e.name())
		if len(w) < 3 || w[0] != ord || !e.class.IsA(schema.Organization) || !slices.Contains(w[1:], word) {
			continue
		}
		if found >= 0 && found != k {
			return -1
		}
		found = k
	}
	return found
}

// generational suffixes end a name that news shortens with them kept.
var generational = map[string]bool{"Jr.": true, "Jr": true, "Sr.": true, "Sr": true, "II": true, "III": true}

// personsBodies follow a person's name to name what the person heads or
// runs: the name alone is the person, never the body.
var personsBodies = map[string]bool{"administration": true, "campaign": true, "presidency": true, "transition": true}

// modifiesNoun reports whether a mention stands before a noun or an
// adjective that it modifies: "the Trump presidential campaign".
func (x *docState) modifiesNoun(m *mention) bool {
	toks := x.sents[m.sent].Toks
	if m.j >= len(toks) {
		return false
	}
	t := toks[m.j].Tag
	return t == "JJ" || t == "NN" || t == "NNS"
}

// metonymVerbs after a capital make it its government: "Damascus said",
// "Ankara rejected", "Moscow denied".
var metonymVerbs = map[string]bool{"said": true, "says": true, "announced": true, "accused": true, "denied": true,
	"rejected": true, "agreed": true, "warned": true, "demanded": true, "threatened": true, "condemned": true,
	"resumed": true, "ordered": true, "recalled": true, "insisted": true, "responded": true, "protested": true,
	"urged": true, "welcomed": true, "blamed": true, "claimed": true, "vowed": true, "refused": true, "has": true, "wants": true}

// metonymGovernment names the government a capital stands for, or "".
func (x *docState) metonymGovernment(m *mention) string {
	country, ok := x.g.capitals[m.gazName]
	if !ok || m.kind != kName || m.class != schema.City {
		return ""
	}
	toks := x.sents[m.sent].Toks
	if m.i > 0 {
		// "officials in Washington said": the city is where, not who.
		if p := toks[m.i-1].Lower; p == "in" || p == "at" || p == "from" || p == "of" || p == "near" {
			return ""
		}
	}
	j := m.j
	for j < len(toks) && toks[j].Tag == "RB" {
		j++
	}
	if j >= len(toks) || !metonymVerbs[toks[j].Lower] {
		return ""
	}
	// "Damascus has" only with a political object: keep it simple, skip.
	if toks[j].Lower == "has" || toks[j].Lower == "wants" {
		if j+1 >= len(toks) || !strings.HasSuffix(toks[j+1].Lower, "ed") {
			return ""
		}
	}
	if adj, ok := x.g.adjective[country]; ok {
		return adj + " government"
	}
	return "Government of " + country
}

// headlineSentences counts the sentences at the start of the text that are
// its headline: the document's title when the text opens with it, unless the
// title ends like a sentence of the body (a first line read as the title of
// a plain-text file may be one).
func headlineSentences(doc schema.Document, sents []sentence) int {
	title := strings.TrimSpace(doc.Title)
	if title == "" || strings.HasSuffix(strings.TrimRight(title, "\"”’'"), ".") {
		return 0
	}
	start := len(doc.Text) - len(strings.TrimLeft(doc.Text, " \t\r\n"))
	if !strings.HasPrefix(doc.Text[start:], title) {
		return 0
	}
	n := 0
	for n < len(sents) && sents[n].End <= start+len(title) {
		n++
	}
	return n
}

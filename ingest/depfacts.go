package ingest

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/ingest/deppat"
	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/parser"
	"github.com/newsgraph/newsgraph/nlp/pipeline"
	"github.com/newsgraph/newsgraph/schema"
)

// lazyParser loads the dependency parser (151 MiB of heap) when a
// document is first read, not when an Extractor is made: a server that
// only answers queries does not hold it.
type lazyParser struct {
	once  sync.Once
	model *parser.Model
	err   error
}

// run parses every sentence of a tagged document.
func (l *lazyParser) run(ctx context.Context, doc *nlp.Doc) error {
	l.once.Do(func() { l.model, l.err = parser.Load() })
	if l.err != nil {
		return fmt.Errorf("loading the dependency parser: %w", l.err)
	}
	return (&pipeline.Pipeline{Parser: l.model}).Run(ctx, doc)
}

// depRulePrefix marks the evidence of a fact read by a dependency pattern
// (ingest/deppat): the row's name follows it. Several rows share a name
// with a surface rule of rules.go (title-name, x-led-y, svo-leads) whose
// measured figures and gate differ, so the prefix keeps the two apart.
const depRulePrefix = "dep:"

// depGatePrecision and depGateSupport are the figures on Reuters dev a
// deppat row needs to run by default when the gate table (gates.go) does
// not list it: the row's own figures measured by `newsgraph patterns
// --stats` on the recogniser's spans (docs/patterns.md). A row listed in
// the gate table as "dep:<row>" — measured through ingest's names, with a
// sample of its facts on the whole corpus where dev holds few — is on or
// off as the table says. Options.AllRules runs every row.
const (
	depGatePrecision = 0.8
	depGateSupport   = 1
)

// partyWords name a party by its adjective or its members; a name of
// another class with one of them inside ("Texas Republican", "Republican
// U.S."), or opening with a qualifier of the title ("Acting FBI"), is a
// span the name finder joined, not an employer.
var partyWords = map[string]bool{"republican": true, "republicans": true, "democratic": true, "democrat": true, "democrats": true}

// joinedSpan reports whether an object mention is such a joined span.
func (x *docState) joinedSpan(mi int) bool {
	m := x.ments[mi]
	if m.ent < 0 || x.ents[m.ent].class == schema.PoliticalParty {
		return false
	}
	words := strings.Fields(strings.ToLower(m.surface))
	if len(words) > 0 && (keptQualifiers[words[0]] || formerWords[words[0]]) {
		return true // "Acting FBI", "Incoming Federal Reserve", "Outgoing"
	}
	if x.g.demonyms[m.surface] != "" && !x.ents[m.ent].class.IsA(schema.Location) {
		return true // "North Korean leader X": a nationality typed as a name
	}
	for _, w := range words {
		if partyWords[w] && len(words) > 1 {
			return true
		}
	}
	return false
}

// depPatterns are the rows a document runs: those the gate table keeps
// on, or measured at the gate by their own figures when it does not list
// them; every row with AllRules.
func (x *docState) depPatterns() []*deppat.Pattern {
	if x.allRules {
		return deppat.Table()
	}
	var out []*deppat.Pattern
	for _, p := range deppat.Table() {
		if depRowOn(p) {
			out = append(out, p)
		}
	}
	return out
}

// depRowOn reports whether a row runs by default.
func depRowOn(p *deppat.Pattern) bool {
	if g, ok := ruleGates[depRulePrefix+p.Name]; ok {
		return g.On
	}
	return p.Precision >= depGatePrecision && p.Support >= depGateSupport
}

// depUnmeasured is the confidence of a row that read nothing on the dev
// gold (only run with AllRules).
const depUnmeasured = 0.5

// depFacts reads the relations the dependency patterns find in one body
// sentence and adds them to the document's facts, after the surface rules
// of the same sentence, so that a fact both read is kept once.
func (x *docState) depFacts(si int) {
	if si < x.headline || len(x.sents[si].Toks) == 0 {
		return
	}
	s := x.nlpSentence(si)
	if !parsed(s) {
		return
	}
	ments, owner, parties := x.depMentions(si, s)
	if len(ments) < 1 {
		return
	}
	pats := x.depPatterns()
	v := x.viewOf(si)
	cands := deppat.MatchWith(pats, s, ments)
	// A row that reads a title gives it as a role candidate of its own
	// (attributed to the first row that read it).
	titles := map[int][]string{}
	for _, c := range cands {
		if c.Predicate == "role" {
			titles[c.Subject.Start] = append(titles[c.Subject.Start], c.ObjectText)
		}
	}
	for _, c := range cands {
		if c.Predicate == "leads" && len(titles[c.Subject.Start]) > 0 && !anyLeader(v, titles[c.Subject.Start]) {
			// "litigation director": heads a part of the organisation,
			// as ingest's own title rules read it.
			c.Predicate = "works_for"
		}
		subj := owner[c.Subject.Start]
		if subj < 0 || x.ments[subj].ent < 0 {
			continue
		}
		lo, hi := c.Subject.Start, c.Subject.End
		obj := -1
		switch {
		case c.Predicate == "role":
			title := strings.TrimSpace(c.ObjectText)
			if title == "" {
				continue
			}
			if k := x.surfaceRole(si, x.ments[subj].ent); k >= 0 {
				x.widenRole(k, title, c, si)
				continue
			}
			obj = x.entityFor("r:"+strings.ToLower(title), "", title, schema.Role, 4, si)
		case c.Object != nil && owner[c.Object.Start] >= 0 && x.joinedSpan(owner[c.Object.Start]):
			continue
		case c.Object != nil && owner[c.Object.Start] < 0 && parties[c.Object.Start] != "":
			obj = x.partyEntity(parties[c.Object.Start], si)
		case c.Object != nil && owner[c.Object.Start] >= 0:
			// A demonym mention already resolved to its country.
			obj = x.ments[owner[c.Object.Start]].ent
			lo, hi = min(lo, c.Object.Start), max(hi, c.Object.End)
		case c.Object == nil:
			// A nationality word no name covers: the country it names.
			obj = x.countryEntity(c.ObjectText, si)
		}
		se := x.ments[subj].ent
		if obj < 0 || obj == se {
			continue
		}
		if c.Predicate == "controls" && !x.controlsTarget(se, obj, objMention(c, owner), v) {
			continue // a body held by a party is a chamber only (rules_control.go)
		}
		x.addDepFact(rawFact{subj: se, obj: obj, pred: c.Predicate, stmt: -1, rule: depRulePrefix + c.Rule,
			conf: depConfidence(c), s0: si, s1: si, qual: v.qualifiers(lo, hi, depQualifiers(c.Qualifiers))})
	}
}

// objMention is the ingest mention of a pattern's object, -1 if none.
func objMention(c deppat.Candidate, owner []int) int {
	if c.Object == nil {
		return -1
	}
	return owner[c.Object.Start]
}

// addDepFact appends a fact unless a rule already gave it in the same
// sentence; of the two, the one with the higher precision stays.
func (x *docState) addDepFact(f rawFact) {
	for i := range x.facts {
		o := &x.facts[i]
		if f.pred == "works_for" && o.pred == "leads" && o.s0 == f.s0 && o.subj == f.subj && o.obj == f.obj && x.ruleOn(o.rule) {
			return // the gold, and a reader, take a leader as leading only
		}
		if o.s0 != f.s0 || o.s1 != f.s1 || o.subj != f.subj || o.pred != f.pred || o.obj != f.obj || o.lit != f.lit || o.stmt != f.stmt {
			continue
		}
		if !x.ruleOn(o.rule) {
			continue // a fact the gate drops is no fact: this one stands
		}
		conf := o.conf
		if conf == 0 {
			conf = ruleConfidence(o.rule)
		}
		if f.conf > conf {
			// The surface rule's time and hedge stay: it knows which
			// clause dates the fact ("X, who founded Y in 2009").
			q := f.qual
			f.qual = o.qual
			for _, k := range []string{schema.QualFormer, schema.QualNegated} {
				if q[k] != "" {
					f.qual = setQual(f.qual, k)
				}
			}
			*o = f
		}
		return
	}
	x.facts = append(x.facts, f)
}

// depConfidence is a row's measured precision: its own figure on the dev
// gold, else the share of a sample of its facts on the corpus judged right
// (the gate table), else a neutral figure.
func depConfidence(c deppat.Candidate) float64 {
	if c.Precision > 0 {
		return c.Precision
	}
	if g, ok := ruleGates[depRulePrefix+c.Rule]; ok && g.Sampled > 0 {
		return float64(g.SampleRight) / float64(g.Sampled)
	}
	return depUnmeasured
}

// depQualifiers maps deppat's qualifiers to the schema's. Former, ex and
// then say the title no longer holds; acting, shadow, designate and the
// like stay in the title's text, where deppat leaves them.
func depQualifiers(qs []string) map[string]string {
	var out map[string]string
	for _, q := range qs {
		switch q {
		case "former", "ex", "then", "onetime", "one-time", "erstwhile":
			out = setQual(out, schema.QualFormer)
		case "negated":
			out = setQual(out, schema.QualNegated)
		}
	}
	return out
}

// setQual returns a copy of m with qualifier k set: qualifier maps may be
// shared between facts.
func setQual(m map[string]string, k string) map[string]string {
	out := map[string]string{k: "true"}
	for key, val := range m {
		out[key] = val
	}
	return out
}

// countryEntity resolves a country name as the gazetteer names it, or -1.
func (x *docState) countryEntity(name string, si int) int {
	e, ok := x.lookup(name)
	if !ok {
		if c, ok2 := x.g.demonyms[name]; ok2 {
			e, ok = x.lookup(c)
		}
	}
	if !ok || !e.Class.IsA(schema.Location) {
		return -1
	}
	return x.entityFor("g:"+e.Name, e.Name, "", e.Class, 3, si)
}

// nlpSentence is the language layer's view of sentence si, for deppat.
func (x *docState) nlpSentence(si int) *nlp.Sentence {
	st := x.sents[si]
	toks := make([]nlp.Token, len(st.Toks))
	for i, t := range st.Toks {
		toks[i] = t.Token
	}
	return &nlp.Sentence{Start: st.Start, End: st.End, Para: st.Para, Tokens: toks}
}

// parsed reports whether the parser ran over the sentence: a sentence
// without a parse has every token at the root.
func parsed(s *nlp.Sentence) bool {
	for _, t := range s.Tokens {
		if t.Rel != "" {
			return true
		}
	}
	return false
}

// depMentions turns the sentence's resolved names into deppat mentions,
// with the index of the ingest mention owning each token (-1 for none).
// Titles, pronouns and hyphen prefixes are not names: deppat reads titles
// from the words themselves.
//
// A party word no name covers ("Senate Democratic leader X", where the
// name finder read the words before the name as a title) is passed as a
// MISC mention of its own; parties maps its token to the word.
func (x *docState) depMentions(si int, s *nlp.Sentence) ([]deppat.Mention, []int, map[int]string) {
	owner := make([]int, len(s.Tokens))
	for i := range owner {
		owner[i] = -1
	}
	var out []deppat.Mention
	for _, mi := range x.sentMents[si] {
		m := x.ments[mi]
		if m.ent < 0 || m.kind == kRole || m.kind == kPronoun || m.kind == kHyphen || m.i >= m.j || m.j > len(s.Tokens) {
			continue
		}
		if owner[m.i] >= 0 {
			continue // a shorter mention inside a longer one (sorted longest first)
		}
		if w := strings.Fields(strings.ToLower(m.surface)); m.kind == kName && len(w) > 1 && (keptQualifiers[w[0]] || formerWords[w[0]]) && depClass(x.ents[m.ent].class) != "PER" {
			// "Shadow Home" of Shadow Home Secretary: title words the name
			// finder took for a name; deppat reads them as the title.
			continue
		}
		cls := depClass(x.ents[m.ent].class)
		if m.kind == kDemonym || x.ents[m.ent].class == schema.PoliticalParty && partyAdjective(m.surface) {
			// "Republican President X": a party named by its adjective is
			// the holder's side (member_of), as the recogniser's MISC,
			// not an organisation a leader's title heads.
			cls = "MISC"
		}
		dm := deppat.Mention{Start: m.i, End: m.j, Class: cls}
		if cls == "PER" {
			dm = deppat.TrimTitle(s, dm)
		}
		for i := m.i; i < m.j; i++ {
			owner[i] = mi
		}
		out = append(out, dm)
	}
	var parties map[int]string
	for i, t := range s.Tokens {
		if owner[i] >= 0 || i == 0 || !upperFirst(t.Text) || !isAffiliation(t.Text) || groupWord(t.Text) {
			continue
		}
		if parties == nil {
			parties = map[int]string{}
		}
		parties[i] = t.Text
		out = append(out, deppat.Mention{Start: i, End: i + 1, Class: "MISC"})
	}
	return out, owner, parties
}

// partyEntity resolves a party word as the gazetteer names it, or -1.
func (x *docState) partyEntity(word string, si int) int {
	e, ok := x.lookup(word)
	if !ok || e.Class != schema.PoliticalParty {
		return -1
	}
	return x.entityFor("g:"+e.Name, e.Name, word, e.Class, 3, si)
}

// depClass maps a schema class to the coarse class deppat's rows name.
func depClass(c schema.Class) string {
	switch c.Top() {
	case schema.Person:
		return "PER"
	case schema.Organization:
		return "ORG"
	case schema.Location:
		return "LOC"
	}
	return "MISC"
}

// surfaceRole is the index of the title a surface rule already gave the
// person in the sentence, or -1: the title ingest read from its own role
// mention stands (measured better on Reuters dev than a second reading of
// the same words), unless widenRole finds it cut short.
func (x *docState) surfaceRole(si, person int) int {
	for k, f := range x.facts {
		if f.s0 == si && f.subj == person && f.pred == "role" && !strings.HasPrefix(f.rule, depRulePrefix) && x.ruleOn(f.rule) {
			return k
		}
	}
	return -1
}

// widenRole replaces the surface rule's title k by the pattern's when the
// pattern's is the same title with capitalised words or a kept qualifier
// before it ("Shadow Home Secretary" for "Secretary", "acting director"
// for "director"): what ingest's role mention left off.
func (x *docState) widenRole(k int, title string, c deppat.Candidate, si int) {
	f := &x.facts[k]
	old := x.ents[f.obj].name()
	lt, lo := strings.ToLower(title), strings.ToLower(old)
	rest, of := strings.CutPrefix(title, old+" of ")
	if !of {
		rest, _ = strings.CutPrefix(title, old+" ")
	}
	if rest != "" && rest != title && allLowerWords(rest) && (of || !strings.Contains(old, " ")) {
		// "chief" of "chief of staff": deppat's title table knows the
		// complement that makes the office. "chief" of "chief financial
		// officer": the surface rule stopped at a title word that only
		// modifies the head noun deppat reads.
		f.obj = x.entityFor("r:"+lt, "", title, schema.Role, 4, si)
		f.rule = depRulePrefix + c.Rule
		f.conf = depConfidence(c)
		return
	}
	if len(lt) <= len(lo) || !strings.HasSuffix(lt, " "+lo) {
		return
	}
	// "Chief of Staff General X": the words before the title end another
	// title of the name's ("Staff" of "Chief of Staff"), not this one.
	if pre := strings.TrimSpace(title[:len(title)-len(old)]); pre != "" {
		for _, mi := range x.sentMents[si] {
			if m := x.ments[mi]; m.kind == kRole && m.surface != pre && strings.HasSuffix(m.surface, " "+pre) {
				return
			}
		}
	}
	// Tags of the words after the first: a capital opening the sentence
	// says nothing of a proper noun ("Chief executive X", "Today President").
	tags := map[string]string{}
	for _, t := range x.sents[si].Toks[1:] {
		if _, ok := tags[t.Text]; !ok {
			tags[t.Text] = t.Tag
		}
	}
	for _, w := range strings.Fields(title[:len(title)-len(old)]) {
		if keptQualifiers[strings.ToLower(w)] {
			continue
		}
		// A proper noun of the office (House, Homeland, Shadow Home), not
		// an adjective in capitals (Moderate Senator), a day, a
		// nationality, a party or a place (U.S. Attorney General: the place is its own
		// fact).
		if !upperFirst(w) || !strings.HasPrefix(tags[w], "NNP") || timeWords[w] || partyWords[strings.ToLower(w)] || x.g.demonyms[w] != "" {
			return
		}
		if e, ok := x.lookup(w); ok && e.Class.IsA(schema.Location) {
			return
		}
	}
	f.obj = x.entityFor("r:"+lt, "", title, schema.Role, 4, si)
	f.rule = depRulePrefix + c.Rule
	f.conf = depConfidence(c)
	if dq := depQualifiers(c.Qualifiers); dq[schema.QualFormer] != "" {
		f.qual = setQual(f.qual, schema.QualFormer)
	}
}

// allLowerWords reports whether w is one or more lower-case words.
func allLowerWords(w string) bool {
	return strings.TrimSpace(w) != "" && strings.ToLower(w) == w
}

// keptQualifiers stay in a title's text (deppat keeps them there too).
var keptQualifiers = map[string]bool{"acting": true, "shadow": true, "designate": true, "interim": true, "incoming": true, "outgoing": true}

// anyLeader reports whether one of the titles names a leader.
func anyLeader(v *view, titles []string) bool {
	for _, t := range titles {
		if v.isLeader(t) {
			return true
		}
	}
	return false
}

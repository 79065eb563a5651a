package deppat

import (
	"fmt"
	"strings"
)

// Pattern is one row of the table: a dependency path from the subject
// mention's head (X) to the object mention's head (Y), or to a title node (T)
// for role rows, with constraints on the nodes along the way.
//
// Path notation, in the spirit of Semgrex: nodes and steps alternate,
// separated by spaces. A node is a name (X, Y, T, or _ for any) with optional
// constraints in brackets; a step is >rel (to a dependent by rel) or <rel
// (to the head, the current node being its rel). Relations and constraint
// values list alternatives with '|'. Constraints, comma-separated:
//
//	title          the lemma is a title noun (president, chairman, ...)
//	lemma=a|b      the lemma is one of
//	upos=A|B       the universal tag is one of
//	case=a|b       a dependent by case (or mark) is one of the words
//	det=a|b        a determiner of the node is one of the words (a Republican)
//	paren          the name stands in parentheses (the agency of a
//	               dateline: "(Reuters) -" is no actor)
//	prep           the word before the node's name (past an article) is a
//	               preposition after a proper noun: the name ends a longer
//	               one (Commission of Inquiry on Syria Chairman X: Syria owns
//	               no title)
//	cop            the node has a copula dependent
//	!case          the node has no case dependent
//	!neg           the node has no negation (not, never, n't)
//	!mention       the node is not inside any mention
//	!poss          the node has no possessive dependent (his, her, X's)
//	left / right   the node is left / right of the previous node
//	modal          the node has a modal auxiliary (may, might, could, would …)
//	               or opens a condition (if, unless, whether): a possibility
//	               is no fact, and never a time
//	comma          the word is a comma
//	chamber        the word heads a chamber's name (House, Senate; not the
//	               White House)
//	plural         the word is a plural noun (Senators A and B)
//	demonym        the word (or the name it is in) is a nationality: the
//	               object is then the country (Canadian → Canada)
//	caps           the word is in capitals (a dateline: WASHINGTON (Reuters))
//	rank           a rank opens the title the word heads (No. 2 Senate
//	               Republican): the rank makes a party noun an office
//	named          a person's name follows the word right away (former
//	               spokesman Ivo Brand): the title is that name's
//
// The step <- reads the surface instead of the tree: it goes to the word right
// before the current node's name (or, from T, before its whole title), and
// from a word inside a name to the name's head; -> goes to the word right
// after the current node's name (past an article); ->* to any word of the
// noun phrase that follows it. Titles before names are
// read this way because the parser attaches them unreliably.
//
// X and Y must head mentions whose classes are in Subj and Obj.
type Pattern struct {
	Name string
	Pred string // predicate between X and Y; "role" for title-only rows
	Role bool   // also yield role X T (the title at node T)
	// Demonym: Y is a nationality word, named or not; the object is its
	// country (Canadian Prime Minister X → leads Canada).
	Demonym bool
	Path    string   // the dependency path in the notation above
	Subj    []string // mention classes allowed at X
	Obj     []string // mention classes allowed at Y
	Notes   string   // the construction, with an example we wrote

	// Measured figures: correct candidates / candidates on the 25 Reuters
	// dev gold articles, and on the CoNLL04 train split (five predicates).
	Precision, ConllPrecision float64
	Support, ConllSupport     int

	steps []step
}

type step struct {
	adjacent bool     // <- : the word right before the current name or title; -> right after
	forward  bool     // -> rather than <-
	span     bool     // ->* : any word further right within the noun phrase
	up       bool     // < (to the head) or > (to a dependent)
	rels     []string // relations allowed on the arc
	node     node     // the node reached
}

type node struct {
	name string
	cons []constraint
}

type constraint struct {
	kind string
	neg  bool
	vals []string
}

// compile parses the path; a malformed path is a programming error in the
// table, reported by Validate and the package test.
func (p *Pattern) compile() error {
	if p.steps != nil {
		return nil
	}
	fields := strings.Fields(p.Path)
	if len(fields) == 0 || len(fields)%2 == 0 {
		return fmt.Errorf("pattern %s: path %q: want node (step node)*", p.Name, p.Path)
	}
	first, err := parseNode(fields[0])
	if err != nil || first.name != "X" {
		return fmt.Errorf("pattern %s: path must start at X: %q", p.Name, fields[0])
	}
	steps := []step{{node: first}}
	for i := 1; i < len(fields); i += 2 {
		f := fields[i]
		if f == "<-" || f == "->" || f == "->*" {
			n, err := parseNode(fields[i+1])
			if err != nil {
				return fmt.Errorf("pattern %s: %w", p.Name, err)
			}
			steps = append(steps, step{adjacent: true, forward: f != "<-", span: f == "->*", node: n})
			continue
		}
		if len(f) < 2 || (f[0] != '<' && f[0] != '>') {
			return fmt.Errorf("pattern %s: step %q: want <rel, >rel or <-", p.Name, f)
		}
		n, err := parseNode(fields[i+1])
		if err != nil {
			return fmt.Errorf("pattern %s: %w", p.Name, err)
		}
		steps = append(steps, step{up: f[0] == '<', rels: strings.Split(f[1:], "|"), node: n})
	}
	last := steps[len(steps)-1].node.name
	if last != "Y" && last != "T" {
		return fmt.Errorf("pattern %s: path must end at Y or T", p.Name)
	}
	if p.Role && !hasNode(steps, "T") {
		return fmt.Errorf("pattern %s: a role row needs a T node", p.Name)
	}
	p.steps = steps
	return nil
}

func hasNode(steps []step, name string) bool {
	for _, s := range steps {
		if s.node.name == name {
			return true
		}
	}
	return false
}

func parseNode(f string) (node, error) {
	name, rest, ok := strings.Cut(f, "[")
	n := node{name: name}
	if name == "" {
		return n, fmt.Errorf("node %q: no name", f)
	}
	if !ok {
		return n, nil
	}
	if !strings.HasSuffix(rest, "]") {
		return n, fmt.Errorf("node %q: unclosed [", f)
	}
	for _, c := range strings.Split(strings.TrimSuffix(rest, "]"), ",") {
		var k constraint
		if strings.HasPrefix(c, "!") {
			k.neg, c = true, c[1:]
		}
		kind, vals, hasVals := strings.Cut(c, "=")
		k.kind = kind
		if hasVals {
			k.vals = strings.Split(vals, "|")
		}
		switch kind {
		case "chamber", "comma", "plural", "demonym", "modal", "caps", "title", "cop", "neg", "mention", "poss", "left", "right", "case", "lemma", "upos", "det", "prep", "paren", "rank", "named", "aux", "cond":
		default:
			return n, fmt.Errorf("node %q: unknown constraint %q", f, kind)
		}
		n.cons = append(n.cons, k)
	}
	return n, nil
}

// before is the word right before token i's name (or title, when title is
// set), moved to the head of the name it is in; -1 at the sentence start.
func (g *graph) before(i int, title bool) int {
	start := i
	if mi := g.inside[i]; mi >= 0 {
		start = g.mentions[mi].Start
	} else if title {
		// White House Chief of Staff X: the title starts at its head, chief
		if h := g.ofTitleHead(i); h >= 0 {
			i = h
		}
		start = g.titleStart(i)
	}
	j := start - 1
	if j < 0 {
		return -1
	}
	if mi := g.inside[j]; mi >= 0 {
		m := g.mentions[mi]
		return spanHead(g.s, m.Start, m.End)
	}
	return j
}

// phraseAfter lists the words after token i's name up to the end of the
// noun phrase that follows (determiners, adjectives, nouns, names, numbers,
// participles as in managing director):
// the candidates for ->*.
func (g *graph) phraseAfter(i int) []int {
	end := i + 1
	if mi := g.inside[i]; mi >= 0 {
		end = g.mentions[mi].End
	}
	var out []int
	for j := end; j < len(g.s.Tokens); j++ {
		t := g.s.Tokens[j]
		if g.inside[j] < 0 && !oneOf(t.UPOS, []string{"DET", "ADJ", "NOUN", "PROPN", "NUM"}) && t.Tag != "VBG" && t.Tag != "VBN" {
			break
		}
		out = append(out, j)
	}
	return out
}

// after is the word right after token i's name, past an article, moved to
// the head of the name it is in; -1 at the sentence end.
func (g *graph) after(i int) int {
	end := i + 1
	if mi := g.inside[i]; mi >= 0 {
		end = g.mentions[mi].End
	}
	for end < len(g.s.Tokens) && g.inside[end] < 0 && oneOf(strings.ToLower(g.s.Tokens[end].Text), []string{"the", "a", "an"}) {
		end++
	}
	if end >= len(g.s.Tokens) {
		return -1
	}
	if mi := g.inside[end]; mi >= 0 {
		m := g.mentions[mi]
		return spanHead(g.s, m.Start, m.End)
	}
	return end
}

// binding is one way the path matched: the token at each named node.
type binding struct {
	x, y, t int
}

// walk follows the path from the subject head x and returns every binding.
func (p *Pattern) walk(g *graph, x int) []binding {
	var out []binding
	var rec func(k, cur, prev int, b binding)
	rec = func(k, cur, prev int, b binding) {
		n := p.steps[k].node
		if !g.satisfies(n, cur, prev) {
			return
		}
		switch n.name {
		case "Y":
			b.y = cur
		case "T":
			b.t = cur
		}
		if k == len(p.steps)-1 {
			out = append(out, b)
			return
		}
		st := p.steps[k+1]
		if st.adjacent {
			if st.span {
				for _, j := range g.phraseAfter(cur) {
					rec(k+1, j, cur, b)
				}
				return
			}
			j := -1
			if st.forward {
				j = g.after(cur)
			} else {
				j = g.before(cur, n.name == "T")
			}
			if j >= 0 {
				rec(k+1, j, cur, b)
			}
			return
		}
		if st.up {
			h := g.s.Tokens[cur].Head
			if h >= 0 && h < len(g.s.Tokens) && oneOf(g.s.Tokens[cur].Rel, st.rels) {
				rec(k+1, h, cur, b)
			}
			return
		}
		for _, c := range g.children[cur] {
			if oneOf(g.s.Tokens[c].Rel, st.rels) {
				rec(k+1, c, cur, b)
			}
		}
	}
	if len(p.steps) > 1 && !p.steps[1].adjacent && p.steps[1].up && g.hostsTitled(x) {
		// "Vela Bureau spokeswoman Ana Ruiz criticized …": the parser hangs
		// the person off the organisation, which is not the actor; the
		// person is lifted into its place below.
		return nil
	}
	rec(0, x, -1, binding{x: x, y: -1, t: -1})
	// "headed by Democrat Ana Ruiz", "backed by billionaire donor Ana
	// Ruiz": the parser hangs the name off the title or party word before
	// it, which then stands in the name's place in the clause; "Vela
	// Bureau spokeswoman Ana Ruiz criticized": off the organisation before
	// the title (liftHost).
	if len(p.steps) > 1 && !p.steps[1].adjacent && p.steps[1].up {
		for _, h := range []int{g.lift(x), g.liftHost(x)} {
			if h < 0 || !g.satisfies(p.steps[0].node, x, -1) {
				continue
			}
			st := p.steps[1]
			if t := g.s.Tokens[h]; t.Head >= 0 && t.Head < len(g.s.Tokens) && oneOf(t.Rel, st.rels) {
				rec(1, t.Head, h, binding{x: x, y: -1, t: -1})
			}
		}
	}
	return out
}

// lift is the word a person's name hangs from when that word is a title
// or a party word right before the name (Democrat Ana Ruiz, donor Ana
// Ruiz), or -1.
func (g *graph) lift(x int) int {
	mi, ok := g.headOf[x]
	if !ok {
		return -1
	}
	m := g.mentions[mi]
	t := g.s.Tokens[x]
	h := t.Head
	if !oneOf(t.Rel, []string{"flat", "appos", "compound"}) || h < 0 || h >= m.Start || h < m.Start-4 {
		return -1
	}
	ht := g.s.Tokens[h]
	if hi := g.inside[h]; hi >= 0 {
		// a one-word party name the caller gave as a mention
		if hm := g.mentions[hi]; hm.End-hm.Start == 1 && partyWord(ht.Text) {
			return h
		}
		return -1
	}
	for i := h + 1; i < m.Start; i++ {
		if g.inside[i] >= 0 {
			return -1
		}
	}
	if isTitle(ht.Lemma, ht.Text) || partyWord(ht.Text) {
		return h
	}
	return -1
}

// liftHost is the head of the name a person's name hangs from when that
// name stands right before it with only a title between (U.S. President
// Ana Ruiz, Vela Bureau spokeswoman Ana Ruiz: the parser makes the person
// an appositive of the organisation or place), or -1. The person then
// stands in that name's place in the clause.
func (g *graph) liftHost(x int) int {
	mi, ok := g.headOf[x]
	if !ok || g.mentions[mi].Class != "PER" {
		return -1
	}
	m := g.mentions[mi]
	t := g.s.Tokens[x]
	h := t.Head
	// conj: "Philippines President Ana Ruiz attacked" parsed as a list
	if !oneOf(t.Rel, []string{"flat", "appos", "compound", "conj"}) || h < 0 || h >= m.Start {
		return -1
	}
	hi := g.inside[h]
	if hi < 0 {
		return -1
	}
	hm := g.mentions[hi]
	if hm.Class == "PER" || hm.Class == "MISC" || hm.End >= m.Start || m.Start-hm.End > 4 {
		return -1
	}
	for i := hm.End; i < m.Start; i++ {
		if g.inside[i] >= 0 || g.s.Tokens[i].UPOS == "PUNCT" {
			return -1
		}
	}
	if last := g.s.Tokens[m.Start-1]; !isTitle(last.Lemma, last.Text) {
		return -1
	}
	hh := spanHead(g.s, hm.Start, hm.End)
	if hh != h {
		return -1
	}
	return hh
}

// hostsTitled reports whether the name headed by x is an organisation or a
// place followed by a title and a person's name (Vela Bureau spokeswoman
// Ana Ruiz): the name then qualifies the title and is not the clause's
// actor, however the parser attached it (as the person's head, liftHost,
// or as a second subject).
func (g *graph) hostsTitled(x int) bool {
	mi, ok := g.headOf[x]
	if !ok || g.mentions[mi].Class == "PER" || g.mentions[mi].Class == "MISC" {
		return false
	}
	m := g.mentions[mi]
	for j := m.End; j < len(g.s.Tokens) && j <= m.End+4; j++ {
		if pi := g.inside[j]; pi >= 0 {
			last := g.s.Tokens[j-1]
			return j > m.End && g.mentions[pi].Class == "PER" && isTitle(last.Lemma, last.Text)
		}
		if g.s.Tokens[j].UPOS == "PUNCT" {
			return false
		}
	}
	return false
}

// partyWord: a party named by its members or its adjective.
func partyWord(w string) bool { return partyWordSet[strings.ToLower(w)] }

// partyWordSet is the table's partyWords as a set.
var partyWordSet = setOf(strings.ReplaceAll(strings.TrimPrefix(partyWords, "lemma="), "|", " "))

func oneOf(s string, set []string) bool {
	for _, v := range set {
		if s == v {
			return true
		}
	}
	return false
}

var modals = []string{"may", "might", "could", "would", "should", "can"}

// conditions mark a clause that only supposes its event ("unless Y has
// attacked", "if X wins"): for !modal it is as unreal as "could".
var conditions = []string{"if", "unless", "whether"}

var negations = []string{"not", "n't", "never", "no"}

func (g *graph) satisfies(n node, i, prev int) bool {
	tok := g.s.Tokens[i]
	for _, c := range n.cons {
		ok := false
		switch c.kind {
		case "title":
			ok = isTitle(tok.Lemma, tok.Text) || g.ofTitleHead(i) >= 0
		case "lemma":
			ok = oneOf(strings.ToLower(tok.Lemma), c.vals) || oneOf(strings.ToLower(tok.Text), c.vals) ||
				oneOf(strings.ToLower(titleAbbreviations[strings.ToLower(tok.Text)]), c.vals)
		case "upos":
			ok = oneOf(tok.UPOS, c.vals)
		case "case":
			ok = g.hasChild(i, []string{"case", "mark"}, c.vals)
		case "cop":
			ok = g.hasChild(i, []string{"cop"}, nil)
		case "det":
			ok = g.hasChild(i, []string{"det"}, c.vals)
		case "prep":
			ok = g.afterPreposition(i)
		case "paren":
			ok = g.inParens(i)
		case "comma":
			ok = tok.Text == ","
		case "chamber":
			ok = g.chamber(i)
		case "plural":
			ok = tok.Tag == "NNS" || tok.Tag == "NNPS"
		case "demonym":
			_, ok = g.country(i)
		case "cond":
			// a clause of condition hangs on the node: "should step aside
			// if the charges are true" supposes, it does not call
			ok = g.conditional(i)
		case "aux":
			// aux=should|must: the clause says what ought to happen
			ok = g.hasChild(i, []string{"aux"}, c.vals)
		case "modal":
			ok = g.hasChild(i, []string{"aux"}, modals) || g.hasChild(i, []string{"mark"}, conditions)
		case "caps":
			ok = len(tok.Text) > 1 && strings.ToUpper(tok.Text) == tok.Text && strings.ToLower(tok.Text) != tok.Text
		case "neg":
			ok = g.hasChild(i, []string{"advmod", "neg", "det"}, negations) || g.negatedCopula(i)
		case "mention":
			ok = g.inside[i] >= 0
		case "named":
			ok = i+1 < len(g.s.Tokens) && g.inside[i+1] >= 0 && g.mentions[g.inside[i+1]].Start == i+1 && g.mentions[g.inside[i+1]].Class == "PER"
		case "poss":
			ok = g.hasChild(i, []string{"nmod:poss"}, nil)
		case "rank":
			ok = g.rankStart(i) >= 0
		case "left":
			ok = prev >= 0 && i < prev
		case "right":
			ok = prev >= 0 && i > prev
		}
		if ok == c.neg {
			return false
		}
	}
	return true
}

// conditional reports whether a clause of condition follows token i:
// a dependent opened by "if", "unless" or "whether", or, as the parser
// often hangs that clause elsewhere, "if" within the next few words
// before a comma ("should step aside if the charges are true").
func (g *graph) conditional(i int) bool {
	for _, c := range g.children[i] {
		if g.hasChild(c, []string{"mark"}, conditions) {
			return true
		}
	}
	for j := i + 1; j < len(g.s.Tokens) && j <= i+6; j++ {
		w := strings.ToLower(g.s.Tokens[j].Text)
		if w == "," || w == ";" {
			break
		}
		if oneOf(w, conditions) {
			return true
		}
	}
	return false
}

// negatedCopula reports whether a negation stands between node i's copula
// and i (is not Vela's chief: the parser may hang the not on Vela).
func (g *graph) negatedCopula(i int) bool {
	for _, c := range g.children[i] {
		if g.s.Tokens[c].Rel != "cop" || c > i {
			continue
		}
		for j := c + 1; j < i; j++ {
			if oneOf(strings.ToLower(g.s.Tokens[j].Text), negations) {
				return true
			}
		}
	}
	return false
}

// chamber reports whether token i heads a legislative chamber's name
// (House, Senate, the U.S. House): the White House is no chamber.
func (g *graph) chamber(i int) bool {
	if !chamberSet[strings.ToLower(g.s.Tokens[i].Lemma)] {
		return false
	}
	return i == 0 || g.inside[i-1] != g.inside[i] || g.inside[i] < 0 || !strings.EqualFold(g.s.Tokens[i-1].Text, "white")
}

// chamberSet is the table's chamberWords as a set.
var chamberSet = setOf(strings.ReplaceAll(strings.TrimPrefix(chamberWords, "lemma="), "|", " "))

// inParens reports whether token i's name opens right after a "(".
func (g *graph) inParens(i int) bool {
	start := i
	if mi := g.inside[i]; mi >= 0 {
		start = g.mentions[mi].Start
	}
	return start > 0 && g.s.Tokens[start-1].Text == "("
}

// afterPreposition reports whether the word before token i's name, past
// an article, is a preposition after a proper noun: the name ends a longer
// name (Commission of Inquiry on Syria), not "met with Apple CEO X".
func (g *graph) afterPreposition(i int) bool {
	start := i
	if mi := g.inside[i]; mi >= 0 {
		start = g.mentions[mi].Start
	}
	j := start - 1
	if j >= 0 && oneOf(strings.ToLower(g.s.Tokens[j].Text), []string{"the", "a", "an"}) {
		j--
	}
	return j > 0 && g.s.Tokens[j].UPOS == "ADP" && g.s.Tokens[j-1].UPOS == "PROPN"
}

// hasChild reports whether token i has a dependent by one of rels whose
// lower-cased text is one of words (any word when words is nil).
func (g *graph) hasChild(i int, rels, words []string) bool {
	for _, c := range g.children[i] {
		t := g.s.Tokens[c]
		if oneOf(t.Rel, rels) && (words == nil || oneOf(strings.ToLower(t.Text), words)) {
			return true
		}
	}
	return false
}

// match runs the pattern from every mention head of an allowed class.
func (p *Pattern) match(g *graph) []Candidate {
	if err := p.compile(); err != nil {
		return nil
	}
	var out []Candidate
	for x, mi := range g.headOf {
		subj := g.mentions[mi]
		if !oneOf(subj.Class, p.Subj) {
			continue
		}
		for _, b := range p.walk(g, x) {
			var title string
			var quals []string
			if b.t >= 0 {
				// Attorney General: a title word followed by another is not the title's head
				if n := b.t + 1; n < len(g.s.Tokens) && g.inside[n] < 0 && isTitle(g.s.Tokens[n].Lemma, g.s.Tokens[n].Text) {
					continue
				}
				title, quals = g.title(b.t)
				if title == "" {
					continue
				}
			}
			if b.y >= 0 && p.Demonym {
				if c, ok := g.country(b.y); ok && g.rewrite(p.Pred, b.t, Mention{}) != "" && p.Pred != "role" {
					var obj *Mention
					if oi, ok := g.headOf[b.y]; ok {
						m := g.mentions[oi]
						obj = &m
					}
					out = append(out, Candidate{Subject: subj, Predicate: g.rewrite(p.Pred, b.t, Mention{}), Object: obj,
						ObjectText: c, Rule: p.Name, Qualifiers: quals, Precision: p.Precision})
				}
			} else if b.y >= 0 {
				oi, ok := g.headOf[b.y]
				if !ok || oi == mi || !oneOf(g.mentions[oi].Class, p.Obj) {
					continue
				}
				obj := g.mentions[oi]
				if pred := g.rewrite(p.Pred, b.t, obj); pred != "" && pred != "role" {
					out = append(out, Candidate{Subject: subj, Predicate: pred, Object: &obj,
						ObjectText: g.text(obj.Start, obj.End), Rule: p.Name, Qualifiers: quals, Precision: p.Precision})
				}
			}
			if b.t >= 0 && (p.Role || p.Pred == "role") {
				out = append(out, Candidate{Subject: subj, Predicate: "role", ObjectText: title,
					Rule: p.Name, Qualifiers: quals, Precision: p.Precision})
			}
		}
	}
	return out
}

// rewrite applies the rewrites table to a row's predicate given its title
// node t (or -1) and object mention.
func (g *graph) rewrite(pred string, t int, obj Mention) string {
	var title []string
	if t >= 0 {
		for i := g.titleStart(t); i <= t; i++ {
			title = append(title, strings.Split(strings.ToLower(g.s.Tokens[i].Text), "-")...)
		}
	}
	last := ""
	if obj.End > obj.Start {
		last = strings.ToLower(g.s.Tokens[obj.End-1].Text)
	}
	for _, r := range rewrites {
		if r.from != pred {
			continue
		}
		titleHit := false
		for _, w := range title {
			titleHit = titleHit || r.titleWords[w]
		}
		if (r.titleWords == nil || titleHit) && (r.objectWords == nil || r.objectWords[last]) &&
			(r.object == nil || obj.End > obj.Start && r.object(g.text(obj.Start, obj.End))) {
			pred = r.to
			if pred == "" {
				return ""
			}
		}
	}
	return pred
}

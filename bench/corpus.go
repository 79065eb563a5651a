// Package bench is newsgraph's benchmark harness: a deterministic synthetic
// news corpus (Corpus, WriteJSONL), and Run, which ingests a corpus of N
// articles into a fresh store through the real pipeline, runs every saved
// query, and measures the ratios issue 6 asks to hold side by side in one
// run: ingest vs the NLP stage alone, our store writes vs Cayley's bulk
// AddQuadSet, and the REST query route vs Cayley's /api/v2/query.
package bench

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"math/rand"
	"strings"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/schema"
)

// Generator makes the articles of one seed's corpus. Article i depends only
// on the seed and i, so corpora of different sizes share their prefix and
// articles can be made in any order or in parallel.
type Generator struct {
	seed int64
	w    *world
	// Per-province lists built once, read-only afterwards.
	provTowns  [][]int
	provGroups [][]int
}

var (
	worldMu    sync.Mutex
	worldCache = map[int64]*Generator{}
)

// NewGenerator builds (or reuses) the invented world of a seed. It is safe
// for concurrent use.
func NewGenerator(seed int64) *Generator {
	// The world takes ~50 ms to build; benchmarks and tests ask for the
	// same seed again and again.
	worldMu.Lock()
	defer worldMu.Unlock()
	if g, ok := worldCache[seed]; ok {
		return g
	}
	g := &Generator{seed: seed, w: newWorld(seed)}
	g.index()
	worldCache[seed] = g
	return g
}

// index builds the per-province lists.
func (g *Generator) index() {
	w := g.w
	g.provTowns, g.provGroups = make([][]int, len(w.provinces)), make([][]int, len(w.provinces))
	for i, t := range w.towns {
		g.provTowns[t.province] = append(g.provTowns[t.province], i)
		if t.holder >= 0 {
			g.provGroups[t.province] = append(g.provGroups[t.province], t.holder)
		}
	}
	for i, gr := range w.groups {
		g.provGroups[gr.province] = append(g.provGroups[gr.province], i)
	}
}

// Corpus streams the n articles of the seed's corpus, one at a time: a
// corpus of any size never sits in memory.
func Corpus(seed int64, n int) iter.Seq[schema.Document] {
	g := NewGenerator(seed)
	return func(yield func(schema.Document) bool) {
		for i := range n {
			if !yield(g.Article(i)) {
				return
			}
		}
	}
}

// jsonlDoc is the JSON Lines shape ingest.Read accepts.
type jsonlDoc struct {
	ID        string `json:"id"`
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	Source    string `json:"source,omitempty"`
	Published string `json:"published,omitempty"`
	Text      string `json:"text"`
}

// WriteJSONL writes the seed's first n articles as JSON Lines, the corpus
// format `newsgraph ingest` reads.
func WriteJSONL(w io.Writer, seed int64, n int) error {
	bw := bufio.NewWriterSize(w, 256<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for d := range Corpus(seed, n) {
		if err := enc.Encode(toJSONL(d)); err != nil {
			return fmt.Errorf("bench: write corpus: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("bench: write corpus: %w", err)
	}
	return nil
}

func toJSONL(d schema.Document) jsonlDoc {
	j := jsonlDoc{ID: d.ID, Title: d.Title, URL: d.URL, Source: d.Source, Text: d.Text}
	if !d.Published.IsZero() {
		j.Published = d.Published.Format(time.RFC3339)
	}
	return j
}

// Words counts words the way the pipeline does (strings.Fields).
func Words(text string) int { return len(strings.Fields(text)) }

// article is the state of one article being written.
type article struct {
	g   *Generator
	w   *world
	r   *rand.Rand
	b   strings.Builder
	par int // sentences in the current paragraph
	// The cast: indexes into the world, first one the focus.
	prov    int
	country int
	towns   []int
	groups  []int
	people  []int
	outlet  int
	seen    map[string]bool
	words   int
	target  int
	day     string
	lead    string          // dateline, put before the first sentence
	said    map[string]bool // sentences already written: no repeats
}

var (
	weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	months   = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)

// Article returns article i of the corpus: 300–900 words of conflict news
// with a dateline, named people with titles, groups holding towns, states
// backing groups, attacks, quotes and populations.
func (g *Generator) Article(i int) schema.Document {
	r := rand.New(rand.NewSource(g.seed*1_000_003 + int64(i)*7919 + 17))
	w := g.w
	a := &article{g: g, w: w, r: r, seen: map[string]bool{}, said: map[string]bool{}, target: 300 + r.Intn(601)}
	a.prov = zipfIndex(r, len(w.provinces), 1.1)
	a.country = w.provinces[a.prov].country
	a.day = weekdays[r.Intn(7)]
	pt := g.provTowns[a.prov]
	a.towns = append(a.towns, w.provinces[a.prov].capital)
	for k := 0; k < 2+r.Intn(4) && len(pt) > 0; k++ {
		a.towns = append(a.towns, pt[r.Intn(len(pt))])
	}
	pg := g.provGroups[a.prov]
	for k := 0; k < 1+r.Intn(3) && len(pg) > 0; k++ {
		a.groups = append(a.groups, pg[r.Intn(len(pg))])
	}
	for k := 0; k < 1+r.Intn(2); k++ {
		a.groups = append(a.groups, zipfIndex(r, len(w.groups), 1.05))
	}
	for k := 0; k < 3+r.Intn(5); k++ {
		a.people = append(a.people, zipfIndex(r, len(w.people), 1.02))
	}
	a.outlet = zipfIndex(r, len(w.outlets), 1.2)

	published := time.Date(2015, 1, 1, 6, 0, 0, 0, time.UTC).Add(time.Duration(i%3650)*24*time.Hour + time.Duration(r.Intn(720))*time.Minute)
	title := a.headline()
	a.dateline()
	// Repeated sentences are dropped; the guard bounds the loop should the
	// cast be too small to fill the target.
	for guard := 0; a.words < a.target && guard < 1000; guard++ {
		if r.Intn(100) < 58 {
			a.fact()
		} else {
			a.filler()
		}
	}
	text := strings.TrimSpace(a.b.String())
	return schema.Document{
		ID:        fmt.Sprintf("synth-%07d", i),
		Title:     title,
		URL:       fmt.Sprintf("https://wire.example/%d/%02d/synth-%07d", published.Year(), published.Month(), i),
		Source:    w.outlets[a.outlet].name,
		Published: published,
		Text:      title + "\n\n" + text + "\n",
	}
}

func (a *article) pick(list []int) int { return list[a.r.Intn(len(list))] }
func (a *article) n(lo, hi int) int    { return lo + a.r.Intn(hi-lo+1) }
func (a *article) town() town          { return a.w.towns[a.pick(a.towns)] }
func (a *article) provName() string    { return a.w.provinces[a.prov].name }
func (a *article) countryName() string { return countries[a.country].name }

// say appends a sentence, starting a new paragraph every few sentences.
func (a *article) say(s string) {
	if a.said[s] {
		return
	}
	a.said[s] = true
	if a.lead != "" {
		s, a.lead = a.lead+s, ""
	}
	if a.par >= 2+a.r.Intn(3) {
		a.b.WriteString("\n\n")
		a.par = 0
	} else if a.b.Len() > 0 {
		a.b.WriteByte(' ')
	}
	a.b.WriteString(s)
	a.par++
	a.words += Words(s)
}

func (a *article) dateline() {
	t := a.w.towns[a.towns[0]]
	a.lead = fmt.Sprintf("%s, %s (%s) — ", strings.ToUpper(t.name), a.countryName(), a.w.outlets[a.outlet].name)
	for a.lead != "" {
		a.fact()
	}
}

func (a *article) headline() string {
	g := a.w.groups[a.pick(a.groups)]
	t := a.town()
	switch a.r.Intn(4) {
	case 0:
		return fmt.Sprintf("%s tightens grip on %s as talks stall", g.name, t.name)
	case 1:
		return fmt.Sprintf("Fighting near %s displaces thousands", t.name)
	case 2:
		return fmt.Sprintf("Residents of %s fear new offensive", t.name)
	}
	return fmt.Sprintf("%s province braces for more clashes", a.provName())
}

// groupRef names a group: the full name with its acronym the first time,
// then the acronym or the full name.
func (a *article) groupRef(gi int) string {
	g := a.w.groups[gi]
	key := "g" + g.name
	if !a.seen[key] {
		a.seen[key] = true
		if g.acronym != "" {
			return fmt.Sprintf("the %s (%s)", g.name, g.acronym)
		}
		return "the " + g.name
	}
	if g.acronym != "" && a.r.Intn(3) > 0 {
		return g.acronym
	}
	return "the " + g.name
}

// personRef names a person: full name the first time, family name after.
func (a *article) personRef(pi int) string {
	p := a.w.people[pi]
	if a.seen["p"+p.full] {
		return p.family
	}
	a.seen["p"+p.full] = true
	return p.full
}

// affiliation is the organisation a person speaks for, as text.
func (a *article) affiliation(p person) string {
	switch {
	case p.group < 0:
		return countries[p.country].name
	case p.groupKind == 0:
		return a.groupRef(p.group)
	case p.groupKind == 1:
		return "the " + a.w.bodies[p.group].name
	}
	return "the " + a.w.parties[p.group].name
}

func capFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

var quotes = []string{
	"We will not leave %s until the last family is safe",
	"The people of %s have paid too high a price for this war",
	"Our forces are ready to defend %s against any attack",
	"Nobody has told us when the roads to %s will open again",
	"There is no military solution to the crisis in %s",
	"We call on all sides to spare the civilians of %s",
	"The shelling of %s is a violation of the ceasefire",
	"Aid must reach %s before the winter comes",
	"We have evidence that fighters used the hospital in %s as a base",
	"The situation in %s is calm but very fragile",
}

// quote returns a quote mentioning a town.
func (a *article) quote() string {
	return fmt.Sprintf(quotes[a.r.Intn(len(quotes))], a.town().name)
}

// fact appends one fact-bearing sentence.
func (a *article) fact() {
	w, r := a.w, a.r
	pi := a.pick(a.people)
	p := w.people[pi]
	gi := a.pick(a.groups)
	gr := w.groups[gi]
	t := a.town()
	switch r.Intn(22) {
	case 0: // appositive role and reported speech
		if p.group >= 0 {
			a.say(fmt.Sprintf("%s, %s %s for %s, said on %s that %s.", a.personRef(pi), indef(p.role), p.role, a.affiliation(p), a.day, clauses[r.Intn(len(clauses))]))
		} else {
			a.say(fmt.Sprintf("%s %s %s said on %s that %s.", countries[p.country].adj, p.title, a.personRef(pi), a.day, clauses[r.Intn(len(clauses))]))
		}
	case 1: // quote after
		a.say(fmt.Sprintf("“%s,” %s said.", a.quote(), a.personRef(pi)))
	case 2: // quote before with title
		if p.group >= 0 {
			a.say(fmt.Sprintf("“%s,” said %s, the %s of %s.", a.quote(), a.personRef(pi), p.role, a.affiliation(p)))
		} else {
			a.say(fmt.Sprintf("“%s,” said %s %s.", a.quote(), p.title, a.personRef(pi)))
		}
	case 3: // held by
		a.say(fmt.Sprintf("%s, which is held by %s, has been under siege since %s.", t.name, a.groupRef(gi), months[r.Intn(12)]))
	case 4: // took control
		a.say(fmt.Sprintf("%s took control of %s on %s after %d days of fighting.", capFirst(a.groupRef(gi)), t.name, a.day, a.n(2, 40)))
	case 5: // X-backed Y attacked
		if gr.backer >= 0 {
			other := a.pick(a.groups)
			if other != gi {
				a.say(fmt.Sprintf("The %s-backed %s attacked positions of %s near %s on %s.", countries[gr.backer].name, gr.name, a.groupRef(other), t.name, a.day))
				return
			}
		}
		a.say(fmt.Sprintf("Fighters of %s attacked a checkpoint outside %s, killing %d people, according to the %s.", a.groupRef(gi), t.name, a.n(2, 30), w.outlets[a.outlet].name))
	case 6: // population
		a.say(fmt.Sprintf("%s, a town of about %s people in %s province, has received thousands of displaced families.", t.name, thousands(t.population), a.provName()))
	case 7: // camp
		c := w.camps[zipfIndex(r, len(w.camps), 1.1)]
		a.say(fmt.Sprintf("The %s camp, home to around %s people, lies east of %s.", c.name, thousands(a.n(5, 90)*1000), w.towns[c.town].name))
	case 8: // backs
		if gr.backer >= 0 {
			a.say(fmt.Sprintf("%s has backed %s since %d, providing weapons and training.", countries[gr.backer].name, a.groupRef(gi), a.n(2011, 2024)))
		} else {
			a.say(fmt.Sprintf("%s said it had no foreign backers and denied receiving weapons from %s.", capFirst(a.groupRef(gi)), a.countryName()))
		}
	case 9: // allied with
		if gr.ally >= 0 {
			a.say(fmt.Sprintf("%s is allied with %s, and the two groups share checkpoints along the main road.", capFirst(a.groupRef(gi)), a.groupRef(gr.ally)))
		} else {
			a.say(fmt.Sprintf("%s has opposed %s since the ceasefire collapsed.", capFirst(a.groupRef(gi)), a.groupRef(a.pick(a.groups))))
		}
	case 10: // strength
		a.say(fmt.Sprintf("%s has an estimated %s fighters and operates across %s province.", capFirst(a.groupRef(gi)), thousands(gr.strength), a.provName()))
	case 11: // leader killed / leads
		l := w.people[gr.leader]
		if r.Intn(3) == 0 {
			a.say(fmt.Sprintf("%s leader %s was killed in an air strike near %s, the %s reported.", capFirst(strings.TrimPrefix(a.groupRef(gi), "the ")), a.personRef(gr.leader), t.name, w.outlets[a.outlet].name))
		} else {
			a.say(fmt.Sprintf("%s, the leader of %s, met tribal elders in %s on %s.", a.personRef(gr.leader), a.groupRef(gi), t.name, a.day))
		}
		_ = l
	case 12: // title name of country met
		q := w.people[a.pick(a.people)]
		if p.group < 0 && q.group < 0 && q.full != p.full {
			a.say(fmt.Sprintf("%s %s %s met %s %s %s in %s to discuss a ceasefire.", countries[p.country].adj, p.title, a.personRef(pi), countries[q.country].adj, q.title, q.full, t.name))
			return
		}
		a.say(fmt.Sprintf("%s, who lives in %s, said the water supply had been cut for a week.", a.personRef(pi), w.towns[p.town].name))
	case 13: // x-based
		b := w.bodies[zipfIndex(r, len(w.bodies), 1.1)]
		a.say(fmt.Sprintf("The %s-based %s condemned the attack and called for an investigation.", w.towns[b.town].name, b.name))
	case 14: // org spokesman name
		if p.groupKind == 0 && p.group >= 0 {
			a.say(fmt.Sprintf("%s %s %s denied that its fighters had targeted civilians.", capFirst(strings.TrimPrefix(a.groupRef(p.group), "the ")), p.role, a.personRef(pi)))
		} else {
			a.say(fmt.Sprintf("%s, who lives in %s, said families were sleeping in the open.", a.personRef(pi), w.towns[p.town].name))
		}
	case 15: // governor of province
		a.say(fmt.Sprintf("%s, the governor of %s province, said %d schools had been closed.", a.personRef(pi), a.provName(), a.n(3, 80)))
	case 16: // town in province, country's province
		a.say(fmt.Sprintf("%s's %s province borders the area controlled by %s.", a.countryName(), a.provName(), a.groupRef(gi)))
	case 17: // reduced relative held
		a.say(fmt.Sprintf("Shelling hit %s, held by %s since last year, killing %d civilians.", t.name, a.groupRef(gi), a.n(2, 25)))
	case 18: // x-held
		if gr.acronym != "" {
			a.say(fmt.Sprintf("Drones struck the %s-held town of %s overnight, residents said.", gr.acronym, t.name))
		} else {
			a.say(fmt.Sprintf("Drones struck %s, which is controlled by %s, overnight, residents said.", t.name, a.groupRef(gi)))
		}
	case 19: // party member
		pa := w.parties[zipfIndex(r, len(w.parties), 1.1)]
		a.say(fmt.Sprintf("%s, a member of the %s, called the offensive a catastrophe.", a.personRef(pi), pa.name))
	case 20: // org in town
		a.say(fmt.Sprintf("The %s opened an office in %s to register displaced families.", w.bodies[zipfIndex(r, len(w.bodies), 1.1)].name, t.name))
	default: // continued quote by pronoun
		pron := "he"
		if p.female {
			pron = "she"
		}
		a.say(fmt.Sprintf("%s said the talks would resume next week. “%s,” %s added.", a.personRef(pi), a.quote(), pron))
	}
}

var clauses = []string{
	"the offensive would continue until the road was secured",
	"talks with the other factions had broken down",
	"the prisoners would be released within days",
	"reinforcements had arrived from the north",
	"the group was ready to negotiate a local truce",
	"aid convoys would be allowed through the crossing",
	"the reports of civilian casualties were exaggerated",
}

var fillers = []string{
	"Aid workers said the main road had been closed for %d days.",
	"The fighting has displaced thousands of families, many of whom fled with nothing but their clothes.",
	"Prices of bread and fuel have risen sharply in recent weeks, residents said.",
	"The United Nations has warned that the humanitarian situation could deteriorate further.",
	"Electricity is available for only %d hours a day in most neighbourhoods.",
	"Several families were seen leaving on foot, carrying blankets and water.",
	"It was not possible to independently verify the claims.",
	"Doctors at the only working hospital said they were running out of medicine.",
	"Schools have been turned into shelters, and teachers have not been paid for %d months.",
	"Local officials said the death toll was likely to rise.",
	"The clashes are the heaviest in the area since the ceasefire agreed %d years ago.",
	"Farmers said they could not reach their fields because of mines and snipers.",
	"Mobile phone networks were down for much of the day.",
	"A convoy of %d trucks carrying flour and medicine was waiting at the crossing.",
	"Witnesses described hearing explosions throughout the night.",
	"Some residents said they had not received any aid for weeks.",
}

// filler appends a background sentence: context without a relation.
func (a *article) filler() {
	f := fillers[a.r.Intn(len(fillers))]
	if strings.Contains(f, "%d") {
		f = fmt.Sprintf(f, a.n(2, 40))
	}
	a.say(f)
}

// indef is the indefinite article for a word.
func indef(w string) string {
	if w != "" && strings.ContainsRune("aeiou", rune(w[0])) {
		return "an"
	}
	return "a"
}

// thousands writes 12345 as "12,345".
func thousands(n int) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

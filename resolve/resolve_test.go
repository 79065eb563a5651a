package resolve

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

func ent(c schema.Class, name string, aliases ...string) schema.Entity {
	return schema.Entity{IRI: schema.EntityIRI(c, name), Name: name, Class: c, Aliases: append([]string{name}, aliases...)}
}

func person(name string, aliases ...string) schema.Entity {
	return ent(schema.Person, name, aliases...)
}

// article is one made-up document naming ents; roles pairs a person with
// a title it holds ("role" facts).
type article struct {
	id    string
	ents  []schema.Entity
	roles [][2]schema.Entity
}

func (a article) extraction() schema.Extraction {
	var names []string
	for _, e := range a.ents {
		names = append(names, e.Name)
	}
	text := "A made-up report naming " + strings.Join(names, ", ") + "."
	x := schema.Extraction{Document: schema.Document{ID: a.id, Text: text}, Entities: a.ents}
	for _, r := range a.roles {
		x.Entities = append(x.Entities, r[1])
		x.Facts = append(x.Facts, schema.Fact{Subject: r[0].IRI, Predicate: "role", Object: r[1].IRI,
			Evidence: schema.Evidence{DocID: a.id, Sentence: text, End: len([]rune(text)), Rule: "test", Confidence: 0.9}})
	}
	return x
}

// fillers are articles about other things, so that the entities of the
// test articles are as specific as names in a real corpus are.
func fillers(n int) []article {
	us := ent(schema.Country, "Veldland")
	var out []article
	for i := range n {
		out = append(out, article{id: fmt.Sprintf("filler-%02d", i), ents: []schema.Entity{us,
			ent(schema.City, fmt.Sprintf("Town %d", i)), person(fmt.Sprintf("Ilse Nummer%d", i))}})
	}
	return out
}

func openStore(t *testing.T, arts ...article) *graph.Store {
	t.Helper()
	ctx := context.Background()
	st, err := graph.Open(ctx, graph.Config{Path: filepath.Join(t.TempDir(), "g.db")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	var exts []schema.Extraction
	for _, a := range append(fillers(40), arts...) {
		exts = append(exts, a.extraction())
	}
	res, err := st.WriteDocuments(ctx, exts)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		if r.Err != nil {
			t.Fatalf("%s: %v", r.DocID, r.Err)
		}
	}
	return st
}

// find returns the candidates from one entity.
func find(cs []Candidate, from string) []Candidate {
	var out []Candidate
	for _, c := range cs {
		if c.From == from {
			out = append(out, c)
		}
	}
	return out
}

func propose(t *testing.T, st *graph.Store) []Candidate {
	t.Helper()
	cs, err := Propose(context.Background(), st.QuadStore())
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

var (
	// The harbour strike story: specific names both its articles share.
	harbour   = ent(schema.City, "Port Essel")
	dockUnion = ent(schema.Organization, "Essel Dockworkers Union")
	strike    = ent(schema.Organization, "Harbour Strike Committee")
	ferry     = ent(schema.Company, "Essel Ferry Lines")
	// The football story.
	club    = ent(schema.Organization, "Kelmoor Rovers")
	stadium = ent(schema.Location, "Kelmoor Park")
	league  = ent(schema.Organization, "Northern Premier Division")
)

func TestSurnameMergesOnlyInSharedContext(t *testing.T) {
	voss, vossShort := person("Mara Voss"), person("Voss")
	okafor, okaforShort := person("Daniel Okafor"), person("Okafor")
	st := openStore(t,
		article{id: "strike-1", ents: []schema.Entity{voss, harbour, dockUnion, strike, ferry}},
		article{id: "strike-2", ents: []schema.Entity{vossShort, harbour, dockUnion, strike, ferry}},
		// Okafor's two articles share nothing specific.
		article{id: "budget-1", ents: []schema.Entity{okafor, ent(schema.City, "Amberley")}},
		article{id: "match-1", ents: []schema.Entity{okaforShort, club, stadium}},
	)
	cs := propose(t, st)
	got := find(cs, vossShort.IRI)
	if len(got) != 1 || got[0].Into != voss.IRI || got[0].Rule != RuleSurname || got[0].Proposed {
		t.Fatalf("Voss: %+v, want a surname merge into Mara Voss", got)
	}
	if ev := strings.Join(got[0].Evidence, "; "); !strings.Contains(ev, "Essel Dockworkers Union") || !strings.Contains(ev, "only full name") {
		t.Errorf("evidence %q should name the shared context and the uniqueness", ev)
	}
	// A bare surname is proposed, not merged.
	got = find(cs, okaforShort.IRI)
	if len(got) != 1 || got[0].Into != okafor.IRI || !got[0].Proposed {
		t.Fatalf("Okafor: %+v, want a proposal", got)
	}
	made, err := Apply(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	if len(made) != 1 || made[0].From != vossShort.IRI || len(made[0].Evidence) != 2 {
		t.Fatalf("Apply made %+v, want only the Voss merge with its evidence", made)
	}
	// The evidence is stored with the merge.
	ms, err := st.Merges(context.Background())
	if err != nil || len(ms) != 1 || !slices.Equal(ms[0].Evidence, made[0].Evidence) {
		t.Fatalf("stored merges %+v, %v", ms, err)
	}
	// Accepting the proposal keeps its rule and evidence.
	m, err := Accept(context.Background(), st, okaforShort.IRI, okafor.IRI)
	if err != nil || m.Rule != RuleAccepted+RuleSurname || len(m.Evidence) == 0 {
		t.Fatalf("accept: %+v, %v", m, err)
	}
	if left := find(propose(t, st), okaforShort.IRI); len(left) != 0 {
		t.Errorf("accepted proposal still listed: %+v", left)
	}
}

func TestSameSurnameDifferentPeopleStayApart(t *testing.T) {
	// Even when a tagger joined "Peter Brandt" to Anna within her article
	// (an alias), different given names keep them apart.
	anna, peter := person("Christina Brandt", "Peter Brandt"), person("Peter Brandt")
	st := openStore(t,
		article{id: "strike-1", ents: []schema.Entity{anna, harbour, dockUnion, strike, ferry}},
		article{id: "strike-2", ents: []schema.Entity{peter, harbour, dockUnion, strike, ferry}},
	)
	for _, c := range propose(t, st) {
		if strings.Contains(c.From+c.Into, "brandt") {
			t.Errorf("two Brandts with different given names linked: %+v", c)
		}
	}
	// A bare "Brandt" in the same context could be either: proposed only.
	st = openStore(t,
		article{id: "strike-1", ents: []schema.Entity{anna, harbour, dockUnion, strike, ferry}},
		article{id: "strike-2", ents: []schema.Entity{peter, harbour, dockUnion, strike, ferry}},
		article{id: "strike-3", ents: []schema.Entity{person("Brandt"), harbour, dockUnion, strike, ferry}},
	)
	got := find(propose(t, st), person("Brandt").IRI)
	if len(got) != 2 || !got[0].Proposed || !got[1].Proposed {
		t.Fatalf("ambiguous Brandt: %+v, want two proposals", got)
	}
}

func TestClubAndPoliticianWithOneName(t *testing.T) {
	politician := person("John Kelmoor")
	adviser := ent(schema.Role, "National Security Adviser")
	coach := ent(schema.Role, "coach")
	clubKelmoor := ent(schema.Organization, "Kelmoor")
	coachKelmoor := person("Kelmoor")
	st := openStore(t,
		article{id: "security-1", ents: []schema.Entity{politician, harbour, dockUnion, strike, ferry}, roles: [][2]schema.Entity{{politician, adviser}}},
		// The club, and a tagger's "Kelmoor" person, in football reports
		// that share the politician's context all the same.
		article{id: "match-1", ents: []schema.Entity{clubKelmoor, club, stadium, league, harbour, dockUnion, strike, ferry}},
		article{id: "match-2", ents: []schema.Entity{coachKelmoor, club, stadium, league, harbour, dockUnion, strike, ferry}, roles: [][2]schema.Entity{{coachKelmoor, coach}}},
	)
	for _, c := range propose(t, st) {
		if c.Into == politician.IRI || c.From == politician.IRI {
			t.Errorf("club or coach linked to the politician: %+v", c)
		}
	}
	if _, err := st.Merge(context.Background(), clubKelmoor.IRI, politician.IRI, "manual"); err == nil {
		t.Error("the store merged an organisation into a person")
	}
}

func TestFamilyMergesNameVariants(t *testing.T) {
	party := ent(schema.PoliticalParty, "Conservative Party")
	tories := ent(schema.PoliticalParty, "Tories")
	toryParty := ent(schema.Organization, "the Tory party")
	demonym := ent(schema.Location, "British")
	britain := ent(schema.Country, "United Kingdom")
	torySomeone := person("Tory")
	st := openStore(t,
		article{id: "a", ents: []schema.Entity{party, britain}},
		article{id: "b", ents: []schema.Entity{tories, torySomeone}},
		article{id: "c", ents: []schema.Entity{toryParty, demonym}},
	)
	cs := propose(t, st)
	for _, from := range []string{tories.IRI, toryParty.IRI} {
		got := find(cs, from)
		if len(got) != 1 || got[0].Into != party.IRI || got[0].Rule != RuleFamily || got[0].Proposed {
			t.Errorf("%s: %+v, want a family merge into %s", from, got, party.IRI)
		}
	}
	if got := find(cs, demonym.IRI); len(got) != 1 || !got[0].Proposed || got[0].Into != britain.IRI {
		t.Errorf("a demonym should be proposed for its country: %+v", got)
	}
	if got := find(cs, torySomeone.IRI); len(got) != 0 {
		t.Errorf("a person named Tory merged: %+v", got)
	}
}

func TestFullNameWithoutTitles(t *testing.T) {
	plain := person("Hannah Ostrow")
	titled := person("Labour MP Hannah Ostrow")
	other := person("Senator Hannah Ostrowski")
	junior := person("Hannah Ostrow Jr.")
	st := openStore(t,
		article{id: "a", ents: []schema.Entity{plain}},
		article{id: "b", ents: []schema.Entity{titled, other, junior}},
	)
	cs := propose(t, st)
	got := find(cs, titled.IRI)
	if len(got) != 1 || got[0].Into != plain.IRI || got[0].Rule != RuleFullName || got[0].Proposed {
		t.Fatalf("titled name: %+v", got)
	}
	for _, e := range []schema.Entity{other, junior} {
		if got := find(cs, e.IRI); len(got) != 0 {
			t.Errorf("%s linked: %+v", e.Name, got)
		}
	}
}

func TestAliasNeedsSpellingAndContext(t *testing.T) {
	board := ent(schema.Organization, "National Rivers Board", "NRB")
	nrb := ent(schema.Organization, "NRB")
	advisory := ent(schema.Organization, "Essel Advisory Panel", "Essel")
	essel := ent(schema.Organization, "Essel")
	st := openStore(t,
		article{id: "a", ents: []schema.Entity{board, advisory, harbour, dockUnion, strike, ferry}},
		article{id: "b", ents: []schema.Entity{nrb, essel, harbour, dockUnion, strike, ferry}},
	)
	cs := propose(t, st)
	if got := find(cs, nrb.IRI); len(got) != 1 || got[0].Into != board.IRI || got[0].Proposed || got[0].Rule != RuleAlias {
		t.Errorf("acronym in shared context: %+v, want a merge", got)
	}
	if got := find(cs, essel.IRI); len(got) != 1 || !got[0].Proposed {
		t.Errorf("a shorter name that does not spell the longer out: %+v, want a proposal", got)
	}
}

func TestUnmergeIsRememberedAndRejectHolds(t *testing.T) {
	ctx := context.Background()
	voss, vossShort := person("Mara Voss"), person("Voss")
	okafor, okaforShort := person("Daniel Okafor"), person("Okafor")
	st := openStore(t,
		article{id: "strike-1", ents: []schema.Entity{voss, harbour, dockUnion, strike, ferry}},
		article{id: "strike-2", ents: []schema.Entity{vossShort, harbour, dockUnion, strike, ferry}},
		article{id: "budget-1", ents: []schema.Entity{okafor}},
		article{id: "match-1", ents: []schema.Entity{okaforShort}},
	)
	made, err := Apply(ctx, st)
	if err != nil || len(made) != 1 {
		t.Fatalf("apply: %+v, %v", made, err)
	}
	if again, err := Apply(ctx, st); err != nil || len(again) != 0 {
		t.Fatalf("second apply made %+v, %v", again, err)
	}
	if _, err := Unmerge(ctx, st, made[0].ID, false); err != nil {
		t.Fatal(err)
	}
	if again, err := Apply(ctx, st); err != nil || len(again) != 0 {
		t.Fatalf("an undone merge was made again: %+v, %v", again, err)
	}
	if _, err := Unmerge(ctx, st, "nope", false); err == nil {
		t.Error("unknown merge id accepted")
	}
	if err := Reject(ctx, st, okaforShort.IRI, okafor.IRI); err != nil {
		t.Fatal(err)
	}
	if got := find(propose(t, st), okaforShort.IRI); len(got) != 0 {
		t.Errorf("refused proposal still listed: %+v", got)
	}
	if err := Reject(ctx, st, "Okafor", okafor.IRI); err == nil {
		t.Error("a name that is not an IRI was accepted")
	}
}

// One node may hold a surname from unrelated articles ("Lee" the senator,
// "Lee" a prime minister): every article must point to the person.
func TestSurnameNeedsEveryDocument(t *testing.T) {
	voss, vossShort := person("Mara Voss"), person("Voss")
	st := openStore(t,
		article{id: "strike-1", ents: []schema.Entity{voss, harbour, dockUnion, strike, ferry}},
		article{id: "strike-2", ents: []schema.Entity{vossShort, harbour, dockUnion, strike, ferry}},
		article{id: "match-1", ents: []schema.Entity{vossShort, club, stadium, league}},
	)
	got := find(propose(t, st), vossShort.IRI)
	if len(got) != 1 || !got[0].Proposed || !strings.Contains(strings.Join(got[0].Evidence, " "), "match-1") {
		t.Fatalf("Voss in an unrelated article: %+v, want a proposal naming it", got)
	}
}

// A bare surname is the senior's, not a junior's who shares the story:
// news writes "Jr.".
func TestSurnameIsNotTheJunior(t *testing.T) {
	senior, junior, short := person("Harry Brenner"), person("Harry Brenner Jr."), person("Brenner")
	st := openStore(t,
		article{id: "a", ents: []schema.Entity{senior, harbour, dockUnion, strike, ferry}},
		article{id: "b", ents: []schema.Entity{senior, junior, club, harbour, dockUnion}},
		article{id: "c", ents: []schema.Entity{junior, short, club, harbour, strike, ferry}},
	)
	got := find(propose(t, st), short.IRI)
	if len(got) != 1 || got[0].Proposed || got[0].Into != senior.IRI {
		t.Fatalf("Brenner: %+v, want a merge into Harry Brenner", got)
	}
}

// An ambiguous family name ("Commission") joins the family's node only
// when each of its articles shares that node's context.
func TestAmbiguousFamilyNameNeedsContext(t *testing.T) {
	ec, short := ent(schema.Organization, "European Commission"), ent(schema.Organization, "Commission")
	st := openStore(t,
		article{id: "a", ents: []schema.Entity{ec, harbour, dockUnion, strike, ferry}},
		article{id: "b", ents: []schema.Entity{short, harbour, dockUnion, strike, ferry}},
	)
	if got := find(propose(t, st), short.IRI); len(got) != 1 || got[0].Proposed || got[0].Into != ec.IRI || got[0].Rule != RuleFamily {
		t.Fatalf("in shared context: %+v, want a family merge", got)
	}
	st = openStore(t,
		article{id: "a", ents: []schema.Entity{ec, harbour, dockUnion, strike, ferry}},
		article{id: "b", ents: []schema.Entity{short, harbour, dockUnion, strike, ferry}},
		article{id: "c", ents: []schema.Entity{short, club, stadium, league}},
	)
	if got := find(propose(t, st), short.IRI); len(got) != 1 || !got[0].Proposed {
		t.Fatalf("with an unrelated article: %+v, want a proposal", got)
	}
}

// An acronym no article spelled out still joins the one name it abbreviates
// when their articles share context; a title before a surname is no part
// of it ("Mr Voss").
func TestAcronymAndTitledSurname(t *testing.T) {
	board, nrb := ent(schema.Organization, "National Rivers Board"), ent(schema.Organization, "NRB")
	voss, mrVoss := person("Mara Voss"), person("Mr Voss")
	st := openStore(t,
		article{id: "a", ents: []schema.Entity{board, voss, harbour, dockUnion, strike, ferry}},
		article{id: "b", ents: []schema.Entity{nrb, mrVoss, harbour, dockUnion, strike, ferry}},
		// Another "NRB" expansion elsewhere, in another story.
		article{id: "c", ents: []schema.Entity{ent(schema.Organization, "Northern Rugby Board"), club, stadium, league}},
	)
	cs := propose(t, st)
	if got := find(cs, nrb.IRI); len(got) != 0 {
		t.Errorf("an acronym of two names was linked: %+v", got)
	}
	got := find(cs, mrVoss.IRI)
	if len(got) != 1 || got[0].Into != voss.IRI || got[0].Proposed || !strings.Contains(got[0].Evidence[0], `title "Mr" taken off`) {
		t.Errorf("Mr Voss: %+v", got)
	}
	st = openStore(t,
		article{id: "a", ents: []schema.Entity{board, harbour, dockUnion, strike, ferry}},
		article{id: "b", ents: []schema.Entity{nrb, harbour, dockUnion, strike, ferry}},
	)
	if got := find(propose(t, st), nrb.IRI); len(got) != 1 || got[0].Proposed || got[0].Into != board.IRI {
		t.Errorf("NRB, never spelled out: %+v, want a merge into National Rivers Board", got)
	}
}

func TestAcronyms(t *testing.T) {
	for _, c := range []struct {
		short, long string
		want        bool
	}{
		{"CFPB", "Consumer Financial Protection Bureau", true},
		{"DNC", "Democratic National Committee", true},
		{"NAHB", "National Association of Home Builders", true},
		{"NAOHB", "National Association of Home Builders", true},
		{"USPS", "U.S. Postal Service", true},
		{"UPS", "U.S. Postal Service", false},
		{"N.J.", "New Jersey", true},
		{"EPA", "Environmental Protection", false},
		{"E", "Environment", false},
	} {
		if got := isAcronym(c.short, c.long); got != c.want {
			t.Errorf("isAcronym(%q, %q) = %v", c.short, c.long, got)
		}
	}
}

// A node's IRI keeps the name ingest chose: "Treasury" at
// .../treasury-department is the Treasury Department, no ambiguous
// "Treasury" that would need context.
func TestFamilyByNodeIRI(t *testing.T) {
	dept := ent(schema.Government, "U.S. Treasury Department")
	treasury := schema.Entity{IRI: schema.EntityIRI(schema.Government, "Treasury Department"), Name: "Treasury", Class: schema.Government, Aliases: []string{"Treasury"}}
	bare := ent(schema.Government, "Treasury")
	st := openStore(t,
		article{id: "a", ents: []schema.Entity{dept}},
		article{id: "b", ents: []schema.Entity{treasury}},
		article{id: "c", ents: []schema.Entity{bare}},
	)
	cs := propose(t, st)
	if got := find(cs, treasury.IRI); len(got) != 1 || got[0].Proposed || got[0].Into != dept.IRI {
		t.Errorf("Treasury at %s: %+v, want a merge", treasury.IRI, got)
	}
	if got := find(cs, bare.IRI); len(got) != 1 || !got[0].Proposed {
		t.Errorf("a bare Treasury without context: %+v, want a proposal", got)
	}
}

// The failures issue 16 reports, with other names: a prince is not a
// singer, a rugby forward is not a party leader, and a party named six ways
// is one node (not the one a tagger typed as a person).
func TestIssueFailuresRewritten(t *testing.T) {
	prince := person("Prince Edmar")
	singer := person("Ray Edmar")
	forward := person("Brenning")
	leader := person("Charles Brenning")
	libDems := ent(schema.PoliticalParty, "Liberal Democrats")
	variants := []schema.Entity{ent(schema.Organization, "Lib Dems"), ent(schema.Organization, "Liberal Democrat"), ent(schema.PoliticalParty, "the Liberal Democrats'")}
	asPerson := person("Liberal Democrats")
	st := openStore(t,
		article{id: "royal", ents: []schema.Entity{prince, harbour, dockUnion, strike, ferry}, roles: [][2]schema.Entity{{prince, ent(schema.Role, "Prince")}}},
		article{id: "concert", ents: []schema.Entity{singer, harbour, dockUnion, strike, ferry}, roles: [][2]schema.Entity{{singer, ent(schema.Role, "singer")}}},
		article{id: "rugby", ents: []schema.Entity{forward, harbour, dockUnion, strike, ferry}, roles: [][2]schema.Entity{{forward, ent(schema.Role, "forward")}}},
		article{id: "politics", ents: []schema.Entity{leader, libDems, harbour, dockUnion, strike, ferry}, roles: [][2]schema.Entity{{leader, ent(schema.Role, "leader")}}},
		article{id: "politics-2", ents: append([]schema.Entity{asPerson}, variants...)},
	)
	cs := propose(t, st)
	for _, e := range []schema.Entity{prince, forward} {
		if got := find(cs, e.IRI); len(got) != 0 {
			t.Errorf("%s linked despite incompatible roles: %+v", e.Name, got)
		}
	}
	for _, v := range variants {
		if got := find(cs, v.IRI); len(got) != 1 || got[0].Into != libDems.IRI || got[0].Proposed {
			t.Errorf("%s: %+v, want a family merge into %s", v.Name, got, libDems.IRI)
		}
	}
	if got := find(cs, asPerson.IRI); len(got) != 0 {
		t.Errorf("the party typed as a person was linked: %+v", got)
	}
}

// A committee of the U.S. Congress under three spellings of its chamber is
// one body; the other chamber's committee, a state's and a foreign one
// stay apart.
func TestChamberSpellingsAreOneBody(t *testing.T) {
	plain := ent(schema.Organization, "House Intelligence Committee")
	long := ent(schema.Organization, "U.S. House of Representatives Intelligence Committee")
	short := ent(schema.Organization, "U.S. House Intelligence Committee")
	senate := ent(schema.Organization, "Senate Intelligence Committee")
	state := ent(schema.Organization, "Ohio House Intelligence Committee")
	commons := ent(schema.Organization, "House of Commons Intelligence Committee")
	chamber := ent(schema.Organization, "U.S. House")
	st := openStore(t,
		article{id: "a", ents: []schema.Entity{plain, senate}},
		article{id: "b", ents: []schema.Entity{long, state}},
		article{id: "c", ents: []schema.Entity{short, commons, chamber}},
	)
	cs := propose(t, st)
	for _, from := range []string{long.IRI, short.IRI} {
		got := find(cs, from)
		if len(got) != 1 || got[0].Into != plain.IRI || got[0].Rule != RuleChamber || got[0].Proposed {
			t.Errorf("%s: %+v, want a chamber merge into %s", from, got, plain.IRI)
		}
	}
	for _, e := range []schema.Entity{plain, senate, state, commons} {
		if got := find(cs, e.IRI); len(got) != 0 {
			t.Errorf("%s merged: %+v", e.Name, got)
		}
	}
}

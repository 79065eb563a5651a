package graph

import (
	"fmt"
	"math/rand"
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

// A deterministic synthetic corpus for benchmarks and concurrency tests:
// news-like extractions with entities drawn from shared pools, so that
// documents overlap the way articles about one region do.

var (
	synFirst  = []string{"Amira", "Boris", "Chen", "Dalia", "Emeka", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kemal", "Lena", "Marek", "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Samir", "Tove"}
	synLast   = []string{"Adler", "Baptiste", "Castell", "Demir", "Eriksen", "Farouk", "Grube", "Haddad", "Ivanova", "Jansen", "Kovac", "Lindgren", "Mensah", "Novak", "Ortiz", "Petrov", "Quist", "Rahimi", "Sorensen", "Tanaka"}
	synOrgA   = []string{"Northern", "Coastal", "United", "Free", "National", "Eastern", "River", "Highland", "Southern", "Western"}
	synOrgB   = []string{"Front", "Alliance", "Council", "Brigade", "Movement", "Ministry of Water", "Party", "Herald", "Guard", "Union"}
	synPlaceA = []string{"Vel", "Mar", "Ost", "Kar", "Bel", "Tor", "Sal", "Dun", "Ash", "Lor", "Pen", "Rav"}
	synPlaceB = []string{"ova", "ir", "grad", "haven", "abad", "ford", "mere", "stan", "ville", "ane"}
	synRoles  = []string{"Governor", "Defence Minister", "Spokesperson", "Commander", "Mayor", "Envoy"}
)

// synthExtraction builds document i of the corpus. version changes the
// text (and so the hash) without changing the entities.
func synthExtraction(i, version int) schema.Extraction {
	r := rand.New(rand.NewSource(int64(i)*7919 + 1))
	id := fmt.Sprintf("syn-%06d", i)
	person := func() schema.Entity {
		n := synFirst[r.Intn(len(synFirst))] + " " + synLast[r.Intn(len(synLast))]
		return entity(schema.Person, n, strings.Fields(n)[1])
	}
	org := func() schema.Entity {
		n := "the " + synOrgA[r.Intn(len(synOrgA))] + " " + synOrgB[r.Intn(len(synOrgB))]
		n = strings.TrimPrefix(n, "the ")
		c := []schema.Class{schema.ArmedGroup, schema.Government, schema.PoliticalParty, schema.MediaOutlet}[r.Intn(4)]
		return entity(c, n)
	}
	place := func(c schema.Class) schema.Entity {
		return entity(c, synPlaceA[r.Intn(len(synPlaceA))]+synPlaceB[r.Intn(len(synPlaceB))])
	}
	persons := []schema.Entity{person(), person(), person(), person()}
	orgs := []schema.Entity{org(), org(), org()}
	city, province, country := place(schema.City), place(schema.Province), place(schema.Country)
	role := entity(schema.Role, synRoles[r.Intn(len(synRoles))])
	ents := dedupEntities(append(append(append([]schema.Entity{}, persons...), orgs...), city, province, country, role))

	var text strings.Builder
	var facts []schema.Fact
	sentence := func(s string) (string, int) {
		start := len([]rune(text.String()))
		text.WriteString(s + " ")
		return s, start
	}
	add := func(sub schema.Entity, pred string, obj string, s string, rule string, q map[string]string) {
		s, start := sentence(s)
		f := fact(id, sub, pred, obj, s, start, rule, q)
		if schema.Validate(f, func(iri string) (schema.Class, bool) {
			for _, e := range ents {
				if e.IRI == iri {
					return e.Class, true
				}
			}
			return "", false
		}) == nil {
			facts = append(facts, f)
		}
	}
	sentence(fmt.Sprintf("Update %d of report %d from the region.", version, i))
	add(persons[0], "role", role.IRI, fmt.Sprintf("%s, the %s of %s, said on Tuesday that talks would resume after the holiday.", persons[0].Name, role.Name, province.Name), "appositive-title", nil)
	add(persons[1], "works_for", orgs[0].IRI, fmt.Sprintf("%s, a senior adviser to %s, told reporters the offer remained open to every faction.", persons[1].Name, orgs[0].Name), "appositive-employer", nil)
	add(orgs[1], "controls", city.IRI, fmt.Sprintf("%s, which has held %s since the spring offensive, denied the claims.", orgs[1].Name, city.Name), "which-held", map[string]string{schema.QualTime: "since the spring offensive"})
	add(city, "located_in", province.IRI, fmt.Sprintf("Residents of %s in %s province reported shelling overnight near the river crossing.", city.Name, province.Name), "in-province", nil)
	add(province, "located_in", country.IRI, fmt.Sprintf("%s, a province of %s, has seen fighting for three years.", province.Name, country.Name), "province-of", nil)
	add(orgs[2], "based_in", city.IRI, fmt.Sprintf("The %s-based %s issued a statement calling for calm.", city.Name, orgs[2].Name), "x-based", nil)
	add(persons[2], "lives_in", city.IRI, fmt.Sprintf("%s, who lives in %s, said the water supply had been cut for a week.", persons[2].Name, city.Name), "who-lives-in", nil)
	add(orgs[1], "opposes", orgs[0].IRI, fmt.Sprintf("%s has opposed %s since the ceasefire collapsed last year.", orgs[1].Name, orgs[0].Name), "verb-oppose", map[string]string{schema.QualHedge: "allegedly"})
	add(city, "population", fmt.Sprint(10000+r.Intn(900000)), fmt.Sprintf("%s, a town of about %d people, lies on the main road north.", city.Name, 10000+r.Intn(900000)), "population-of", map[string]string{schema.QualApproximate: "true"})
	add(persons[3], "member_of", orgs[2].IRI, fmt.Sprintf("%s, a member of %s, was detained at a checkpoint, his family said.", persons[3].Name, orgs[2].Name), "appositive-member", map[string]string{schema.QualFormer: "true"})
	quote := entity(schema.Statement, fmt.Sprintf("We will not leave %s", city.Name))
	quote.IRI = schema.StatementIRI(persons[0].IRI, quote.Name)
	ents = append(ents, quote)
	add(persons[0], "said", quote.IRI, fmt.Sprintf("\"We will not leave %s,\" %s said.", city.Name, persons[0].Name), "quote-said", nil)

	return schema.Extraction{
		Document: schema.Document{ID: id, Title: fmt.Sprintf("Report %d", i), Source: "Synthetic Wire", Text: text.String()},
		Entities: ents,
		Facts:    facts,
	}
}

func dedupEntities(in []schema.Entity) []schema.Entity {
	seen := map[string]bool{}
	var out []schema.Entity
	for _, e := range in {
		if !seen[e.IRI] {
			seen[e.IRI] = true
			out = append(out, e)
		}
	}
	return out
}

func synthCorpus(from, n, version int) []schema.Extraction {
	out := make([]schema.Extraction, n)
	for i := range out {
		out[i] = synthExtraction(from+i, version)
	}
	return out
}

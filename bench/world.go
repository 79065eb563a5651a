package bench

import (
	"math/rand"
	"strings"
)

// The synthetic corpus is drawn from an invented world: people with titles
// and employers, armed groups that hold towns and are backed by states,
// provinces, towns with populations, camps, news outlets. The world depends
// only on the seed, so article i is the same whatever the corpus size, and
// articles overlap the way reports about one region do: a few actors are
// named constantly (Zipf-distributed choices), most rarely.

// World sizes. Large enough that new names keep appearing at 100k articles.
const (
	worldPeople    = 24000
	worldGroups    = 1500
	worldBodies    = 600 // ministries, councils, NGOs
	worldParties   = 200
	worldOutlets   = 120
	worldTowns     = 9000
	worldProvinces = 500
	worldCamps     = 400
)

// Real countries, a compiled list: the gazetteer knows them, as it knows
// the countries of real news.
var countries = []struct{ name, adj string }{
	{"Syria", "Syrian"}, {"Iraq", "Iraqi"}, {"Turkey", "Turkish"}, {"Iran", "Iranian"},
	{"Lebanon", "Lebanese"}, {"Jordan", "Jordanian"}, {"Yemen", "Yemeni"}, {"Libya", "Libyan"},
	{"Sudan", "Sudanese"}, {"Ethiopia", "Ethiopian"}, {"Somalia", "Somali"}, {"Mali", "Malian"},
	{"Niger", "Nigerien"}, {"Nigeria", "Nigerian"}, {"Chad", "Chadian"}, {"Afghanistan", "Afghan"},
	{"Pakistan", "Pakistani"}, {"Ukraine", "Ukrainian"}, {"Russia", "Russian"}, {"Georgia", "Georgian"},
	{"Armenia", "Armenian"}, {"Azerbaijan", "Azerbaijani"}, {"Egypt", "Egyptian"}, {"Israel", "Israeli"},
	{"Saudi Arabia", "Saudi"}, {"Qatar", "Qatari"}, {"Kuwait", "Kuwaiti"}, {"France", "French"},
	{"Germany", "German"}, {"United Kingdom", "British"}, {"United States", "American"}, {"China", "Chinese"},
	{"Myanmar", "Burmese"}, {"Colombia", "Colombian"}, {"Mexico", "Mexican"}, {"Venezuela", "Venezuelan"},
	{"Mozambique", "Mozambican"}, {"Cameroon", "Cameroonian"}, {"Burkina Faso", "Burkinabe"}, {"Algeria", "Algerian"},
}

var (
	givenMale = []string{"Ahmed", "Omar", "Karim", "Yusuf", "Hassan", "Mustafa", "Bilal", "Tariq", "Nabil", "Samir",
		"Rashid", "Hamza", "Jamal", "Khalid", "Walid", "Ibrahim", "Dilshad", "Rebwar", "Shwan", "Azad",
		"Serhat", "Emre", "Murat", "Kemal", "Burak", "Dmitri", "Oleg", "Sergei", "Andriy", "Taras",
		"James", "Michael", "David", "Robert", "Thomas", "Daniel", "Peter", "Mark", "Paul", "Richard",
		"Pierre", "Julien", "Mamadou", "Ousmane", "Abdi", "Tesfaye", "Luis", "Carlos", "Aung", "Farhad"}
	givenFemale = []string{"Layla", "Amira", "Nour", "Rania", "Hala", "Zeynep", "Elif", "Ayse", "Rojin", "Nazdar",
		"Sarah", "Anna", "Maria", "Elena", "Olga", "Natalia", "Claire", "Sophie", "Fatima", "Aisha",
		"Mariam", "Hevin", "Leila", "Dana", "Rebecca", "Laura", "Jennifer", "Helen", "Aminata", "Sofia"}
	surnames = []string{"Haddad", "Khalil", "Mansour", "Nasser", "Saleh", "Qasim", "Barzani", "Talabani", "Rashid", "Hamdan",
		"Abbas", "Darwish", "Yilmaz", "Demir", "Kaya", "Aydin", "Celik", "Petrenko", "Kovalenko", "Volkov",
		"Ivanov", "Sokolov", "Morozov", "Novak", "Horvat", "Dubois", "Lefevre", "Moreau", "Traore", "Diallo",
		"Keita", "Abdullahi", "Mohamed", "Tadesse", "Girma", "Alvarez", "Moreno", "Herrera", "Thein", "Hosseini",
		"Karimi", "Rahimi", "Ahmadi", "Mirza", "Baig", "Sheikh", "Osman", "Farouk", "Zaki", "Jaber",
		"Miller", "Walker", "Harris", "Bennett", "Foster", "Graham", "Hughes", "Palmer", "Reed", "Sullivan",
		"Kurdi", "Sindi", "Zebari", "Hawrami", "Amedi", "Dosky", "Jaff", "Shwani", "Mahmoud", "Ghanem"}
	syl1 = []string{"Al", "Bar", "Kar", "Tel", "Dar", "Mar", "Ras", "Sal", "Qal", "Zar", "Ham", "Kaf", "Bab", "Jis", "Man",
		"Sar", "Tar", "Hal", "Nab", "Dum", "Bor", "Kel", "Ost", "Vel", "Mir", "Zan", "Kob", "Sin", "Raq", "Ayn"}
	syl2 = []string{"ab", "ir", "um", "el", "an", "oz", "ik", "ash", "ur", "ed", "ol", "ay", "in", "ar", "es"}
	syl3 = []string{"a", "iya", "bad", "dan", "gar", "ra", "sh", "tin", "un", "ek", "ova", "ul", "is", "at", "ani", "on"}

	groupAdj  = []string{"Free", "Popular", "Northern", "Southern", "Eastern", "Western", "Revolutionary", "Islamic", "National", "Democratic", "United", "Patriotic", "Liberation", "Martyrs", "Border", "Mountain", "Desert", "Coastal", "Valley", "Tribal"}
	groupNoun = []string{"Front", "Forces", "Army", "Brigade", "Brigades", "Guard", "Militia", "Corps", "Legion", "Battalion", "Units"}
	bodyHead  = []string{"Council", "Ministry of Interior", "Ministry of Defence", "Commission", "Authority", "Directorate", "Committee", "Foundation", "Institute", "Association"}
	bodyAdj   = []string{"Relief", "Human Rights", "Reconstruction", "Displacement", "Water", "Health", "Security", "Development", "Mediation", "Monitoring"}
	partyAdj  = []string{"Democratic", "Socialist", "Labour", "Reform", "Justice", "Unity", "Progress", "Renewal", "Freedom", "Civic"}
	outletEnd = []string{"Herald", "Times", "News", "Post", "Observer", "Monitor", "Tribune", "Gazette", "Radio", "Daily"}

	personRoles = []string{"spokesman", "commander", "adviser", "senior official", "deputy leader", "leader", "field commander", "envoy", "director"}
	stateTitles = []string{"Foreign Minister", "Defence Minister", "Interior Minister", "President", "Prime Minister", "Ambassador", "Special Envoy", "General", "Colonel", "Governor"}
)

// person is an invented person with a fixed place in the world.
type person struct {
	full          string // "Ahmed Karim Haddad"
	given, family string
	female        bool
	role          string // lower-case role noun ("spokesman")
	group         int    // armed group or body index they speak for, -1 for state
	groupKind     int    // 0 armed group, 1 body, 2 party
	title         string // capitalised state title when group is -1
	country       int
	town          int // where they live
}

func (p person) name() string { return p.full }

type group struct {
	name, acronym string
	province      int // home province
	backer        int // country index, -1 when none
	ally          int // another group, -1
	strength      int
	leader        int // person index
}

type town struct {
	name       string
	province   int
	population int
	holder     int // armed group holding it, -1
}

type province struct {
	name    string
	country int
	capital int // town index
}

type namedOrg struct {
	name     string
	province int
	town     int
}

// world is the invented setting of a corpus; read-only once built.
type world struct {
	people    []person
	groups    []group
	bodies    []namedOrg
	parties   []namedOrg
	outlets   []namedOrg
	towns     []town
	provinces []province
	camps     []namedOrg
}

func newWorld(seed int64) *world {
	r := rand.New(rand.NewSource(seed))
	w := &world{}
	used := map[string]bool{}
	uniq := func(gen func() string) string {
		for k := 0; ; k++ {
			n := gen()
			if k > 20 {
				n = romanish[k%len(romanish)] + " " + n
			}
			if !used[n] {
				used[n] = true
				return n
			}
		}
	}
	place := func() string {
		n := syl1[r.Intn(len(syl1))] + syl2[r.Intn(len(syl2))]
		if r.Intn(3) > 0 {
			n += syl3[r.Intn(len(syl3))]
		}
		return n
	}
	for i := 0; i < worldProvinces; i++ {
		w.provinces = append(w.provinces, province{name: uniq(place), country: zipfIndex(r, len(countries), 1.05)})
	}
	for i := 0; i < worldTowns; i++ {
		pr := i % worldProvinces
		if i >= worldProvinces {
			pr = r.Intn(worldProvinces)
		}
		t := town{name: uniq(place), province: pr, population: 2000 + r.Intn(40)*r.Intn(40)*500, holder: -1}
		w.towns = append(w.towns, t)
		if i < worldProvinces {
			w.provinces[i].capital = i
		}
	}
	for i := 0; i < worldCamps; i++ {
		t := r.Intn(worldTowns)
		w.camps = append(w.camps, namedOrg{name: uniq(place), province: w.towns[t].province, town: t})
	}
	for i := 0; i < worldGroups; i++ {
		adj, noun := groupAdj[r.Intn(len(groupAdj))], groupNoun[r.Intn(len(groupNoun))]
		var name string
		switch r.Intn(3) {
		case 0:
			name = uniq(func() string { return adj + " " + noun + " of " + place() })
		case 1:
			name = uniq(func() string { return place() + " " + noun })
		default:
			name = uniq(func() string { return adj + " " + groupAdj[r.Intn(len(groupAdj))] + " " + noun })
		}
		g := group{name: name, province: r.Intn(worldProvinces), backer: -1, ally: -1, strength: (1 + r.Intn(60)) * 500}
		if r.Intn(3) > 0 {
			g.acronym = acronym(name)
		}
		if r.Intn(2) == 0 {
			g.backer = zipfIndex(r, len(countries), 1.2)
		}
		w.groups = append(w.groups, g)
	}
	for i := range w.groups {
		if r.Intn(3) == 0 {
			w.groups[i].ally = r.Intn(worldGroups)
			if w.groups[i].ally == i {
				w.groups[i].ally = -1
			}
		}
	}
	// Each group holds a few towns of its province and nearby ones.
	for gi := range w.groups {
		for k := 0; k < 1+r.Intn(4); k++ {
			t := r.Intn(worldTowns)
			if w.towns[t].holder < 0 {
				w.towns[t].holder = gi
			}
		}
	}
	for i := 0; i < worldBodies; i++ {
		name := uniq(func() string {
			if r.Intn(2) == 0 {
				return bodyAdj[r.Intn(len(bodyAdj))] + " " + bodyHead[r.Intn(len(bodyHead))] + " of " + place()
			}
			return place() + " " + bodyAdj[r.Intn(len(bodyAdj))] + " " + bodyHead[r.Intn(len(bodyHead))]
		})
		t := r.Intn(worldTowns)
		w.bodies = append(w.bodies, namedOrg{name: name, province: w.towns[t].province, town: t})
	}
	for i := 0; i < worldParties; i++ {
		name := uniq(func() string {
			return partyAdj[r.Intn(len(partyAdj))] + " " + partyAdj[r.Intn(len(partyAdj))] + " Party"
		})
		t := r.Intn(worldTowns)
		w.parties = append(w.parties, namedOrg{name: name, province: w.towns[t].province, town: t})
	}
	for i := 0; i < worldOutlets; i++ {
		t := r.Intn(worldTowns)
		name := uniq(func() string { return w.towns[t].name + " " + outletEnd[r.Intn(len(outletEnd))] })
		w.outlets = append(w.outlets, namedOrg{name: name, province: w.towns[t].province, town: t})
	}
	for i := 0; i < worldPeople; i++ {
		p := person{town: r.Intn(worldTowns), group: -1}
		given := givenMale
		if r.Intn(4) == 0 {
			p.female, given = true, givenFemale
		}
		p.given = given[r.Intn(len(given))]
		// Three-part names (given, father's, family) as in much of the
		// region, so that 24k people get distinct names.
		p.full = uniq(func() string {
			fam := surnames[r.Intn(len(surnames))]
			if r.Intn(10) < 7 {
				return p.given + " " + givenMale[r.Intn(len(givenMale))] + " " + fam
			}
			return p.given + " " + fam
		})
		f := strings.Fields(p.full)
		p.family = f[len(f)-1]
		p.country = w.provinces[w.towns[p.town].province].country
		switch k := r.Intn(10); {
		case k < 5:
			p.group, p.groupKind = r.Intn(worldGroups), 0
			p.role = personRoles[r.Intn(len(personRoles))]
		case k < 7:
			p.group, p.groupKind = r.Intn(worldBodies), 1
			p.role = personRoles[r.Intn(len(personRoles))]
		case k < 8:
			p.group, p.groupKind = r.Intn(worldParties), 2
			p.role = []string{"leader", "spokesman", "deputy leader", "senior official"}[r.Intn(4)]
		default:
			p.title = stateTitles[r.Intn(len(stateTitles))]
		}
		if p.female && p.role == "spokesman" {
			p.role = "spokeswoman"
		}
		w.people = append(w.people, p)
	}
	for gi := range w.groups {
		w.groups[gi].leader = r.Intn(worldPeople)
	}
	return w
}

var romanish = []string{"North", "South", "East", "West", "Upper", "Lower", "New", "Old"}

// acronym is the initials of a name's capitalised words ("Free Army of
// Dumab" → "FAD").
func acronym(name string) string {
	var b strings.Builder
	for _, f := range strings.Fields(name) {
		if f[0] >= 'A' && f[0] <= 'Z' {
			b.WriteByte(f[0])
		}
	}
	if b.Len() < 2 {
		return ""
	}
	return b.String()
}

// zipfIndex draws an index in [0,n) with a Zipf law of exponent s: index 0
// is the most frequent.
func zipfIndex(r *rand.Rand, n int, s float64) int {
	z := rand.NewZipf(r, s, 1, uint64(n-1))
	return int(z.Uint64())
}

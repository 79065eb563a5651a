package names

import (
	"reflect"
	"strings"
	"testing"
)

func TestEmbeddedTablesLoad(t *testing.T) {
	tb, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(tb.Families()) < 50 || len(tb.titles) < 100 {
		t.Fatalf("tables too small: %d families, %d titles", len(tb.Families()), len(tb.titles))
	}
}

func TestParseRefusesBadTables(t *testing.T) {
	for name, fam := range map[string]string{
		"fields":      "party\tPoliticalParty\tX Party\n",
		"class":       "party\tNoSuchClass\tX Party\t\t\t\n",
		"two familes": "party\tPoliticalParty\tA Party\tAP\t\t\nparty\tPoliticalParty\tB Party\tAP\t\t\n",
		"context":     "legislature\tGovernment\tA House\t\tHouse\tNo Such Senate\n",
	} {
		if _, err := Parse(Sources{Families: strings.NewReader(fam)}); err == nil || !strings.Contains(err.Error(), "families.tsv:") {
			t.Errorf("%s: err = %v, want an error naming families.tsv and the line", name, err)
		}
	}
}

func TestFamilyContext(t *testing.T) {
	tb, err := Parse(Sources{Families: strings.NewReader("legislature\tGovernment\tA Senate\t\t\t\n" +
		"legislature\tGovernment\tA House\tA House of Delegates\tHouse\tA Senate\n")})
	if err != nil {
		t.Fatal(err)
	}
	m, ok := tb.Family("House")
	if !ok || !m.Ambiguous || len(m.Context) != 1 || m.Context[0] != "A Senate" {
		t.Errorf("House: %+v %v, want ambiguous with context A Senate", m, ok)
	}
}

func TestFamily(t *testing.T) {
	tb := Default()
	for _, c := range []struct{ name, canonical, rule string }{
		{"Tories", "Conservative Party", "listed"},
		{"the Tory party", "Conservative Party", "listed"},
		{"Conservative Party", "Conservative Party", "listed"},
		{"the Conservatives'", "Conservative Party", "listed"},
		{"Lib Dems", "Liberal Democrats", "listed"},
		{"GOP", "Republican Party", "listed"},
		{"the Republican party", "Republican Party", "listed"},
		{"Likud's", "Likud", "listed"},
		{"the U.N.", "United Nations", "listed"},
		{"UN", "United Nations", "listed"},
		{"Downing Street", "Downing Street", "listed"},
		{"the Kremlin", "Kremlin", "listed"},
		{"U.S.", "United States", "listed"},
		{"SNP's", "Scottish National Party", "listed"},
		{"Labour party", "Labour Party", "listed"},
		{"the UKIP party", "UK Independence Party", "the X party"},
		{"Likuds", "Likud", "singular"},
	} {
		m, ok := tb.Family(c.name)
		if !ok || m.Canonical != c.canonical || m.Rule != c.rule || m.Ambiguous {
			t.Errorf("Family(%q) = %+v, %v; want %s by %s", c.name, m, ok, c.canonical, c.rule)
		}
	}
	if m, ok := tb.Family("American"); !ok || m.Canonical != "United States" || !m.Ambiguous {
		t.Errorf("a demonym is an ambiguous variant of its country: %+v %v", m, ok)
	}
	if m, ok := tb.FamilyOfSlug("treasury-department"); !ok || m.Ambiguous || m.Canonical != "U.S. Treasury Department" {
		t.Errorf("FamilyOfSlug(treasury-department) = %+v, %v", m, ok)
	}
	if m, ok := tb.FamilyOfSlug("treasury"); !ok || !m.Ambiguous {
		t.Errorf("FamilyOfSlug(treasury) = %+v, %v; want the ambiguous variant", m, ok)
	}
	if _, ok := tb.FamilyOfSlug("bolton"); ok {
		t.Error("FamilyOfSlug(bolton) found a family")
	}
	// Negative: no family, and the number variants only for parties.
	for _, n := range []string{"Bolton", "Smith party", "UNs", "Feds", "Kremlins", "Conservative Partyx", ""} {
		if m, ok := tb.Family(n); ok {
			t.Errorf("Family(%q) = %s, want none", n, m.Canonical)
		}
	}
}

func TestStripTitles(t *testing.T) {
	tb := Default()
	for _, c := range []struct {
		name   string
		titles []string
		rest   string
	}{
		{"Mr Blair", []string{"Mr"}, "Blair"},
		{"Mr. Blair", []string{"Mr."}, "Blair"},
		{"Tory MP Michael Mates", []string{"Tory", "MP"}, "Michael Mates"},
		{"Exchequer Gordon Brown", []string{"Exchequer"}, "Gordon Brown"},
		{"Liberal Democrat Charles Kennedy", []string{"Liberal Democrat"}, "Charles Kennedy"},
		{"Democrat Doug Jones", []string{"Democrat"}, "Doug Jones"},
		{"Special Counsel Robert Mueller", []string{"Special Counsel"}, "Robert Mueller"},
		{"Senate Majority Leader Mitch McConnell", []string{"Senate Majority Leader"}, "Mitch McConnell"},
		{"White House Press Secretary Sarah Sanders", []string{"White House Press Secretary"}, "Sarah Sanders"},
		{"FBI Director James Comey", []string{"FBI Director"}, "James Comey"},
		{"Russian President Vladimir Putin", []string{"Russian", "President"}, "Vladimir Putin"},
		{"Sen. Lisa Murkowski", []string{"Sen."}, "Lisa Murkowski"},
		// Negative: nothing to strip, or stripping would leave no name.
		{"President", nil, "President"},
		{"Republican Moore", []string{"Republican"}, "Moore"},
		{"British Airways", nil, "British Airways"},
		{"White House Smith", nil, "White House Smith"},
		{"Gordon Brown", nil, "Gordon Brown"},
		{"King", nil, "King"},
		{"Senate Republicans", nil, "Senate Republicans"},
		{"President obama", nil, "President obama"},
	} {
		titles, rest := tb.StripTitles(c.name)
		var got []string
		for _, ti := range titles {
			got = append(got, ti.Text)
		}
		if !reflect.DeepEqual(got, c.titles) || rest != c.rest {
			t.Errorf("StripTitles(%q) = %q, %q; want %q, %q", c.name, got, rest, c.titles, c.rest)
		}
	}
}

func TestPartsAndConflict(t *testing.T) {
	tb := Default()
	for _, c := range []struct {
		name, given string
		surnames    []string
		suffix      string
	}{
		{"Tony Blair", "tony", []string{"blair"}, ""},
		{"Mr Blair", "", []string{"blair"}, ""},
		{"Donald Trump Jr.", "donald", []string{"trump"}, "jr"},
		{"Xi Jinping", "xi", []string{"jinping", "xi"}, ""},
		{"George W. Bush", "george", []string{"bush"}, ""},
	} {
		g, s, x := tb.Parts(c.name)
		if g != c.given || !reflect.DeepEqual(s, c.surnames) || x != c.suffix {
			t.Errorf("Parts(%q) = %q %q %q", c.name, g, s, x)
		}
	}
	if !tb.Conflict([]string{"sports"}, []string{"public"}) {
		t.Error("a coach and a senator should conflict")
	}
	for _, c := range [][2][]string{{{"sports"}, nil}, {{"public"}, {"business"}}, {{"sports", "public"}, {"public"}}, {{"any"}, {"sports"}}} {
		if tb.Conflict(c[0], c[1]) {
			t.Errorf("Conflict(%v, %v) = true", c[0], c[1])
		}
	}
}

func TestForms(t *testing.T) {
	tb := Default()
	got := tb.Forms("Mr Blair")
	if !reflect.DeepEqual(got, []string{"Mr Blair", "Blair"}) {
		t.Errorf("Forms(Mr Blair) = %q", got)
	}
	got = tb.Forms("Tories")
	if len(got) < 3 || got[0] != "Tories" || got[1] != "Conservative Party" {
		t.Errorf("Forms(Tories) = %q", got)
	}
}

func TestCompanySuffix(t *testing.T) {
	tb := Default()
	for _, c := range []struct {
		short, long string
		want        bool
	}{
		{"JPMorgan Chase", "JPMorgan Chase & Co", true},
		{"AT&T", "AT&T Inc.", true},
		{"China Daily", "China Daily newspaper", true},
		{"EPA", "EPA Scientific Advisory Board", false},
		{"Fusion", "Fusion GPS", false},
		{"Inc", "Inc", false},
	} {
		if got := tb.CompanySuffix(c.short, c.long); got != c.want {
			t.Errorf("CompanySuffix(%q, %q) = %v", c.short, c.long, got)
		}
	}
}

func TestPlausibleFullName(t *testing.T) {
	tb := Default()
	for _, n := range []string{"Paul Manafort", "Xi Jinping", "J. Smith", "Senator Susan Collins", "Moon Jae-in"} {
		if !tb.PlausibleFullName(n) {
			t.Errorf("%q should be a plausible full name", n)
		}
	}
	for _, n := range []string{"Capitol Hill", "Merry Christmas", "Manafort", "Trump Facts", "Representatives Science", ""} {
		if tb.PlausibleFullName(n) {
			t.Errorf("%q should not be a plausible full name", n)
		}
	}
}

package deppat_test

import "testing"

// Party membership stated in the constructions of news the first party rows
// missed. Each case is a sentence we wrote: the fact a row must read (by that
// row, so the test fails without it) and the facts no row may read.
func TestPartyConstructions(t *testing.T) {
	cases := []struct {
		family, text string
		want         map[string]string // fact → the row that reads it
		not          []string
	}{
		{"a plural title covers every conjunct", "Republican Senators Ann Ray and Bo Lutz said they would vote against the bill.",
			map[string]string{"Bo Lutz|member_of|Republican": "party-title-names"}, nil},
		{"a list after a plural title, not a name", "The bill would give Republican lawmakers and President Bo Lutz a victory.",
			nil, []string{"Bo Lutz|member_of|Republican"}},
		{"a plural party noun covers every conjunct", "Republicans Ann Ray and Bo Lutz voted against it.",
			map[string]string{"Bo Lutz|member_of|Republicans": "party-names-conj"}, nil},
		{"a party's clause before a name is no membership", "Republicans conceded the seat on Tuesday, and Kay Simms spent the day on television.",
			nil, []string{"Kay Simms|member_of|Republicans"}},
		{"a party adjective on an appositive title", "Lee Hart, a Republican member of the Federal Election Commission, said the rules were weak.",
			map[string]string{"Lee Hart|member_of|Republican": "party-appos-title"}, nil},
		{"a bare appositive title of a committee", "Kay Dorn, Republican chairman of the House tax committee, said the plan was ready.",
			map[string]string{"Kay Dorn|member_of|Republican": "party-appos-title-of"}, nil},
		{"a ranked party noun the parser makes a conjunct", "Mark Hollis, the No. 2 Senate Republican, told reporters the vote would happen.",
			map[string]string{"Mark Hollis|member_of|Republican": "party-appos-the-surface"}, nil},
		{"a possessed party noun", "Mark Hollis, the committee’s top Democrat, said the report was late.",
			map[string]string{"Mark Hollis|member_of|Democrat": "party-poss-surface-amod"}, nil},
		{"a party noun before the name", "A Democrat from Ohio, Ann Ray, said the bill would fail.",
			map[string]string{"Ann Ray|member_of|Democrat": "party-reverse-appos"}, nil},
		{"a party side in a race before the name", "Trump defeated his Democratic rival Ann Ray in the election.",
			map[string]string{"Ann Ray|member_of|Democratic": "party-rival-name"}, nil},
		{"one of her fellow party members", "President Ann Ray and her fellow Republicans in Congress passed the bill.",
			map[string]string{"Ann Ray|member_of|Republicans": "party-fellow-his-surface"}, nil},
		{"a possessor's fellow party members", "The Senate is controlled by Ann Ray’s fellow Democrats.",
			map[string]string{"Ann Ray|member_of|Democrats": "party-fellow-surface"}, nil},
		{"fellow party members of another", "Ann Ray and Bo Lutz’s fellow Democrats voted no.",
			nil, []string{"Ann Ray|member_of|Democrats"}},
		{"a party noun as the predicate", "Governor Ann Ray is a Democrat, and Republicans hold the state Senate.",
			map[string]string{"Ann Ray|member_of|Democrat": "party-copula"}, []string{"Ann Ray|member_of|Republicans"}},
		{"a party noun denied", "Governor Ann Ray is not a Democrat.",
			nil, []string{"Ann Ray|member_of|Democrat"}},
		{"a party adjective on a predicate title", "Bo Lutz was a conservative Republican member of the state Senate.",
			map[string]string{"Bo Lutz|member_of|Republican": "party-copula-title"}, nil},
		{"two senators and their parties stay apart", "Senators Mike Lane, a Republican, and Ed Marsh, a Democrat, wrote a letter.",
			nil, []string{"Mike Lane|member_of|Democrat", "Ed Marsh|member_of|Republican"}},
		{"a list of parties is no membership", "Mike Lane, the Republicans and the Democrats met on Monday.",
			nil, []string{"Mike Lane|member_of|Republicans", "Mike Lane|member_of|Democrats"}},
	}
	for _, c := range cases {
		got := facts(t, c.text)
		for w, rule := range c.want {
			f, ok := got[w]
			if !ok {
				t.Errorf("%s: %q: missing %s; got %s", c.family, c.text, w, keys(got))
				continue
			}
			if f.Rule != rule {
				t.Errorf("%s: %q: %s read by %s, want %s", c.family, c.text, w, f.Rule, rule)
			}
		}
		for _, n := range c.not {
			if f, ok := got[n]; ok {
				t.Errorf("%s: %q: read %s (rule %s)", c.family, c.text, n, f.Rule)
			}
		}
	}
}

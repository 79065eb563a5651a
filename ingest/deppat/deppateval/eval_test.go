package deppateval

import (
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	doc := Tokenize(`The Lagos-based Vela Group's chief, Sen. Ana Ruiz, met U.S. officials. "We agreed," she said. It didn't last.`)
	var sents []string
	for _, s := range doc.Sentences {
		var w []string
		for _, tok := range s.Tokens {
			if doc.Text[tok.Start:tok.End] != tok.Text {
				t.Errorf("token %q at %d:%d reads %q in the text", tok.Text, tok.Start, tok.End, doc.Text[tok.Start:tok.End])
			}
			w = append(w, tok.Text)
		}
		sents = append(sents, strings.Join(w, " "))
	}
	want := []string{
		`The Lagos - based Vela Group 's chief , Sen. Ana Ruiz , met U.S. officials .`,
		`" We agreed , " she said .`,
		`It did n't last .`,
	}
	if strings.Join(sents, "\n") != strings.Join(want, "\n") {
		t.Errorf("sentences:\n%s\nwant:\n%s", strings.Join(sents, "\n"), strings.Join(want, "\n"))
	}
}

func TestGoldMatching(t *testing.T) {
	g, err := parseGold(strings.NewReader("# comment\n" +
		"d1\tDonald Trump|Trump\trole\tPresident|president\tcore\tnote\n" +
		"d1\tPresident Lincoln\tkilled|attacked\tThe Union\tok\n" +
		"d1\tTrump\ttype\tPerson\ttype\n"))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		subj, pred, obj string
		lenient, want   bool
	}{
		{"Trump", "role", "president", false, true},
		{"the Trump", "role", "PRESIDENT.", false, true},
		{"Trump", "leads", "president", false, false},
		{"Lincoln", "killed", "Union", false, false},
		{"Lincoln", "killed", "Union", true, true},
		{"Lincoln", "killed", "Union", true, true},
		{"Abraham Lincoln", "killed", "Union", true, false}, // neither name is inside the other
		{"Trump", "role", "president", false, true},
	}
	for _, c := range cases {
		if got := g.Right("d1", c.subj, c.pred, c.obj, c.lenient); got != c.want {
			t.Errorf("Right(%q %s %q, lenient %v) = %v, want %v", c.subj, c.pred, c.obj, c.lenient, got, c.want)
		}
	}
	if g.Right("d2", "Trump", "role", "president", false) {
		t.Error("a fact of another document matched")
	}
}

func TestNorm(t *testing.T) {
	for in, want := range map[string]string{
		"The White House":      "white house",
		"Trump’s":              "trump",
		"U.S.":                 "u s",
		"Hayat Tahrir al-Sham": "hayat tahrir al sham",
	} {
		if got := Norm(in); got != want {
			t.Errorf("Norm(%q) = %q, want %q", in, got, want)
		}
	}
}

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

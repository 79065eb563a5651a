// Package eval scores the language layer's predictions against gold
// annotation the way the standard scorers do.
package eval

import (
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/nlp"
)

// Syntax counts what the UD evaluation script (conll18_ud_eval.py) counts
// on gold tokenisation: every word, punctuation included.
type Syntax struct {
	Words                int
	UPOS, XPOS, UAS, LAS int // words right on each measure
}

// AddSyntax scores predicted sentences against gold ones with the same
// tokens. A head is right when it is the gold head; a labelled attachment
// also needs the universal part of the relation (before ':') to match.
func (s *Syntax) AddSyntax(gold, pred []nlp.Sentence) error {
	if len(gold) != len(pred) {
		return fmt.Errorf("eval: %d gold sentences, %d predicted", len(gold), len(pred))
	}
	for i := range gold {
		g, p := gold[i].Tokens, pred[i].Tokens
		if len(g) != len(p) {
			return fmt.Errorf("eval: sentence %d: %d gold words, %d predicted", i+1, len(g), len(p))
		}
		for j := range g {
			s.Words++
			if g[j].UPOS == p[j].UPOS {
				s.UPOS++
			}
			if g[j].Tag == p[j].Tag {
				s.XPOS++
			}
			if g[j].Head == p[j].Head {
				s.UAS++
				if universal(g[j].Rel) == universal(p[j].Rel) {
					s.LAS++
				}
			}
		}
	}
	return nil
}

// universal is the universal part of a relation: "nsubj" of "nsubj:pass".
func universal(rel string) string {
	if i := strings.IndexByte(rel, ':'); i >= 0 {
		return rel[:i]
	}
	return rel
}

func ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

// UPOSAccuracy is the share of words with the gold UPOS.
func (s Syntax) UPOSAccuracy() float64 { return ratio(s.UPOS, s.Words) }

// XPOSAccuracy is the share of words with the gold XPOS.
func (s Syntax) XPOSAccuracy() float64 { return ratio(s.XPOS, s.Words) }

// UASScore is the unlabelled attachment score.
func (s Syntax) UASScore() float64 { return ratio(s.UAS, s.Words) }

// LASScore is the labelled attachment score.
func (s Syntax) LASScore() float64 { return ratio(s.LAS, s.Words) }

// String reports the scores in the order the UD script prints them.
func (s Syntax) String() string {
	return fmt.Sprintf("words %d  UPOS %.4f  XPOS %.4f  UAS %.4f  LAS %.4f",
		s.Words, s.UPOSAccuracy(), s.XPOSAccuracy(), s.UASScore(), s.LASScore())
}

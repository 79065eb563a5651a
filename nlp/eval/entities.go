// Package eval scores newsgraph's language models the way the standard
// scorers do, so that figures compare with published ones.
package eval

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Score is precision, recall and F1 over entity spans of one type (or all).
type Score struct {
	Gold, Guessed, Correct int // spans in the gold data, predicted, predicted exactly right
	Precision, Recall, F1  float64
}

func (s *Score) finish() {
	if s.Guessed > 0 {
		s.Precision = float64(s.Correct) / float64(s.Guessed)
	}
	if s.Gold > 0 {
		s.Recall = float64(s.Correct) / float64(s.Gold)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
}

// EntityResult is what conlleval reports: overall and per-type scores and
// token accuracy.
type EntityResult struct {
	Overall       Score
	Types         map[string]Score
	Tokens        int // tokens scored
	CorrectTags   int // tokens whose predicted tag equals the gold tag
	TokenAccuracy float64
}

// TypeNames returns the entity types seen in gold or guesses, sorted.
func (r EntityResult) TypeNames() []string {
	names := make([]string, 0, len(r.Types))
	for t := range r.Types {
		names = append(names, t)
	}
	sort.Strings(names)
	return names
}

// String formats the result as conlleval's summary does.
func (r EntityResult) String() string {
	var b strings.Builder
	o := r.Overall
	fmt.Fprintf(&b, "processed %d tokens with %d phrases; found: %d phrases; correct: %d.\n", r.Tokens, o.Gold, o.Guessed, o.Correct)
	fmt.Fprintf(&b, "accuracy: %6.2f%%; precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f\n", 100*r.TokenAccuracy, 100*o.Precision, 100*o.Recall, 100*o.F1)
	for _, t := range r.TypeNames() {
		s := r.Types[t]
		fmt.Fprintf(&b, "%17s: precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f  %d\n", t, 100*s.Precision, 100*s.Recall, 100*s.F1, s.Guessed)
	}
	return b.String()
}

// EntityScorer accumulates entity counts sentence by sentence exactly as
// conlleval does, so IOB1 and IOB2 (and IOE) tags are read the same way it
// reads them. The zero value is ready to use.
type EntityScorer struct {
	correctChunk, foundCorrect, foundGuessed map[string]int
	all                                      Score
	tokens, correctTags                      int
}

// AddSentence scores one sentence's gold and guessed tags ("O", "B-PER",
// "I-ORG"…), which must be of equal length.
func (s *EntityScorer) AddSentence(gold, guess []string) error {
	if len(gold) != len(guess) {
		return fmt.Errorf("eval: sentence has %d gold tags but %d guessed", len(gold), len(guess))
	}
	if s.correctChunk == nil {
		s.correctChunk, s.foundCorrect, s.foundGuessed = map[string]int{}, map[string]int{}, map[string]int{}
	}
	// Each sentence starts after conlleval's boundary line (tags O O), so no
	// chunk is open and nothing carries over.
	lastC, lastCT, lastG, lastGT := "O", "", "O", ""
	inCorrect := false
	step := func(c, ct, g, gt string) {
		endC := endOfChunk(lastC, c, lastCT, ct)
		endG := endOfChunk(lastG, g, lastGT, gt)
		startC := startOfChunk(lastC, c, lastCT, ct)
		startG := startOfChunk(lastG, g, lastGT, gt)
		if inCorrect {
			if endC && endG && lastGT == lastCT {
				inCorrect = false
				s.all.Correct++
				s.correctChunk[lastCT]++
			} else if endC != endG || gt != ct {
				inCorrect = false
			}
		}
		if startC && startG && gt == ct {
			inCorrect = true
		}
		if startC {
			s.all.Gold++
			s.foundCorrect[ct]++
		}
		if startG {
			s.all.Guessed++
			s.foundGuessed[gt]++
		}
		lastC, lastCT, lastG, lastGT = c, ct, g, gt
	}
	for i := range gold {
		c, ct := splitTag(gold[i])
		g, gt := splitTag(guess[i])
		step(c, ct, g, gt)
		if c == g && ct == gt {
			s.correctTags++
		}
		s.tokens++
	}
	step("O", "", "O", "") // the boundary closes any open chunk
	return nil
}

// Result returns the scores so far.
func (s *EntityScorer) Result() EntityResult {
	r := EntityResult{Overall: s.all, Types: map[string]Score{}, Tokens: s.tokens, CorrectTags: s.correctTags}
	r.Overall.finish()
	if s.tokens > 0 {
		r.TokenAccuracy = float64(s.correctTags) / float64(s.tokens)
	}
	types := map[string]bool{}
	for t := range s.foundCorrect {
		types[t] = true
	}
	for t := range s.foundGuessed {
		types[t] = true
	}
	for t := range types {
		sc := Score{Gold: s.foundCorrect[t], Guessed: s.foundGuessed[t], Correct: s.correctChunk[t]}
		sc.finish()
		r.Types[t] = sc
	}
	return r
}

// ScoreCoNLL scores a file in conlleval's input form: one token a line whose
// last two columns are the gold and guessed tags, blank lines between
// sentences. Lines starting with -DOCSTART- count as ordinary O tokens, as
// in conlleval.
func ScoreCoNLL(r io.Reader) (EntityResult, error) {
	var s EntityScorer
	var gold, guess []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			s.AddSentence(gold, guess)
			gold, guess = gold[:0], guess[:0]
			continue
		}
		if len(f) < 3 {
			return EntityResult{}, fmt.Errorf("eval: line %d: want a token and two tags, got %d columns", line, len(f))
		}
		gold = append(gold, f[len(f)-2])
		guess = append(guess, f[len(f)-1])
	}
	if err := sc.Err(); err != nil {
		return EntityResult{}, fmt.Errorf("eval: line %d: %w", line, err)
	}
	s.AddSentence(gold, guess)
	return s.Result(), nil
}

// splitTag splits "B-PER" into ("B", "PER"); a tag without a hyphen has no
// type ("O" → ("O", "")), as in conlleval.
func splitTag(t string) (string, string) {
	if i := strings.IndexByte(t, '-'); i >= 0 {
		return t[:i], t[i+1:]
	}
	return t, ""
}

// endOfChunk is conlleval's: does a chunk end between the previous token and
// this one?
func endOfChunk(prevTag, tag, prevType, typ string) bool {
	switch {
	case prevTag == "B" && (tag == "B" || tag == "O"),
		prevTag == "I" && (tag == "B" || tag == "O"),
		prevTag == "E" && (tag == "E" || tag == "I" || tag == "O"),
		prevTag == "]" || prevTag == "[":
		return true
	}
	return prevTag != "O" && prevTag != "." && prevType != typ
}

// startOfChunk is conlleval's: does a chunk start at this token?
func startOfChunk(prevTag, tag, prevType, typ string) bool {
	switch {
	case tag == "B" && (prevTag == "B" || prevTag == "I" || prevTag == "O"),
		tag == "I" && prevTag == "O",
		prevTag == "E" && (tag == "E" || tag == "I"),
		prevTag == "O" && tag == "E",
		tag == "[" || tag == "]":
		return true
	}
	return tag != "O" && tag != "." && prevType != typ
}

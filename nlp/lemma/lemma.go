// Package lemma turns a word and its universal part of speech into its
// lemma with rules learned from annotated text: suffix rewrites per part of
// speech ("-ies" → "-y" for NOUN), plus the exceptions the rules get wrong
// ("went" → "go").
package lemma

import (
	"bufio"
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxSuffix is the longest suffix (in bytes) a rule is keyed on.
const maxSuffix = 5

// rule rewrites a word by dropping its last Strip bytes and adding Add.
type rule struct {
	Strip int
	Add   string
}

// Model lemmatises words. It is read-only and safe for concurrent use.
type Model struct {
	exceptions map[key]string // base form, UPOS → lemma
	rules      map[key]rule   // UPOS, suffix → rule
}

// key is a pair of strings; a struct key spares building one string per
// lookup, and lemmatising runs on every word.
type key struct{ a, b string }

// base is the form rules apply to: proper nouns keep their case, as their
// lemmas do in UD; other words are lowercased.
func base(form, upos string) string {
	if upos == "PROPN" {
		return form
	}
	return strings.ToLower(form)
}

// Lemma returns the lemma of form used as upos.
func (m *Model) Lemma(form, upos string) string {
	b := base(form, upos)
	if l, ok := m.exceptions[key{b, upos}]; ok {
		return l
	}
	return m.applyRule(b, upos)
}

func (m *Model) applyRule(b, upos string) string {
	for n := min(maxSuffix, len(b)); n >= 0; n-- {
		if n > 0 && !utf8.RuneStart(b[len(b)-n]) {
			continue
		}
		if r, ok := m.rules[key{upos, b[len(b)-n:]}]; ok {
			if r.Strip > len(b) {
				return b
			}
			return b[:len(b)-r.Strip] + r.Add
		}
	}
	return b
}

// ruleFor is the rewrite that turns b into lemma.
func ruleFor(b, lemma string) rule {
	p := 0
	for p < len(b) && p < len(lemma) && b[p] == lemma[p] {
		p++
	}
	return rule{Strip: len(b) - p, Add: lemma[p:]}
}

// Example is one annotated word.
type Example struct{ Form, UPOS, Lemma string }

// Train learns suffix rules (the most frequent rewrite for each part of
// speech and suffix seen at least minCount times) and then keeps as
// exceptions the words whose most frequent lemma the rules miss.
func Train(examples []Example, minCount int) *Model {
	ruleCounts := map[key]map[rule]int{}
	suffixSeen := map[key]int{}
	lemmaCounts := map[key]map[string]int{}
	for _, ex := range examples {
		if ex.Lemma == "" || ex.Lemma == "_" {
			continue
		}
		b := base(ex.Form, ex.UPOS)
		r := ruleFor(b, ex.Lemma)
		for n := 0; n <= min(maxSuffix, len(b)); n++ {
			k := key{ex.UPOS, b[len(b)-n:]}
			if ruleCounts[k] == nil {
				ruleCounts[k] = map[rule]int{}
			}
			ruleCounts[k][r]++
			suffixSeen[k]++
		}
		wk := key{b, ex.UPOS}
		if lemmaCounts[wk] == nil {
			lemmaCounts[wk] = map[string]int{}
		}
		lemmaCounts[wk][ex.Lemma]++
	}
	m := &Model{exceptions: map[key]string{}, rules: map[key]rule{}}
	for k, counts := range ruleCounts {
		if suffixSeen[k] < minCount && k.b != "" {
			continue
		}
		m.rules[k] = argmax(counts, func(a, b rule) int {
			return strings.Compare(strconv.Itoa(a.Strip)+a.Add, strconv.Itoa(b.Strip)+b.Add)
		})
	}
	// A rule that says what its shorter suffix already says is redundant.
	for k, r := range m.rules {
		upos, suf := k.a, k.b
		if suf == "" {
			continue
		}
		_, short := utf8.DecodeRuneInString(suf)
		if m.applyRuleKeyed(upos, suf[short:]) == r {
			delete(m.rules, k)
		}
	}
	for k, counts := range lemmaCounts {
		best := argmax(counts, strings.Compare)
		if m.applyRule(k.a, k.b) != best {
			m.exceptions[k] = best
		}
	}
	return m
}

// applyRuleKeyed is the rule used for a suffix once longer ones are gone.
func (m *Model) applyRuleKeyed(upos, suf string) rule {
	for n := len(suf); n >= 0; n-- {
		if r, ok := m.rules[key{upos, suf[len(suf)-n:]}]; ok {
			return r
		}
	}
	return rule{}
}

// argmax picks the most frequent value; ties go to the smallest by cmp, so
// training is deterministic.
func argmax[T comparable](counts map[T]int, cmp func(a, b T) int) T {
	var best T
	bestN := -1
	for v, n := range counts {
		if n > bestN || (n == bestN && cmp(v, best) < 0) {
			best, bestN = v, n
		}
	}
	return best
}

// MarshalText writes the model as sorted lines: "R upos suffix strip add"
// and "E base upos lemma", tab-separated.
func (m *Model) MarshalText() ([]byte, error) {
	var lines []string
	for k, r := range m.rules {
		lines = append(lines, "R\t"+k.a+"\t"+k.b+"\t"+strconv.Itoa(r.Strip)+"\t"+r.Add)
	}
	for k, l := range m.exceptions {
		lines = append(lines, "E\t"+k.a+"\t"+k.b+"\t"+l)
	}
	slices.Sort(lines)
	return []byte(strings.Join(lines, "\n") + "\n"), nil
}

// Parse reads a model written by MarshalText.
func Parse(data []byte) (*Model, error) {
	m := &Model{exceptions: map[key]string{}, rules: map[key]rule{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		f := strings.Split(sc.Text(), "\t")
		switch {
		case len(f) == 5 && f[0] == "R":
			strip, err := strconv.Atoi(f[3])
			if err != nil {
				return nil, fmt.Errorf("lemma: line %d: %w", n, err)
			}
			m.rules[key{f[1], f[2]}] = rule{Strip: strip, Add: f[4]}
		case len(f) == 4 && f[0] == "E":
			m.exceptions[key{f[1], f[2]}] = f[3]
		default:
			return nil, fmt.Errorf("lemma: line %d: malformed", n)
		}
	}
	return m, sc.Err()
}

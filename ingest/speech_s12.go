package ingest

import (
	"unicode"

	"github.com/newsgraph/newsgraph/schema"
)

// prepBefore is the word before the mention mi once a determiner and the
// capitalised titles and adjectives that lead its noun phrase are stepped
// over: "the FCC under Democratic President X said", "the chairman of
// the Senate Intelligence Committee, …, said" put X and the committee in
// a prepositional phrase although no preposition stands right before the
// name. A weekday or month stops the walk ("On Tuesday Senator X said"
// is X's), as does anything lowercase but a determiner, and so does
// another name.
func (v *view) prepBefore(mi int) string {
	i := v.m(mi).i - 1
	for steps := 0; i >= 0 && steps < prepTitleMax; steps++ {
		t := v.t[i]
		if weekdays[t.Lower] || months[t.Lower] {
			break
		}
		// "Chairman of the House Intelligence Committee Devin Nunes
		// said": a name of another organisation or place ends the titles
		// (a party used as an adjective does not).
		if e := v.end[i+1]; e >= 0 && v.m(e).kind == kName && !v.isA(e, schema.PoliticalParty) && !v.isA(e, schema.Role) {
			break
		}
		if t.Tag == "DT" || capitalised(t.Text) && (t.Tag == "NNP" || t.Tag == "NNPS" || t.Tag == "JJ") {
			i--
			continue
		}
		break
	}
	// "U.S. Secretary of State X", "White House Chief of Staff X": an
	// "of" inside a capitalised title is part of the title.
	if steps := v.m(mi).i - 1 - i; steps > 0 && v.low(i) == "of" && i > 0 && capitalised(v.t[i-1].Text) {
		return ""
	}
	return v.low(i)
}

func capitalised(w string) bool {
	return w != "" && unicode.IsUpper([]rune(w)[0])
}

// prepTitleMax bounds the titles prepBefore steps over ("the former
// Democratic U.S. Senator").
const prepTitleMax = 5

// relativeOwn reports whether the speech verb at k stands in a relative
// clause on the mention s itself: "a priority for Trump, who says …",
// "first reported by CNN, which said …". The pronoun must follow the name
// (after a comma at most) and agree with it ("who" a person, "which" no
// person), and no comma may close the clause before the verb ("Senator X
// of Texas, who led the delegation, said" is X's, not Texas's).
func (v *view) relativeOwn(s, k int) bool {
	j := v.m(s).j
	if v.low(j) == "," {
		j++
	}
	switch v.low(j) {
	case "who":
		if !v.isA(s, schema.Person) {
			return false
		}
	case "which":
		if v.isA(s, schema.Person) {
			return false
		}
	default:
		return false
	}
	for a := j + 1; a < k && a < len(v.t); a++ {
		if v.t[a].Text == "," {
			return false
		}
	}
	return j < k
}

// inPhrase reports whether the mention s, the subject found for the
// speech verb at k, stands inside a prepositional phrase ("police in
// Umbria said", "the film directed by X, …, said", "a lawyer for the State
// of X tweeted: “…”") and so is not the speaker.
func (v *view) inPhrase(s, k int) bool {
	p := v.prepBefore(s)
	// "Representatives for X, the panel's chairman, and Y said": a name
	// coordinated with one inside the phrase is inside it too
	// (speech_s13.go).
	if p == "and" {
		if c := v.firstConjunct(s); c >= 0 && c != s {
			if q := v.prepBefore(c); q == "for" || q == "of" {
				return !v.relativeOwn(s, k)
			}
		}
	}
	switch p {
	case "in", "of", "at", "from", "by", "for":
		return !v.relativeOwn(s, k)
	}
	return docPrepositions[p] && !v.relativeBetween(s, k)
}

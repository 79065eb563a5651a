package ingest

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/schema"
)

var hedgeWords = []string{"allegedly", "reportedly", "purportedly", "apparently", "alleged", "claimed", "claims", "guesstimate", "unconfirmed", "rumoured", "rumored", "suspected", "according to", "believed to", "said to be"}

func hedgeIn(text string) string {
	l := strings.ToLower(text)
	for _, h := range hedgeWords {
		if i := strings.Index(l, h); i >= 0 && (i == 0 || !unicode.IsLetter(rune(l[i-1]))) {
			return h
		}
	}
	return ""
}

var months = map[string]bool{"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan.": true, "feb.": true, "mar.": true, "apr.": true, "jun.": true, "jul.": true, "aug.": true, "sept.": true, "sep.": true, "oct.": true, "nov.": true, "dec.": true}
var weekdays = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true}

func isYear(s string) bool {
	if len(s) != 4 {
		return false
	}
	n, err := strconv.Atoi(s)
	return err == nil && n >= 1800 && n <= 2100
}

// timeAt reads a time expression starting at token k: "in December 2017",
// "on Thursday", "last week", "Oct. 15, 1979".
func (v *view) timeAt(k int) (string, int) {
	w := v.low(k)
	start := k
	switch w {
	case "in", "on", "since", "until", "during", "by", "from":
		k++
	case "last", "this", "next", "earlier", "late", "early":
		n := v.low(k + 1)
		if n == "week" || n == "month" || n == "year" || weekdays[n] || months[n] {
			return joinToks(v.t[start : k+2]), k + 2
		}
		return "", k
	}
	if k > start && (v.low(k) == "early" || v.low(k) == "late" || v.low(k) == "mid") {
		k++
	}
	end := k
	switch {
	case months[v.low(k)]:
		if !monthAt(v, k, k > start) {
			return "", k
		}
		end = k + 1
		if end < len(v.t) && v.t[end].Tag == "CD" && len(v.t[end].Text) <= 2 {
			end++
			if v.low(end) == "," && isYear(v.low(end+1)) {
				end += 2
			}
		}
		if isYear(v.low(end)) {
			end++
		}
	case weekdays[v.low(k)]:
		end = k + 1
	case isYear(v.low(k)) && k > start:
		end = k + 1
	default:
		return "", k
	}
	from := start
	if k == start {
		from = k
	}
	return joinToks(v.t[from:end]), end
}

// monthAt reports whether the month word at k names a month: written with a
// capital, and for the month names that are also verbs ("may", "march"),
// after a preposition of time or before a day or a year ("in May", "May 5"), so
// that the modal verb in "X may control Y" never dates a fact.
func monthAt(v *view, k int, afterPrep bool) bool {
	t := v.t[k].Text
	if t == v.t[k].Lower {
		return false
	}
	switch v.t[k].Lower {
	case "may", "march":
		if afterPrep && v.low(k-1) != "by" {
			return true // not "backed by May": an agent
		}
		next := ""
		if k+1 < len(v.t) {
			next = v.t[k+1].Text
		}
		return isYear(next) || len(next) <= 2 && next != "" && next[0] >= '0' && next[0] <= '9'
	}
	return true
}

// qualifiers adds the time and hedge found around tokens [lo, hi) to q.
func (v *view) qualifiers(lo, hi int, q map[string]string) map[string]string {
	out := map[string]string{}
	for k, val := range q {
		out[k] = val
	}
	from, to := max(0, lo-6), min(len(v.t), hi+10)
	for k := from; k < to; k++ {
		if e := v.relClauseEnd(k); e > k && !(k <= lo && lo < e) && !(k < hi && hi <= e) {
			// "X, who founded the firm in 2011, said": a time inside a
			// relative clause the fact does not come from dates that
			// clause's event, not the fact.
			k = e - 1
			continue
		}
		if t, _ := v.timeAt(k); t != "" {
			out[schema.QualTime] = t
			break
		}
	}
	for k := max(0, lo-4); k < min(len(v.t), hi+4); k++ {
		w := v.low(k)
		for _, h := range hedgeWords {
			if w == h || (h == "according to" && w == "according" && v.low(k+1) == "to") {
				out[schema.QualHedge] = h
			}
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// relClauseEnd: when token k opens a relative clause (", who …,", ",
// which …,"), the index of the token that closes it (its comma or the end
// of the sentence); otherwise -1.
func (v *view) relClauseEnd(k int) int {
	if v.low(k) != "," {
		return -1
	}
	switch v.low(k + 1) {
	case "who", "which", "whose", "whom", "where":
	default:
		return -1
	}
	e := k + 2
	for e < len(v.t) && v.low(e) != "," && v.low(e) != ";" {
		e++
	}
	return e
}

// formerWords mark an affiliation or title that no longer holds.
var formerWords = map[string]bool{"former": true, "ex": true, "onetime": true, "one-time": true, "erstwhile": true}

// formerBefore reports whether the premodifiers before token lo say
// "former": "the former Kestrel engineer X" (lo at "Kestrel" or at
// "engineer"), "former President X". Names that are not people and
// lower-case adjectives are stepped over, at most three of them.
func (v *view) formerBefore(lo int) bool {
	k := lo
	for steps := 0; k > 0 && steps < 4; steps++ {
		if k < len(v.t) && v.t[k].Former || formerWords[v.low(k-1)] {
			return true
		}
		if mi := v.end[k]; mi >= 0 && v.m(mi).i < k && !v.isA(mi, schema.Person) {
			k = v.m(mi).i
			continue
		}
		if t := v.t[k-1]; t.Tag == "JJ" && t.Text == t.Lower {
			k--
			continue
		}
		return false
	}
	return false
}

// tenseQual marks a title or affiliation as former when its premodifiers
// say so.
func (v *view) tenseQual(pred string, lo int, q map[string]string) map[string]string {
	switch pred {
	case "role", "works_for", "leads", "member_of":
	default:
		return q
	}
	if q[schema.QualFormer] != "" || lo <= 0 || lo >= len(v.t) || !v.formerBefore(lo) {
		return q
	}
	out := map[string]string{schema.QualFormer: "true"}
	for k, val := range q {
		out[k] = val
	}
	return out
}

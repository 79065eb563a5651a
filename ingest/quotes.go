package ingest

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/schema"
)

var speechVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "tells": true, "added": true, "adds": true,
	"explained": true, "stated": true, "noted": true, "insisted": true, "warned": true, "wrote": true,
	"declared": true, "announced": true, "asserted": true, "stressed": true, "argued": true, "claimed": true,
	"claims": true, "acknowledged": true, "admitted": true, "recalled": true, "replied": true,
	"responded": true, "confirmed": true, "emphasized": true, "emphasised": true, "remarked": true,
}

type ptok struct{ si, k int }

// quotes attributes quotations to speakers paragraph by paragraph
// ("“…,” X said", "X said: “…”", "“…,” X told Y", "he added" → the previous
// speaker) and reads reported speech ("X said the talks failed").
func (x *docState) quotes() {
	lastSpeaker := -1
	for p0 := 0; p0 < len(x.sents); {
		p1 := p0
		for p1 < len(x.sents) && x.sents[p1].Para == x.sents[p0].Para {
			p1++
		}
		var pt []ptok
		for si := p0; si < p1; si++ {
			for k := range x.sents[si].Toks {
				pt = append(pt, ptok{si, k})
			}
		}
		inQuote := make([]bool, len(pt))
		tokAt := func(i int) token { return x.sents[pt[i].si].Toks[pt[i].k] }
		attributed := false
		for i := 0; i < len(pt); i++ {
			t := tokAt(i).Text
			if !isOpenQuote(t) && !(t == "\"") {
				continue
			}
			if t == "`" && i+1 < len(pt) && tokAt(i+1).Text == "`" {
				i++
			}
			o := i
			c := -1
			for j := i + 1; j < len(pt); j++ {
				tj := tokAt(j).Text
				if tj == "”" || tj == "\"" || tj == "»" || tj == "''" || (tj == "'" && j+1 < len(pt) && tokAt(j+1).Text == "'") || tj == "’" && tokAt(j-1).End == tokAt(j).Start && !strings.HasSuffix(tokAt(j-1).Text, "s") {
					c = j
					break
				}
			}
			closeEnd := c
			if c < 0 {
				c = len(pt)
				closeEnd = len(pt) - 1
			} else if tokAt(c).Text == "'" && c+1 < len(pt) && tokAt(c+1).Text == "'" {
				closeEnd = c + 1
			}
			for k := o; k <= closeEnd && k < len(pt); k++ {
				inQuote[k] = true
			}
			if o+1 >= c {
				i = closeEnd
				continue
			}
			text := strings.TrimSpace(x.doc.Text[tokAt(o).End:tokAt(c-1).End])
			text = strings.TrimRight(text, ", ")
			if len(strings.Fields(text)) < 3 {
				i = closeEnd
				continue // scare quotes: ‘Explains’
			}
			speaker, rule, endSent := x.attribution(pt, tokAt, o, closeEnd)
			if speaker >= 0 && rule == "quote-pronoun" && lastSpeaker >= 0 {
				speaker = lastSpeaker
			}
			if speaker < 0 && c >= len(pt)-2 && o <= 1 && lastSpeaker >= 0 && !attributed && p0 > 0 {
				// A paragraph that is all quote continues the last speaker.
				speaker, rule, endSent = lastSpeaker, "quote-continued", pt[min(closeEnd, len(pt)-1)].si
			}
			if speaker >= 0 {
				x.addStatement(speaker, text, rule, pt[o].si, max(endSent, pt[min(closeEnd, len(pt)-1)].si))
				lastSpeaker = speaker
				attributed = true
			}
			i = closeEnd
		}
		// Reported speech outside quotes.
		for i := 0; i < len(pt); i++ {
			tk := tokAt(i)
			if inQuote[i] || !speechVerbs[tk.Lower] || tk.Lower == "told" || tk.Lower == "added" {
				continue
			}
			si := pt[i].si
			v := x.view(si)
			k := pt[i].k
			if k+1 >= len(v.t) {
				continue
			}
			nx := v.t[k+1]
			if nx.Text == ":" || nx.Text == "," || isOpenQuote(nx.Text) || nx.Text == "." || nx.Lower == "in" || nx.Lower == "on" || nx.Lower == "by" {
				continue
			}
			s, _ := v.subject(k)
			if s < 0 || v.m(s).i+1 < 0 {
				continue
			}
			st := k + 1
			if nx.Lower == "that" {
				st++
			}
			end := len(v.t)
			for end > st && (v.t[end-1].Text == "." || isCloseQuote(v.t[end-1].Text)) {
				end--
			}
			if end-st < 4 {
				continue
			}
			// Stop at an attribution tail: ", according to ...".
			for j := st; j < end; j++ {
				if v.t[j].Text == "," && v.low(j+1) == "according" {
					end = j
					break
				}
			}
			text := x.doc.Text[v.t[st].Start:v.t[end-1].End]
			spk := v.ent(s)
			if v.m(s).kind == kPronoun && lastSpeaker >= 0 {
				spk = lastSpeaker
			}
			if spk >= 0 {
				x.addStatement(spk, text, "reported-speech", si, si)
				lastSpeaker = spk
			}
		}
		p0 = p1
	}
}

// attribution finds who said the quote [o, c] of a paragraph.
func (x *docState) attribution(pt []ptok, tokAt func(int) token, o, c int) (speaker int, rule string, endSent int) {
	// After: "," X said / said X / X told Y.
	i := c + 1
	if i < len(pt) && (tokAt(i).Text == "," || tokAt(i).Text == "”") {
		i++
	}
	if i < len(pt) {
		si := pt[i].si
		v := x.view(si)
		k := pt[i].k
		if pt[min(c, len(pt)-1)].si == si || k == 0 || true {
			if mi := v.start[k]; mi >= 0 && (v.m(mi).kind == kName || v.m(mi).kind == kPronoun) && !v.isA(mi, schema.Location) || mi >= 0 && v.m(mi).kind == kRole {
				j := v.m(mi).j
				// "the US envoy Jeffrey said": title + name
				if v.m(mi).kind == kRole {
					if p := v.start[j]; p >= 0 {
						mi, j = p, v.m(p).j
					}
				}
				if j < len(v.t) && speechVerbs[v.low(j)] {
					rule := "quote-after"
					if v.m(mi).kind == kPronoun {
						rule = "quote-pronoun"
					}
					return v.ent(mi), rule, si
				}
			}
			if speechVerbs[v.low(k)] {
				if mi := v.np(k + 1); mi >= 0 && v.m(mi).kind == kName {
					return v.ent(mi), "quote-said-x", si
				}
			}
		}
	}
	// Before: X said: “…” / X said, “…”
	b := o - 1
	if b >= 0 && (tokAt(b).Text == ":" || tokAt(b).Text == ",") {
		b--
	}
	if b >= 0 && speechVerbs[tokAt(b).Lower] {
		si := pt[b].si
		v := x.view(si)
		if s, _ := v.subject(pt[b].k); s >= 0 {
			rule := "quote-before"
			if v.m(s).kind == kPronoun {
				rule = "quote-pronoun"
			}
			return v.ent(s), rule, si
		}
	}
	return -1, "", 0
}

func (x *docState) addStatement(speaker int, text, rule string, s0, s1 int) {
	text = strings.Join(strings.Fields(text), " ")
	if speaker < 0 || text == "" {
		return
	}
	if c := x.ents[speaker].class; !c.IsA(schema.Person) && !c.IsA(schema.Organization) && !c.IsA(schema.Location) {
		return
	}
	x.stmts = append(x.stmts, statement{text: text, speaker: speaker})
	v := x.view(s0)
	q := v.qualifiers(0, len(v.t), nil)
	if h := hedgeIn(text); h != "" {
		if q == nil {
			q = map[string]string{}
		}
		q[schema.QualHedge] = h
	}
	x.facts = append(x.facts, rawFact{subj: speaker, obj: -1, pred: "said", stmt: len(x.stmts) - 1, rule: rule, s0: s0, s1: s1, qual: q})
}

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

// qualifiers adds the time and hedge found around tokens [lo, hi) to q.
func (v *view) qualifiers(lo, hi int, q map[string]string) map[string]string {
	out := map[string]string{}
	for k, val := range q {
		out[k] = val
	}
	from, to := max(0, lo-6), min(len(v.t), hi+10)
	for k := from; k < to; k++ {
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

// ruleConfidence is each rule's precision, estimated on the CoNLL04 train
// split and the seed article (see docs/extraction.md); unknown rules get 0.5.
func ruleConfidence(rule string) float64 {
	if c, ok := confidences[rule]; ok {
		return c
	}
	return 0.5
}

var confidences = map[string]float64{
	"title-name": 0.9, "title-org": 0.8, "org-title-name": 0.7, "place-title-name": 0.5,
	"appositive-role": 0.85, "appositive-org": 0.7, "appositive-org-lives": 0.5, "title-org-lives": 0.5, "org-title-name-lives": 0.5,
	"possessive-role": 0.8, "possessive-org": 0.7, "possessive-place": 0.6, "possessive-based": 0.5, "possessive-attack": 0.7,
	"x-backed-y": 0.85, "x-held-y": 0.8, "x-based-y": 0.8, "x-born-y": 0.7, "x-linked-y": 0.7, "x-led-y": 0.5,
	"passive-by": 0.7, "svo-controls": 0.6, "svo-backs": 0.6, "svo-attacked": 0.6, "svo-killed": 0.6, "svo-leads": 0.5,
	"svo-opposes": 0.5, "svo-member_of": 0.5, "svo-works_for": 0.5, "svo-control-of": 0.7, "under-control-of": 0.7,
	"kill-nominal-by": 0.7, "kill-nominal-poss": 0.6, "kill-nominal-accused": 0.5, "kill-nominal-agent": 0.7, "attack-noun": 0.6,
	"comma-place": 0.7, "dateline": 0.9, "x-in-y": 0.6, "org-in-place": 0.5, "appositive-in": 0.7, "based-in": 0.8,
	"lives-in": 0.8, "born-in": 0.7, "place-org-name": 0.6, "population": 0.7, "strength": 0.7, "active-in": 0.6,
	"x-affiliate-y": 0.7, "y-affiliate-of-x": 0.7, "allied-with": 0.6, "works-for": 0.7,
	"person-of-org": 0.6, "person-of-place": 0.5, "org-of-place": 0.5,
	"quote-after": 0.9, "quote-before": 0.85, "quote-said-x": 0.85, "quote-pronoun": 0.75, "quote-continued": 0.6, "reported-speech": 0.7,
}

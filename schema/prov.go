package schema

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Provenance of an evidence node in one literal (PredProv), so that a fact
// costs five quads instead of ten or more (docs/graph-model.md):
//
//	start|end|rule|confidence[|key=value]...
//
// start and end are the sentence's offsets in code points, confidence is
// Go's shortest round-trip form of the float64, and each qualifier follows
// in key order; a qualifier whose value is "true" is written as its bare
// key ("former"). '%', '|' and '=' inside the rule, keys and values are
// percent-escaped, so any string round-trips.

var (
	provEscaper   = strings.NewReplacer("%", "%25", "|", "%7C", "=", "%3D")
	provUnescaper = strings.NewReplacer("%7C", "|", "%3D", "=", "%25", "%")
)

// EncodeProv packs an evidence's offsets, rule, confidence and qualifiers.
func EncodeProv(ev Evidence) string {
	var b strings.Builder
	b.WriteString(strconv.Itoa(ev.Start))
	b.WriteByte('|')
	b.WriteString(strconv.Itoa(ev.End))
	b.WriteByte('|')
	b.WriteString(provEscaper.Replace(ev.Rule))
	b.WriteByte('|')
	b.WriteString(strconv.FormatFloat(ev.Confidence, 'g', -1, 64))
	keys := make([]string, 0, len(ev.Qualifiers))
	for k := range ev.Qualifiers {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		b.WriteByte('|')
		b.WriteString(provEscaper.Replace(k))
		if v := ev.Qualifiers[k]; v != "true" {
			b.WriteByte('=')
			b.WriteString(provEscaper.Replace(v))
		}
	}
	return b.String()
}

// DecodeProv is the inverse of EncodeProv: it fills Start, End, Rule,
// Confidence and Qualifiers (nil when there are none).
func DecodeProv(s string) (Evidence, error) {
	var ev Evidence
	parts := strings.Split(s, "|")
	if len(parts) < 4 {
		return ev, fmt.Errorf("provenance %q: want start|end|rule|confidence", s)
	}
	var err error
	if ev.Start, err = strconv.Atoi(parts[0]); err != nil {
		return ev, fmt.Errorf("provenance %q: start: %w", s, err)
	}
	if ev.End, err = strconv.Atoi(parts[1]); err != nil {
		return ev, fmt.Errorf("provenance %q: end: %w", s, err)
	}
	ev.Rule = provUnescaper.Replace(parts[2])
	if ev.Confidence, err = strconv.ParseFloat(parts[3], 64); err != nil {
		return ev, fmt.Errorf("provenance %q: confidence: %w", s, err)
	}
	for _, p := range parts[4:] {
		if ev.Qualifiers == nil {
			ev.Qualifiers = map[string]string{}
		}
		k, v, hasValue := strings.Cut(p, "=")
		if !hasValue {
			v = "true"
		}
		ev.Qualifiers[provUnescaper.Replace(k)] = provUnescaper.Replace(v)
	}
	return ev, nil
}

// SentenceIRI is the node of the sentence at start..end (code points) of a
// document: "sen:DOC/START-END". Every fact read in that sentence points to
// it (PredEvSentence), so the text is stored once per sentence.
func SentenceIRI(docID string, start, end int) string {
	return "sen:" + escapeIRIPart(docID) + "/" + strconv.Itoa(start) + "-" + strconv.Itoa(end)
}

// DocIRIOfNode is the document an evidence or sentence node belongs to,
// read from its IRI ("ev:DOC/…", "sen:DOC/…" give "doc:DOC"): the same
// document as its quads' label, for readers that hold the IRI but not the
// quad. ok is false for other IRIs (merge records among them).
func DocIRIOfNode(iri string) (string, bool) {
	rest, ok := strings.CutPrefix(iri, "ev:")
	if !ok {
		if rest, ok = strings.CutPrefix(iri, "sen:"); !ok {
			return "", false
		}
	}
	i := strings.LastIndexByte(rest, '/')
	if i <= 0 || strings.ContainsRune(rest[:i], ':') {
		return "", false
	}
	return "doc:" + rest[:i], true
}

// FinestClass is the deepest of the given classes (the one with most
// ancestors; ties by name), "" for none: what a layout-1 mention's class
// quads (the class and each ancestor) reduce to.
func FinestClass(cs []Class) Class {
	var best Class
	for _, c := range cs {
		if _, ok := LookupClass(string(c)); !ok {
			continue
		}
		if best == "" || len(c.Ancestors()) > len(best.Ancestors()) ||
			len(c.Ancestors()) == len(best.Ancestors()) && c < best {
			best = c
		}
	}
	return best
}

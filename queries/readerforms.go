package queries

import (
	"context"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"

	"github.com/newsgraph/newsgraph/names"
)

// resolveName is ResolveName before following merges. When the text as
// given names nothing, it tries the forms a reader types for a name the
// store keeps otherwise (readerForms), in order, and takes the first that
// names something: "Mr Blair" finds what "Blair" does, "the Senate" what
// "Senate" does, "Tories" the Conservative Party's node.
func resolveName(ctx context.Context, qs cgraph.QuadStore, keys KeyReader, text string) ([]string, error) {
	found, err := resolveExact(ctx, qs, keys, text)
	if err != nil || len(found) > 0 {
		return found, err
	}
	for _, form := range readerForms(text) {
		found, err := resolveExact(ctx, qs, keys, form)
		if err != nil || len(found) > 0 {
			return found, err
		}
	}
	return found, nil
}

// readerForms lists, most specific first, what a text may stand for when
// it is not a stored name: the text without a leading article, without
// honorifics and titles ("Mr.", "President", "Senate Majority Leader"),
// and the canonical name and variants of the name family it belongs to
// (parties, governments, international bodies, countries).
func readerForms(text string) []string {
	text = strings.Join(strings.Fields(text), " ")
	var forms []string
	add := func(f string) {
		f = strings.TrimSpace(f)
		if f != "" && f != text && !containsFold(forms, f) {
			forms = append(forms, f)
		}
	}
	bare := text
	if w, rest, ok := strings.Cut(text, " "); ok && strings.EqualFold(w, "the") {
		bare = rest
		add(bare)
	}
	t := names.Default()
	if _, rest := t.StripTitles(bare); rest != bare {
		add(rest)
	}
	for _, f := range []string{text, bare} {
		if m, ok := t.Family(f); ok {
			add(m.Canonical)
			for _, v := range m.Variants {
				add(v)
			}
		}
	}
	return forms
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

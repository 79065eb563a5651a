// Package names is newsgraph's knowledge of how news writes names, kept as
// data: which words before a name are titles or honorifics and not part of
// it ("Mr", "Senator", "Tory MP"), which names are one organisation or place
// ("Tories", "Tory party", "Conservative Party"; "UN", "United Nations"), and
// the regular variants derived from a listed name ("the X", "X's", "the X
// party", singular and plural). The tables are TSV files compiled into the
// binary (families.tsv, titles.tsv, spheres.tsv, family-first.tsv,
// org-suffixes.tsv, given-names.tsv; each documents its columns) and read by
// a small loader.
//
// resolve uses it to decide identity across documents; ingest and queries
// may use it to strip titles and to look names up as people type them.
package names

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/schema"
)

//go:embed families.tsv titles.tsv spheres.tsv family-first.tsv org-suffixes.tsv given-names.tsv given-names.tsv
var files embed.FS

// Family kinds, as the first column of families.tsv names them.
const (
	KindParty       = "party"
	KindGovernment  = "government"
	KindLegislature = "legislature"
	KindMetonym     = "metonym"
	KindBody        = "body"
	KindCountry     = "country"
	KindCourt       = "court"
)

// Family is one organisation or place and every name news gives it.
type Family struct {
	Kind      string       // one of the Kind constants
	Class     schema.Class // the class of its node
	Canonical string       // the name its node is known by
	// Variants always mean this entity; the canonical name is the first.
	Variants []string
	// Ambiguous names usually mean it but not always: resolution only
	// proposes merges on them.
	Ambiguous []string
	// Context are the canonical names of other families that settle an
	// ambiguous name within one document: "House" in a story that names the
	// U.S. Senate is the U.S. House, unless the story names another house.
	Context []string
}

type familyRef struct {
	idx       int
	ambiguous bool
}

// Table is the parsed name knowledge. It is read-only once built and safe
// for concurrent use.
type Table struct {
	families    []Family
	byKey       map[string]familyRef
	bySlug      map[string]familyRef // schema.Slug of each listed name
	titles      map[string]string    // Key(title) → sphere
	titleWords  int                  // most words in one title
	familyWords int                  // most words in one family name
	conflicts   map[[2]string]bool
	familyFirst map[string]bool
	orgSuffixes map[string]bool
	givenNames  map[string]bool
}

// Default is the table compiled into the binary. The embedded data is
// checked by the package's tests, so a failure here is a build defect.
var Default = sync.OnceValue(func() *Table {
	t, err := Load()
	if err != nil {
		panic(fmt.Sprintf("names: embedded tables: %v", err))
	}
	return t
})

// Load parses the tables compiled into the binary.
func Load() (*Table, error) {
	open := func(name string) io.Reader {
		f, err := files.Open(name)
		if err != nil {
			return strings.NewReader("") // cannot happen: embedded at build time
		}
		return f
	}
	return Parse(Sources{Families: open("families.tsv"), Titles: open("titles.tsv"), Spheres: open("spheres.tsv"),
		FamilyFirst: open("family-first.tsv"), OrgSuffixes: open("org-suffixes.tsv"), GivenNames: open("given-names.tsv")})
}

// Sources are the TSV tables a Table is built from (formats in the
// embedded files' headers); a nil source is an empty table.
type Sources struct {
	Families, Titles, Spheres, FamilyFirst, OrgSuffixes, GivenNames io.Reader
}

// Parse builds a table. A malformed line, an unknown class or a name listed
// in two families is an error naming the file and line.
func Parse(src Sources) (*Table, error) {
	t := &Table{byKey: map[string]familyRef{}, bySlug: map[string]familyRef{}, titles: map[string]string{}, conflicts: map[[2]string]bool{},
		familyFirst: map[string]bool{}, orgSuffixes: map[string]bool{}, givenNames: map[string]bool{}}
	err := eachRow(src.Families, "families.tsv", 6, func(line int, f []string) error {
		info, ok := schema.LookupClass(f[1])
		if !ok {
			return fmt.Errorf("unknown class %q", f[1])
		}
		fam := Family{Kind: f[0], Class: info.Name, Canonical: f[2], Variants: append([]string{f[2]}, split(f[3])...), Ambiguous: split(f[4]), Context: split(f[5])}
		idx := len(t.families)
		t.families = append(t.families, fam)
		for i, names := range [][]string{fam.Variants, fam.Ambiguous} {
			for _, n := range names {
				k := Key(n)
				if old, dup := t.byKey[k]; dup && old.idx != idx {
					return fmt.Errorf("%q is listed in %q and %q", n, t.families[old.idx].Canonical, fam.Canonical)
				}
				t.byKey[k] = familyRef{idx: idx, ambiguous: i == 1}
				if old, dup := t.bySlug[schema.Slug(n)]; !dup || old.ambiguous {
					t.bySlug[schema.Slug(n)] = familyRef{idx: idx, ambiguous: i == 1}
				}
				t.familyWords = max(t.familyWords, len(strings.Fields(k)))
			}
		}
		return nil
	})
	if err == nil {
		// A context name is another family's canonical name: ingest looks
		// it up among the families a document names.
		canon := map[string]bool{}
		for _, f := range t.families {
			canon[f.Canonical] = true
		}
		for _, f := range t.families {
			for _, c := range f.Context {
				if !canon[c] {
					err = fmt.Errorf("families.tsv: context %q of %q is no family's canonical name", c, f.Canonical)
				}
			}
		}
	}
	if err == nil {
		err = eachRow(src.Titles, "titles.tsv", 2, func(line int, f []string) error {
			k := Key(f[0])
			if _, dup := t.titles[k]; dup {
				return fmt.Errorf("title %q listed twice", f[0])
			}
			t.titles[k] = f[1]
			t.titleWords = max(t.titleWords, len(strings.Fields(k)))
			return nil
		})
	}
	if err == nil {
		err = eachRow(src.Spheres, "spheres.tsv", 2, func(line int, f []string) error {
			t.conflicts[[2]string{f[0], f[1]}] = true
			t.conflicts[[2]string{f[1], f[0]}] = true
			return nil
		})
	}
	if err == nil {
		err = eachRow(src.FamilyFirst, "family-first.tsv", 1, func(line int, f []string) error {
			t.familyFirst[Key(f[0])] = true
			return nil
		})
	}
	if err == nil {
		err = eachRow(src.OrgSuffixes, "org-suffixes.tsv", 1, func(line int, f []string) error {
			t.orgSuffixes[Key(f[0])] = true
			return nil
		})
	}
	if err == nil {
		err = eachRow(src.GivenNames, "given-names.tsv", 1, func(line int, f []string) error {
			t.givenNames[Key(f[0])] = true
			return nil
		})
	}
	if err != nil {
		return nil, fmt.Errorf("names: %w", err)
	}
	return t, nil
}

// eachRow calls fn with the fields of every line that is not blank or a
// comment; a line without exactly n fields is an error.
func eachRow(r io.Reader, file string, n int, fn func(line int, fields []string) error) error {
	if r == nil {
		return nil
	}
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) != n {
			return fmt.Errorf("%s:%d: %d fields, want %d", file, line, len(f), n)
		}
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		if f[0] == "" {
			return fmt.Errorf("%s:%d: empty first field", file, line)
		}
		if err := fn(line, f); err != nil {
			return fmt.Errorf("%s:%d: %w", file, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	return nil
}

func split(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

var keyCleaner = strings.NewReplacer(".", "", "’", "'", "‘", "'")

// Key is the form names are compared in: schema.NameKey (lower case, runs
// of white space as one space) without full stops, with one kind of
// apostrophe, and without a leading "the" or a trailing possessive: "the
// U.N.'s" and "UN" have one key.
func Key(name string) string {
	k := schema.NameKey(keyCleaner.Replace(name))
	k = strings.TrimPrefix(k, "the ")
	if s, ok := strings.CutSuffix(k, "'s"); ok && s != "" {
		k = s
	} else if s, ok := strings.CutSuffix(k, "s'"); ok && s != "" {
		k = s + "s"
	}
	return k
}

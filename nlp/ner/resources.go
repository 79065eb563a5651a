package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Resources are the knowledge the features read besides the words: a
// gazetteer of names and word clusters learnt from unlabelled news. A model
// must run with the resources it was trained with.
type Resources struct {
	gaz      *gazetteer
	clusters *clusters
}

// DefaultResources reads the gazetteer and clusters compiled into the binary.
func DefaultResources() (*Resources, error) {
	g, err := data.ReadFile("data/gazetteer.txt.gz")
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	c, err := data.ReadFile("data/clusters.txt.gz")
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	return ReadResources(bytes.NewReader(g), bytes.NewReader(c))
}

// ReadResources reads a gazetteer file (gzip'd lines "TYPE<TAB>name") and a
// cluster file (gzip'd lines "c<TAB>word<TAB>path" and "r<TAB>word<TAB>bucket",
// as WriteClusters writes them).
func ReadResources(gazetteerFile, clusterFile io.Reader) (*Resources, error) {
	g, err := readGazetteer(gazetteerFile)
	if err != nil {
		return nil, err
	}
	c, err := readClusters(clusterFile)
	if err != nil {
		return nil, err
	}
	return &Resources{gaz: g, clusters: c}, nil
}

// gzLines calls fn with the tab-separated fields of each non-empty line of a
// gzip'd text file.
func gzLines(r io.Reader, what string, fn func(line int, fields []string) error) error {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return fmt.Errorf("ner: %s file: %w", what, err)
	}
	sc := bufio.NewScanner(zr)
	n := 0
	for sc.Scan() {
		n++
		if sc.Text() == "" || strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		if err := fn(n, strings.Split(sc.Text(), "\t")); err != nil {
			return fmt.Errorf("ner: %s file line %d: %w", what, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("ner: %s file: %w", what, err)
	}
	return nil
}

// gazetteer maps lower-cased names (tokens joined by spaces) to the types
// of list they are on.
type gazetteer struct {
	types  []string
	names  map[string]uint32 // name → bit set of types
	maxLen map[string]int    // first token → longest name starting with it
}

func readGazetteer(r io.Reader) (*gazetteer, error) {
	g := &gazetteer{names: map[string]uint32{}, maxLen: map[string]int{}}
	typeIdx := map[string]int{}
	err := gzLines(r, "gazetteer", func(_ int, f []string) error {
		if len(f) != 2 || f[0] == "" || f[1] == "" {
			return fmt.Errorf("want TYPE<TAB>name, got %q", strings.Join(f, "\t"))
		}
		ti, ok := typeIdx[f[0]]
		if !ok {
			if len(g.types) == 32 {
				return fmt.Errorf("more than 32 list types")
			}
			ti = len(g.types)
			typeIdx[f[0]] = ti
			g.types = append(g.types, f[0])
		}
		words := strings.Fields(strings.ToLower(f[1]))
		g.names[strings.Join(words, " ")] |= 1 << ti
		g.maxLen[words[0]] = max(g.maxLen[words[0]], len(words))
		return nil
	})
	if err != nil {
		return nil, err
	}
	return g, nil
}

// match marks every token covered by a list's name with "TYPE-B", "TYPE-I",
// "TYPE-L" or "TYPE-U", taking for each list the longest name that starts
// at a token and carrying on after it. Names must begin and end with a
// capitalised token, so "turkey" and "chad" in running text do not match.
func (g *gazetteer) match(toks []tok) {
	var key strings.Builder
	for ti, typ := range g.types {
		bit := uint32(1) << ti
		for i := 0; i < len(toks); {
			n := 0
			if toks[i].upper {
				longest := min(g.maxLen[toks[i].lower], len(toks)-i)
				for l := longest; l >= 1 && n == 0; l-- {
					if !toks[i+l-1].upper {
						continue
					}
					key.Reset()
					for j := i; j < i+l; j++ {
						if j > i {
							key.WriteByte(' ')
						}
						key.WriteString(toks[j].lower)
					}
					if g.names[key.String()]&bit != 0 {
						n = l
					}
				}
			}
			if n == 0 {
				i++
				continue
			}
			if n == 1 {
				toks[i].gaz = append(toks[i].gaz, typ+"-U")
			} else {
				toks[i].gaz = append(toks[i].gaz, typ+"-B")
				for j := i + 1; j < i+n-1; j++ {
					toks[j].gaz = append(toks[j].gaz, typ+"-I")
				}
				toks[i+n-1].gaz = append(toks[i+n-1].gaz, typ+"-L")
			}
			i += n
		}
	}
}

// clusters holds each word's cluster path (a string whose prefixes name
// ever coarser clusters) and, for lower-cased words, a bucket of how often
// they are capitalised away from the start of a sentence.
type clusters struct {
	paths    map[string]string
	ratio    map[string]string
	prefixes []int // prefix lengths used as features
}

func readClusters(r io.Reader) (*clusters, error) {
	c := &clusters{paths: map[string]string{}, ratio: map[string]string{}}
	err := gzLines(r, "clusters", func(_ int, f []string) error {
		if len(f) != 3 {
			return fmt.Errorf("want 3 tab-separated fields, got %d", len(f))
		}
		switch f[0] {
		case "c":
			c.paths[f[1]] = f[2]
		case "r":
			c.ratio[f[1]] = f[2]
		case "p":
			for _, p := range strings.Split(f[2], ",") {
				var n int
				if _, err := fmt.Sscan(p, &n); err != nil || n <= 0 {
					return fmt.Errorf("bad prefix length %q", p)
				}
				c.prefixes = append(c.prefixes, n)
			}
		default:
			return fmt.Errorf("unknown record %q", f[0])
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// lookup returns the prefixes of the word's cluster path. In a sentence in
// capitals the word is looked up as it would be written in running text.
func (c *clusters) lookup(w string, capsSent bool) []string {
	p, ok := "", false
	if !capsSent {
		p, ok = c.paths[w]
	}
	if !ok {
		p, ok = c.paths[titleCase(w)]
	}
	if !ok {
		p, ok = c.paths[strings.ToLower(w)]
	}
	if !ok {
		return nil
	}
	out := make([]string, 0, len(c.prefixes))
	for _, n := range c.prefixes {
		out = append(out, p[:min(n, len(p))])
	}
	return out
}

func (c *clusters) capRatio(lower string) string { return c.ratio[lower] }

func titleCase(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + strings.ToLower(w[n:])
}

// CapRatio says how often a lower-case word is written capitalised away
// from the start of a sentence in the unlabelled news the clusters were
// learnt from: "never", "rarely", "sometimes", "mostly" or "always"; ""
// for a word not seen often enough. "Life", "Bail" or "Click" opening a
// sentence are common words ("rarely", "never"); "Smith" is a name.
func (r *Resources) CapRatio(lower string) string {
	if r == nil || r.clusters == nil {
		return ""
	}
	return r.clusters.capRatio(lower)
}

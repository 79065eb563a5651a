package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph/graphtest"
)

// cli runs newsgraph in-process against a store and returns its exit code
// and output. The store is a bolt path, or a PostgreSQL connection string.
func cli(t *testing.T, store string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), append(storeFlags(store), args...), strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func storeFlags(store string) []string {
	if strings.HasPrefix(store, "postgres://") {
		return []string{"--backend", "postgres", "--store-address", store}
	}
	return []string{"--db", store}
}

// forEachBackend runs fn on bolt, and on PostgreSQL when
// NEWSGRAPH_TEST_POSTGRES is set; newStore makes an empty store each call.
func forEachBackend(t *testing.T, fn func(t *testing.T, newStore func() string)) {
	t.Run("bolt", func(t *testing.T) {
		fn(t, func() string { return filepath.Join(t.TempDir(), "g.db") })
	})
	t.Run("postgres", func(t *testing.T) {
		graphtest.Postgres(t) // skips loudly when PostgreSQL is not configured
		fn(t, func() string { return graphtest.Postgres(t).Address })
	})
}

func mustCLI(t *testing.T, db string, args ...string) string {
	t.Helper()
	code, out, errOut := cli(t, db, args...)
	if code != 0 {
		t.Fatalf("newsgraph %v: exit %d\nstdout: %s\nstderr: %s", args, code, out, errOut)
	}
	return out
}

type storeStats struct {
	Documents, Entities, Facts, Quads int64
}

func stats(t *testing.T, db string) storeStats {
	t.Helper()
	var s storeStats
	if err := json.Unmarshal([]byte(mustCLI(t, db, "stats", "--format", "json")), &s); err != nil {
		t.Fatalf("stats json: %v", err)
	}
	return s
}

func examplesDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs("../../examples")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("examples folder: %v", err)
	}
	return dir
}

func TestIngestIsIdempotent(t *testing.T) { forEachBackend(t, testIngestIsIdempotent) }

func testIngestIsIdempotent(t *testing.T, newStore func() string) {
	db := newStore()
	mustCLI(t, db, "ingest", examplesDir(t))
	first := stats(t, db)
	if first.Documents < 3 || first.Facts == 0 || first.Entities == 0 {
		t.Fatalf("examples gave too little: %+v", first)
	}
	out := mustCLI(t, db, "ingest", examplesDir(t))
	if !strings.Contains(out, "added 0") {
		t.Errorf("second ingest added documents: %s", out)
	}
	if second := stats(t, db); second != first {
		t.Fatalf("second ingest changed the store: %+v → %+v", first, second)
	}
}

func TestDeleteRemovesExactlyOneDocument(t *testing.T) {
	forEachBackend(t, testDeleteRemovesExactlyOneDocument)
}

func testDeleteRemovesExactlyOneDocument(t *testing.T, newStore func() string) {
	all, one, empty := newStore(), newStore(), newStore()
	files, err := filepath.Glob(filepath.Join(examplesDir(t), "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no .txt examples: %v", err)
	}
	victim := files[0]
	id := strings.TrimSuffix(filepath.Base(victim), filepath.Ext(victim))

	mustCLI(t, all, "ingest", examplesDir(t))
	before := stats(t, all)
	mustCLI(t, one, "ingest", victim)
	mustCLI(t, empty, "import", "--format", "nquads", "--name", "empty", "-")
	alone, base := stats(t, one), stats(t, empty)

	out := mustCLI(t, all, "delete", id)
	if !strings.Contains(out, id) {
		t.Errorf("delete output does not name the document: %q", out)
	}
	after := stats(t, all)
	if got, want := before.Quads-after.Quads, alone.Quads-base.Quads; got != want {
		t.Fatalf("delete removed %d quads, the document alone has %d", got, want)
	}
	if after.Documents != before.Documents-1 {
		t.Fatalf("documents %d → %d", before.Documents, after.Documents)
	}
	if code, _, errOut := cli(t, all, "delete", id); code != 1 || !strings.Contains(errOut, "no such document") {
		t.Fatalf("deleting twice: exit %d, %q", code, errOut)
	}
}

func TestBadFilesAreReportedAndTheRestStored(t *testing.T) {
	in := t.TempDir()
	good := []string{"a.txt", "b.txt"}
	for i, name := range good {
		text := []string{
			"Colonel Maria Vance, the commander of the Northern Brigade, said the town of Kessel was calm.",
			"The Harbor Council, a group based in Tallin Bay, said it had rejected the offer.",
		}[i]
		if err := os.WriteFile(filepath.Join(in, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	bad := map[string][]byte{
		"empty.txt":  {},
		"binary.txt": {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 0, 3},
		"latin1.txt": []byte("Caf\xe9 in M\xfcnchen"),
	}
	for name, data := range bad {
		if err := os.WriteFile(filepath.Join(in, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(t.TempDir(), "g.db")
	code, out, errOut := cli(t, db, "ingest", in)
	if code != 1 {
		t.Fatalf("ingest with bad files: exit %d, want 1\n%s\n%s", code, out, errOut)
	}
	for name := range bad {
		if !strings.Contains(errOut, name) {
			t.Errorf("stderr does not name %s:\n%s", name, errOut)
		}
	}
	if s := stats(t, db); s.Documents != int64(len(good)) {
		t.Fatalf("stored %d documents, want %d", s.Documents, len(good))
	}
	if !strings.Contains(out, "failed 3") {
		t.Errorf("summary does not count the failures: %s", out)
	}
}

// TestConfigLayers: flags > environment > config file, seen in the path
// a reading command says it looked at (issue 17: it no longer makes an
// empty store there).
func TestConfigLayers(t *testing.T) {
	dir := t.TempDir()
	cfgDB := filepath.Join(dir, "from-config.db")
	cfg := filepath.Join(dir, "newsgraph.yaml")
	if err := os.WriteFile(cfg, []byte("store:\n  path: "+cfgDB+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	looked := func(what string, args []string, want string) {
		t.Helper()
		var out, errb bytes.Buffer
		code := run(context.Background(), args, nil, &out, &errb)
		if code != 2 || !strings.Contains(errb.String(), "no newsgraph store at "+want+" ") {
			t.Fatalf("stats with %s: exit %d, %s; want it to look at %s", what, code, errb.String(), want)
		}
	}
	looked("config", []string{"--config", cfg, "stats"}, cfgDB)
	envDB := filepath.Join(dir, "from-env.db")
	t.Setenv("NEWSGRAPH_DB", envDB)
	looked("env", []string{"--config", cfg, "stats"}, envDB)
	flagDB := filepath.Join(dir, "from-flag.db")
	looked("flag", []string{"--config", cfg, "--db", flagDB, "stats"}, flagDB)
	for _, p := range []string{cfgDB, envDB, flagDB} {
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("stats made %s: %v", p, err)
		}
	}
}

// A binary called newsgraph next to the working directory is not a config
// file (viper's own search would read it as one).
func TestBinaryInWorkingDirIsNotConfig(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "newsgraph"), []byte("\x7fELF\x00\x01binary"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	mustCLI(t, filepath.Join(dir, "g.db"), "import", "--format", "nquads", "--name", "empty", "-")
	if code, _, errOut := cli(t, filepath.Join(dir, "g.db"), "stats"); code != 0 {
		t.Fatalf("stats next to a binary: exit %d: %s", code, errOut)
	}
	if err := os.WriteFile(filepath.Join(dir, "newsgraph.yaml"), []byte("store: [unclosed"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := cli(t, filepath.Join(dir, "g.db"), "stats"); code == 0 || !strings.Contains(errOut, "newsgraph.yaml") {
		t.Fatalf("a broken newsgraph.yaml must fail naming it: exit %d: %s", code, errOut)
	}
}

// Every saved query runs from the CLI on the ingested examples and finds
// what the articles say.
func TestSavedQueriesOnExamples(t *testing.T) { forEachBackend(t, testSavedQueriesOnExamples) }

func testSavedQueriesOnExamples(t *testing.T, newStore func() string) {
	db := newStore()
	mustCLI(t, db, "ingest", examplesDir(t))
	cases := []struct {
		query  string
		params []string
		want   []string // substrings of the TSV output
	}{
		{"roles", []string{"person=Oskar Lind"}, []string{"General"}},
		{"who-controls", []string{"place=Brannock"}, []string{"Freedom Front for Valdoria"}},
		{"relations", []string{"entity=Kestrel Systems"}, []string{"based_in", "Osland"}},
		{"statements", []string{"speaker=Anna Kovac"}, []string{"starve a city"}},
		{"entities", []string{"class=Person"}, []string{"Helena Marsh", "Marek Dvorsky"}},
		{"sources", []string{"entity=Kessel"}, []string{"valdoria-river-offensive"}},
		{"connections", []string{"from=Oskar Lind", "to=Drava"}, []string{"Valdorian army", "attacked"}},
		{"shortest-path", []string{"from=Oskar Lind", "to=Drava"}, []string{"Valdorian army"}},
	}
	seen := map[string]bool{}
	for _, c := range cases {
		seen[c.query] = true
		args := []string{"query", c.query, "--format", "tsv"}
		for _, p := range c.params {
			args = append(args, "--param", p)
		}
		out := mustCLI(t, db, args...)
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("query %s %v: output lacks %q:\n%s", c.query, c.params, w, out)
			}
		}
	}
	// Every listed saved query is covered above.
	list := mustCLI(t, db, "queries")
	for _, line := range strings.Split(list, "\n")[1:] {
		if f := strings.Fields(line); len(f) > 0 && !seen[f[0]] {
			t.Errorf("saved query %s has no CLI test", f[0])
		}
	}
	// A hostile parameter is just a strange name.
	code, out, errOut := cli(t, db, "query", "roles", "--param", `person=x") ; g.V().All(); ("`, "--format", "tsv")
	if code == 0 || strings.Contains(out, "ent:") || !strings.Contains(errOut, "no entity named") {
		t.Fatalf("injected parameter: exit %d\n%s\n%s", code, out, errOut)
	}
	// Ad-hoc Gizmo.
	out = mustCLI(t, db, "query", "--gizmo", `g.V("<ent:location/brannock>").In("<ng:controls>").Out("<ng:name>").All()`, "--format", "json")
	if !strings.Contains(out, "Freedom Front for Valdoria") {
		t.Fatalf("gizmo: %s", out)
	}
}

// Paging from the CLI: pages of --limit rows joined by --cursor are --all,
// each row once, in the query's order.
func TestQueryPagesFromTheCLI(t *testing.T) { forEachBackend(t, testQueryPagesFromTheCLI) }

func testQueryPagesFromTheCLI(t *testing.T, newStore func() string) {
	db := newStore()
	mustCLI(t, db, "ingest", examplesDir(t))
	base := []string{"query", "entities", "--param", "class=Location", "--format", "tsv"}
	all := strings.Split(strings.TrimSpace(mustCLI(t, db, append(base, "--all")...)), "\n")
	if len(all) < 6 {
		t.Fatalf("--all gave %d lines; the examples name more places:\n%s", len(all), strings.Join(all, "\n"))
	}
	header, want := all[0], all[1:]
	var got []string
	cursor := ""
	for page := 0; page < len(want)+1; page++ {
		args := append(append([]string{}, base...), "--limit", "2")
		if cursor != "" {
			args = append(args, "--cursor", cursor)
		}
		code, out, errOut := cli(t, db, args...)
		if code != 0 {
			t.Fatalf("page %d: exit %d: %s", page, code, errOut)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if lines[0] != header || len(lines) > 3 {
			t.Fatalf("page %d: header %q, %d rows (want ≤ 2)", page, lines[0], len(lines)-1)
		}
		got = append(got, lines[1:]...)
		_, next, ok := strings.Cut(errOut, "--cursor ")
		if !ok {
			break
		}
		cursor = strings.Fields(next)[0]
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("pages joined:\n%s\n--all:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// A cursor of another query's run is refused, not misread.
	code, _, errOut := cli(t, db, "query", "entities", "--param", "class=Person", "--cursor", cursor)
	if cursor != "" && (code == 0 || !strings.Contains(errOut, "cursor")) {
		t.Errorf("cursor of class=Location used for class=Person: exit %d, %s", code, errOut)
	}
}

// N-Quads export, imported into a new store, gives the same quad set.
func TestExportImportRoundTrip(t *testing.T) { forEachBackend(t, testExportImportRoundTrip) }

func testExportImportRoundTrip(t *testing.T, newStore func() string) {
	dir := t.TempDir()
	src, dst := newStore(), newStore()
	mustCLI(t, src, "ingest", examplesDir(t))
	nq := filepath.Join(dir, "graph.nq")
	mustCLI(t, src, "export", "--format", "nquads", "--out", nq)
	mustCLI(t, dst, "import", nq)
	a, b := stats(t, src), stats(t, dst)
	if a != b {
		t.Fatalf("stats after round trip: %+v, want %+v", b, a)
	}
	backupA := mustCLI(t, src, "backup")
	backupB := mustCLI(t, dst, "backup")
	la, lb := strings.Split(backupA, "\n"), strings.Split(backupB, "\n")
	sort.Strings(la)
	sort.Strings(lb)
	if strings.Join(la, "\n") != strings.Join(lb, "\n") {
		t.Fatalf("quad sets differ after export/import: %d vs %d lines", len(la), len(lb))
	}
}

// Flags shared by several commands (extract and ingest both have
// --predicates and --min-confidence) take effect on the command that runs.
func TestExtractFlagsFilter(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	relations := func(out string) map[string]int {
		preds := map[string]int{}
		for _, line := range strings.Split(out, "\n")[1:] {
			if f := strings.Split(line, "\t"); len(f) > 3 && f[2] != "type" && f[2] != "alias" {
				preds[f[2]]++
			}
		}
		return preds
	}
	all := relations(mustCLI(t, db, "extract", examplesDir(t)))
	if len(all) < 5 {
		t.Fatalf("examples give too few kinds of facts: %v", all)
	}
	only := relations(mustCLI(t, db, "extract", "--predicates", "role,controls", examplesDir(t)))
	if len(only) == 0 || only["said"] > 0 || only["role"] != all["role"] {
		t.Fatalf("--predicates role,controls gave %v (all: %v)", only, all)
	}
	sure := relations(mustCLI(t, db, "extract", "--min-confidence", "0.9", examplesDir(t)))
	n, m := 0, 0
	for _, c := range all {
		n += c
	}
	for _, c := range sure {
		m += c
	}
	if m == 0 || m >= n {
		t.Fatalf("--min-confidence 0.9 kept %d of %d facts", m, n)
	}
}

// An article that names a person only by surname, with nothing else in
// common with the article that gives the full name, is not merged but
// proposed; accepting the proposal links them, and undoing the merge keeps
// it undone.
func TestCrossDocumentMerges(t *testing.T) { forEachBackend(t, testCrossDocumentMerges) }

func testCrossDocumentMerges(t *testing.T, newStore func() string) {
	in := t.TempDir()
	texts := map[string]string{
		"a.txt": "Ambassador Helena Marsh, the UN envoy, said the talks went well.",
		"b.txt": "Marsh said on Monday that the talks would go on.",
		"c.txt": "Colonel Ivo Brandt and Major Lena Brandt, two officers of the Northern Brigade, met reporters.",
		"d.txt": "Brandt said the brigade would withdraw.",
	}
	for name, text := range texts {
		if err := os.WriteFile(filepath.Join(in, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := newStore()
	mustCLI(t, db, "ingest", in)
	if out := mustCLI(t, db, "entities", "merges", "--format", "json"); strings.TrimSpace(out) != "[]" {
		t.Fatalf("a bare surname was merged: %s", out)
	}
	var proposals []struct{ From, Into, Rule string }
	if err := json.Unmarshal([]byte(mustCLI(t, db, "entities", "merges", "--proposed", "--format", "json")), &proposals); err != nil {
		t.Fatal(err)
	}
	var marsh []string
	for _, p := range proposals {
		if p.From == "ent:person/marsh" {
			marsh = append(marsh, p.Into)
		}
	}
	if len(marsh) != 1 || marsh[0] != "ent:person/helena-marsh" {
		t.Fatalf("proposals: %+v", proposals)
	}
	mustCLI(t, db, "entities", "merge", "ent:person/marsh", "ent:person/helena-marsh")
	var merges []struct{ ID, From, Into, Rule string }
	if err := json.Unmarshal([]byte(mustCLI(t, db, "entities", "merges", "--format", "json")), &merges); err != nil {
		t.Fatal(err)
	}
	if len(merges) != 1 || merges[0].Rule != "accepted:surname" {
		t.Fatalf("merges: %+v", merges)
	}
	out := mustCLI(t, db, "query", "statements", "--param", "speaker=Helena Marsh", "--format", "tsv")
	if !strings.Contains(out, "would go on") {
		t.Fatalf("merged speaker's quotes not found:\n%s", out)
	}
	mustCLI(t, db, "entities", "unmerge", merges[0].ID)
	mustCLI(t, db, "entities", "resolve")
	if out := mustCLI(t, db, "entities", "merges", "--format", "json"); strings.TrimSpace(out) != "[]" {
		t.Fatalf("after unmerge: %s", out)
	}
}

// backup → restore into an empty store gives the same quad set (gzip too).
func TestBackupRestoreRoundTrip(t *testing.T) { forEachBackend(t, testBackupRestoreRoundTrip) }

func testBackupRestoreRoundTrip(t *testing.T, newStore func() string) {
	src, dst := newStore(), newStore()
	mustCLI(t, src, "ingest", examplesDir(t))
	mustCLI(t, src, "entities", "merge", "ent:person/helena-marsh", "ent:person/oskar-lind")
	file := filepath.Join(t.TempDir(), "backup.nq.gz")
	mustCLI(t, src, "backup", "--out", file)
	mustCLI(t, dst, "restore", file)
	// Exact: ingest timestamps included.
	sorted := func(s string) []string { l := strings.Split(s, "\n"); sort.Strings(l); return l }
	want, got := sorted(mustCLI(t, src, "backup")), sorted(mustCLI(t, dst, "backup"))
	if len(want) < 100 || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("restored store differs: %d quads, want %d", len(got), len(want))
	}
	if a, b := stats(t, src), stats(t, dst); a != b {
		t.Fatalf("stats after restore %+v, want %+v", b, a)
	}
}

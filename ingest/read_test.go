package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/schema"
)

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

type readResult struct {
	docs []schema.Document
	errs []error
}

func readAll(t *testing.T, paths ...string) readResult {
	t.Helper()
	var r readResult
	err := Read(context.Background(), paths, func(d schema.Document, err error) error {
		if err != nil {
			r.errs = append(r.errs, err)
			return nil
		}
		r.docs = append(r.docs, d)
		return nil
	})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return r
}

func TestReadFolderRecursiveSortedSkipsUnknown(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "b.txt", "Second article.\n")
	writeFile(t, dir, "a.txt", "First article.\n")
	writeFile(t, dir, "sub/c.htm", "<p>Third article.</p>")
	writeFile(t, dir, "notes.docx", "ignored")
	writeFile(t, dir, ".hidden/d.txt", "hidden folder is skipped")
	r := readAll(t, dir)
	if len(r.errs) != 0 {
		t.Fatalf("unexpected errors: %v", r.errs)
	}
	var ids []string
	for _, d := range r.docs {
		ids = append(ids, d.ID)
	}
	if got := strings.Join(ids, ","); got != "a,b,c" {
		t.Fatalf("ids = %s, want a,b,c", got)
	}
	if r.docs[2].Text != "Third article." {
		t.Errorf("html text = %q", r.docs[2].Text)
	}
}

func TestReadHTMLVisibleTextOnly(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "page.html", `<!DOCTYPE html><html><head><title> The  Title </title>
<style>body{}</style><script>var x = "SCRIPT";</script></head>
<body><nav>MENU ITEMS</nav><h1>Headline here</h1>
<p>First <b>para</b>graph
 continues.</p><div>Second<br>line</div><p hidden>secret</p><noscript>NOSCRIPT</noscript>
<p style="display: none">invisible</p><p>Last &amp; final.</p></body></html>`)
	r := readAll(t, p)
	if len(r.docs) != 1 {
		t.Fatalf("docs = %d, errs %v", len(r.docs), r.errs)
	}
	d := r.docs[0]
	want := "Headline here\n\nFirst paragraph continues.\n\nSecond line\n\nLast & final."
	if d.Text != want {
		t.Errorf("text = %q\nwant %q", d.Text, want)
	}
	if d.Title != "The Title" {
		t.Errorf("title = %q", d.Title)
	}
	for _, bad := range []string{"SCRIPT", "MENU", "secret", "NOSCRIPT", "invisible", "body{}"} {
		if strings.Contains(d.Text, bad) {
			t.Errorf("text contains %q", bad)
		}
	}
}

func TestReadJSONLBrokenLineAndLongLine(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("word ", 200000) // 1 MB line
	content := `{"id":"one","text":"Alpha text.","title":"T1","url":"https://x.org/1","published":"2024-05-01","source":"Wire"}
{"id":"two","text": broken json
{"id":"three","text":"` + long + `"}

{"text":"no id"}
{"id":7,"text":"numeric id"}
{"id":"empty","text":"   "}
{"id":"nodate","text":"A bad date is the document's error.","published":"yesterday-ish"}`
	p := writeFile(t, dir, "corpus.jsonl", content)
	r := readAll(t, p)
	var ids []string
	for _, d := range r.docs {
		ids = append(ids, d.ID)
	}
	if got := strings.Join(ids, ","); got != "one,three,7" {
		t.Fatalf("ids = %s", got)
	}
	if r.docs[0].Title != "T1" || r.docs[0].URL != "https://x.org/1" || r.docs[0].Source != "Wire" || r.docs[0].Published.Year() != 2024 {
		t.Errorf("metadata not read: %+v", r.docs[0])
	}
	if len(r.docs[1].Text) != len(long) {
		t.Errorf("long line truncated: %d", len(r.docs[1].Text))
	}
	if len(r.errs) != 4 {
		t.Fatalf("errs = %v, want 4 (broken, no id, empty, bad date)", r.errs)
	}
	if !errors.Is(r.errs[3], ErrBadDate) || !strings.Contains(r.errs[3].Error(), "corpus.jsonl:8") || !strings.Contains(r.errs[3].Error(), "yesterday-ish") {
		t.Errorf("bad date error = %v", r.errs[3])
	}
	var re *ReadError
	if !errors.As(r.errs[0], &re) || re.Line != 2 || re.Path != p {
		t.Errorf("first error = %v, want line 2 of %s", r.errs[0], p)
	}
	if !strings.Contains(r.errs[0].Error(), "corpus.jsonl:2") {
		t.Errorf("error does not name file and line: %v", r.errs[0])
	}
	if !errors.Is(r.errs[2], ErrEmpty) {
		t.Errorf("empty text error = %v", r.errs[2])
	}
}

func TestReadBadFilesAreReportedByName(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "good.txt", "A good article.")
	writeFile(t, dir, "empty.txt", " \n\t")
	writeFile(t, dir, "binary.txt", "abc\x00def")
	writeFile(t, dir, "latin1.txt", "caf\xe9 au lait")
	r := readAll(t, dir)
	if len(r.docs) != 1 || r.docs[0].ID != "good" {
		t.Fatalf("docs = %+v", r.docs)
	}
	want := map[string]error{"binary.txt": ErrBinary, "empty.txt": ErrEmpty, "latin1.txt": ErrInvalidUTF8}
	if len(r.errs) != len(want) {
		t.Fatalf("errs = %v", r.errs)
	}
	for _, err := range r.errs {
		var re *ReadError
		if !errors.As(err, &re) {
			t.Fatalf("not a ReadError: %v", err)
		}
		name := filepath.Base(re.Path)
		if !errors.Is(err, want[name]) {
			t.Errorf("%s: err = %v, want %v", name, err, want[name])
		}
		if !strings.Contains(err.Error(), name) {
			t.Errorf("error %q does not name %s", err, name)
		}
	}
}

func TestReadMissingPathAndCallbackStop(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", "One.")
	writeFile(t, dir, "b.txt", "Two.")
	r := readAll(t, filepath.Join(dir, "nope.txt"))
	if len(r.errs) != 1 || !errors.Is(r.errs[0], os.ErrNotExist) {
		t.Fatalf("missing path: %v", r.errs)
	}
	stop := errors.New("stop")
	n := 0
	err := Read(context.Background(), []string{dir}, func(schema.Document, error) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Fatalf("err = %v after %d calls, want stop after 1", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Read(ctx, []string{dir}, func(schema.Document, error) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled read: %v", err)
	}
}

func TestReadOne(t *testing.T) {
	docs, err := ReadOne("story.txt", strings.NewReader("Headline\r\n\r\nBody text."))
	if err != nil || len(docs) != 1 || docs[0].ID != "story" || docs[0].Text != "Headline\n\nBody text." || docs[0].Title != "Headline" {
		t.Fatalf("txt: %+v %v", docs, err)
	}
	docs, err = ReadOne("upload", strings.NewReader("No extension is plain text."))
	if err != nil || len(docs) != 1 || docs[0].ID != "upload" {
		t.Fatalf("no ext: %+v %v", docs, err)
	}
	docs, err = ReadOne("batch.jsonl", strings.NewReader("{\"id\":\"a\",\"text\":\"A.\"}\nnot json\n{\"id\":\"b\",\"text\":\"B.\"}\n"))
	if len(docs) != 2 || err == nil || !strings.Contains(err.Error(), "batch.jsonl:2") {
		t.Fatalf("jsonl: %+v %v", docs, err)
	}
	if _, err := ReadOne("x.pdf", strings.NewReader("%PDF")); !errors.Is(err, ErrUnsupported) {
		t.Fatalf("pdf: %v", err)
	}
	if _, err := ReadOne("x.txt", strings.NewReader("")); !errors.Is(err, ErrEmpty) {
		t.Fatalf("empty: %v", err)
	}
	if docs, err := ReadOne("", strings.NewReader("Text without a name.")); err == nil || len(docs) != 0 {
		t.Fatalf("nameless upload accepted: %+v", docs)
	}
	// An id with a leading dot is refused, as ?id= refuses it.
	if docs, err := ReadOne(".txt", strings.NewReader("Only an extension.")); !errors.Is(err, ErrBadID) || len(docs) != 0 {
		t.Fatalf("extension-only name: %+v %v", docs, err)
	}
}

// Ids that could be read as paths are refused the same way from a JSON
// "id" and from an upload's name (the API's ?id=).
func TestOddIDsAreDocumentErrors(t *testing.T) {
	for _, id := range []string{"../../etc/passwd", "a/b", `a\b`, ".hidden", "line\nbreak", "nul\x00", strings.Repeat("x", MaxIDLength+1)} {
		line, _ := json.Marshal(map[string]string{"id": id, "text": "Some text."})
		docs, err := ReadOne("upload.jsonl", bytes.NewReader(line))
		if !errors.Is(err, ErrBadID) || len(docs) != 0 {
			t.Errorf("JSON id %q: %v %+v", id, err, docs)
		}
		if CheckID(id) == nil {
			t.Errorf("CheckID(%q) = nil", id)
		}
	}
	for _, id := range []string{"reuters-2017-0001", "42", "Ünïcode id", "a.b"} {
		if err := CheckID(id); err != nil {
			t.Errorf("CheckID(%q) = %v", id, err)
		}
	}
}

// A symlink out of the folder, a FIFO and a symlink to a FIFO are skipped
// with a reason; nothing blocks; a symlink inside the folder is read.
func TestReadSkipsSymlinksOutAndNonRegularFiles(t *testing.T) {
	outside := t.TempDir()
	secret := writeFile(t, outside, "secret.txt", "Outside text.")
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", "Inside text.")
	if err := os.Symlink(secret, filepath.Join(dir, "leak.txt")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	if err := os.Symlink(filepath.Join(dir, "a.txt"), filepath.Join(dir, "alias.txt")); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	if err := os.Symlink(fifo, filepath.Join(dir, "pipelink.txt")); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	var r readResult
	go func() { defer close(done); r = readAll(t, dir) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Read blocked (on the FIFO?)")
	}
	var ids []string
	for _, d := range r.docs {
		ids = append(ids, d.ID)
	}
	if got := strings.Join(ids, ","); got != "a,alias" {
		t.Errorf("read %s, want a,alias", got)
	}
	if len(r.errs) != 3 {
		t.Fatalf("errs = %v, want 3 (leak, pipe, pipelink)", r.errs)
	}
	for _, err := range r.errs {
		if !errors.Is(err, ErrSkipped) {
			t.Errorf("%v: not a skip", err)
		}
	}
	if !strings.Contains(r.errs[0].Error(), "leads out of") {
		t.Errorf("leak: %v", r.errs[0])
	}
	// Allowed on request.
	var n int
	if err := (Reader{FollowSymlinks: true}).Read(context.Background(), []string{dir}, func(d schema.Document, err error) error {
		if err == nil {
			n++
		}
		return nil
	}); err != nil || n != 3 {
		t.Errorf("FollowSymlinks: %d documents, %v", n, err)
	}
	// A FIFO named directly is refused, not waited on.
	if err := readFile(context.Background(), fifo, func(_ schema.Document, err error) error {
		if !errors.Is(err, ErrSkipped) {
			t.Errorf("direct FIFO: %v", err)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

package ingest

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/schema"
)

// FuzzRead: no input makes the reader panic, and what it returns is
// usable: an id, valid UTF-8 text without NUL bytes.
func FuzzRead(f *testing.F) {
	f.Add("a.txt", []byte("Headline\n\nBody."))
	f.Add("b.html", []byte("<html><head><title>T</title><script>x</script></head><body><p>Hi <b>there</b></p></body></html>"))
	f.Add("c.jsonl", []byte("{\"id\":\"x\",\"text\":\"y\"}\nbroken\n{\"id\":1,\"text\":\"z\",\"published\":\"2020-01-02\"}"))
	f.Add("d.jsonl", []byte("\n\n"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		if len(name) > 64 {
			name = name[:64]
		}
		docs, _ := ReadOne(name, bytes.NewReader(data))
		for _, d := range docs {
			if d.ID == "" {
				t.Errorf("document without id from %q", name)
			}
			if !utf8.ValidString(d.Text) || strings.IndexByte(d.Text, 0) >= 0 {
				t.Errorf("bad text %q", d.Text)
			}
			if strings.TrimSpace(d.Text) == "" {
				t.Errorf("empty document returned")
			}
		}
	})
}

// FuzzExtract: no text makes extraction panic; every fact it returns is
// schema-valid and its offsets give back its sentence.
func FuzzExtract(f *testing.F) {
	f.Add("ERBIL, Kurdistan Region – Ambassador James Jeffrey, the US envoy, said: “It is a guesstimate.”")
	f.Add("The Iranian-backed Kataib Brigade (KB) has roughly 2,000 fighters in Iraq's Anbar province, which is held by the group.")
	f.Add("\"\" ” “ ( ) 's 's ' Mr. A. B. C. U.S. -- — 1,000 million killed by by by")
	f.Add("he she the group said: said, said “")
	ex, err := NewExtractor(Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		ext, err := ex.Extract(context.Background(), schema.Document{ID: "f", Text: text})
		if err != nil {
			t.Fatal(err)
		}
		runes := []rune(text)
		for _, fct := range ext.Facts {
			if err := schema.Validate(fct, ext.ClassOf); err != nil {
				t.Errorf("invalid fact: %v", err)
			}
			ev := fct.Evidence
			if ev.Start < 0 || ev.End < ev.Start || ev.End > len(runes) || string(runes[ev.Start:ev.End]) != ev.Sentence {
				t.Errorf("bad offsets [%d,%d) for %q", ev.Start, ev.End, ev.Sentence)
			}
		}
	})
}

package main

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for p, body := range files {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// TestCompareTrees: the CI check catches committed assets that are stale,
// incomplete or carry extra files.
func TestCompareTrees(t *testing.T) {
	built := writeTree(t, map[string]string{"a/loader.js": "new", "b.css": "x", "c.woff2": "f"})
	same := writeTree(t, map[string]string{"a/loader.js": "new", "b.css": "x", "c.woff2": "f"})
	if d, err := compareTrees(built, same); err != nil || len(d) != 0 {
		t.Fatalf("equal trees: %v %v", d, err)
	}
	stale := writeTree(t, map[string]string{"a/loader.js": "old", "b.css": "x", "extra.js": "?"})
	d, err := compareTrees(built, stale)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"differs: a/loader.js", "missing from the committed assets: c.woff2", "not built from the lock file: extra.js"}
	if !reflect.DeepEqual(d, want) {
		t.Errorf("got %q, want %q", d, want)
	}
}

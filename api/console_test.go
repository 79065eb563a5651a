package api

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// consoleFiles fetches the console's index and every script and style it
// links, as the browser would.
func consoleFiles(t *testing.T, e *testEnv) map[string]string {
	t.Helper()
	index := e.do("GET", "/", "")
	expectStatus(t, index, 200)
	if !strings.Contains(string(index.Body), "<title>Cayley</title>") {
		t.Fatalf("index: %.200s", index.Body)
	}
	files := map[string]string{"/": string(index.Body)}
	for _, m := range regexp.MustCompile(`(?:src|href)="(/static/[^"]+\.(?:js|css))"`).FindAllStringSubmatch(string(index.Body), -1) {
		r := e.do("GET", m[1], "")
		expectStatus(t, r, 200)
		files[m[1]] = string(r.Body)
	}
	if len(files) < 4 {
		t.Fatalf("index links %d files", len(files)-1)
	}
	return files
}

func TestConsoleOffline(t *testing.T) {
	assets := fstest.MapFS{
		"monaco-editor/min/vs/loader.js":                 {Data: []byte("// loader")},
		"material-icons/iconfont/material-icons.css":     {Data: []byte("@font-face{}")},
		"material-icons/iconfont/material-icons.woff2":   {Data: []byte("wOF2")},
		"monaco-editor/min/vs/editor/editor.main.nls.js": {Data: []byte("// nls")},
	}
	e := startServer(t, Config{}, func(d *Deps) { d.Assets = assets })
	all := ""
	for _, body := range consoleFiles(t, e) {
		all += body
	}
	for _, bad := range []string{"localhost:64210", "cdn.jsdelivr.net", "fonts.googleapis.com"} {
		if strings.Contains(all, bad) {
			t.Errorf("console still refers to %s", bad)
		}
	}
	for _, want := range []string{"window.location.origin", `/vendor/monaco-editor/min/vs`, "/vendor/material-icons/iconfont/material-icons.css"} {
		if !strings.Contains(all, want) {
			t.Errorf("console lacks %s", want)
		}
	}
	r := e.do("GET", "/vendor/monaco-editor/min/vs/loader.js", "")
	if r.Status != 200 || string(r.Body) != "// loader" || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/javascript") {
		t.Errorf("vendor loader: %d %q %q", r.Status, r.Header.Get("Content-Type"), r.Body)
	}
	r = e.do("GET", "/vendor/material-icons/iconfont/material-icons.woff2", "")
	if r.Status != 200 || r.Header.Get("Content-Type") != "font/woff2" {
		t.Errorf("font: %d %q", r.Status, r.Header.Get("Content-Type"))
	}
	expectStatus(t, e.do("GET", "/vendor/nope.js", ""), 404)
	if r := e.do("GET", "/vendor/../../etc/passwd", ""); strings.Contains(string(r.Body), "root:") {
		t.Error("path traversal out of the assets")
	}
	// Client-side routes get the app; missing files do not.
	expectStatus(t, e.do("GET", "/query", ""), 200)
	expectStatus(t, e.do("GET", "/static/js/missing.js", ""), 404)
	expectStatus(t, e.do("GET", "/service-worker.js", ""), 404)
	expectStatus(t, e.do("POST", "/", "x"), 405)
}

// TestConsoleWithoutAssets: issue 17 — without the assets the console
// used to fall back to public CDNs (an editor that never loads offline).
// Now the server refuses to start and says how to get them back.
func TestConsoleWithoutAssets(t *testing.T) {
	for name, assets := range map[string]fstest.MapFS{
		"none":    {},
		"no font": {"monaco-editor/min/vs/loader.js": {Data: []byte("// loader")}},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := newConsole(assets)
			if err == nil {
				t.Fatal("a console without its assets was accepted")
			}
			if !strings.Contains(err.Error(), "go generate ./api/...") || !strings.Contains(err.Error(), "api/assets/dist") {
				t.Errorf("error does not say how to get the assets: %v", err)
			}
		})
	}
}

// TestEmbeddedAssets: the committed assets are complete, so a fresh clone
// with no npm serves the offline console (issue 17).
func TestEmbeddedAssets(t *testing.T) {
	assets := embeddedAssets()
	for _, p := range []string{
		"monaco-editor/min/vs/editor/editor.main.js",
		"monaco-editor/min/vs/editor/editor.main.css",
		"material-icons/iconfont/material-icons.woff2",
		"monaco-editor/LICENSE",
	} {
		if _, err := fs.Stat(assets, p); err != nil {
			t.Errorf("generated assets lack %s", p)
		}
	}
	if _, err := newConsole(assets); err != nil {
		t.Fatalf("embedded console: %v", err)
	}
}

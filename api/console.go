package api

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/cayleygraph/cayley/ui"
)

// The console's npm assets: built by `go generate` from the pinned
// api/console/package-lock.json into assets/dist and committed, so a fresh
// clone serves a console that works offline with no npm step (.ci/run
// checks that the committed files are what the lock file builds).
//
//go:embed all:assets
var assetsFS embed.FS

func embeddedAssets() fs.FS {
	sub, err := fs.Sub(assetsFS, "assets/dist")
	if err != nil {
		panic(err) // a constant path: cannot fail
	}
	return sub
}

// The URLs compiled into Cayley's console, and where they go.
const (
	cayleyServerURL  = `"http://localhost:64210"`
	cdnMonaco        = `"https://cdn.jsdelivr.net/npm/monaco-editor@0.18.1/min/vs`
	cdnMaterialIcons = `https://fonts.googleapis.com/icon?family=Material+Icons`

	// vendorPrefix is where the local copies are served.
	vendorPrefix       = "/vendor/"
	localMonaco        = `window.location.origin+"` + vendorPrefix + `monaco-editor/min/vs`
	localMaterialIcons = vendorPrefix + `material-icons/iconfont/material-icons.css`

	monacoProbe = "monaco-editor/min/vs/loader.js"
	iconsProbe  = "material-icons/iconfont/material-icons.css"
)

// console serves Cayley's web UI with its hard-wired URLs rewritten: the
// server address to the page's own origin, and the CDN editor and icon
// font to the embedded copies under /vendor/. There is no CDN fallback: a
// console that silently reached for the internet would break offline and
// leak what analysts look at.
type console struct {
	ui     fs.FS
	vendor fs.FS
	// rewritten holds the JS and CSS files whose content differs from the
	// embedded originals, by path.
	rewritten map[string][]byte
	started   time.Time
}

func newConsole(assets fs.FS) (*console, error) {
	web, err := fs.Sub(ui.FS, "web")
	if err != nil {
		return nil, fmt.Errorf("api: cayley ui: %w", err)
	}
	for _, p := range []string{monacoProbe, iconsProbe} {
		if _, err := fs.Stat(assets, p); err != nil {
			return nil, fmt.Errorf("api: the console assets lack %s; restore api/assets/dist from git or rebuild it with go generate ./api/... (needs npm): %w", p, err)
		}
	}
	c := &console{ui: web, vendor: assets, rewritten: map[string][]byte{}, started: time.Now()}

	var sawServer, sawMonaco, sawIcons bool
	err = fs.WalkDir(web, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		ext := path.Ext(p)
		if ext != ".js" && ext != ".css" {
			return nil
		}
		data, err := fs.ReadFile(web, p)
		if err != nil {
			return err
		}
		out := data
		if ext == ".js" {
			sawServer = sawServer || bytes.Contains(out, []byte(cayleyServerURL))
			// An expression, not a string: the page's origin at run time,
			// whatever host and port the server is reached on.
			out = bytes.ReplaceAll(out, []byte(cayleyServerURL), []byte("window.location.origin"))
			sawMonaco = sawMonaco || bytes.Contains(out, []byte(cdnMonaco))
			out = bytes.ReplaceAll(out, []byte(cdnMonaco), []byte(localMonaco))
		} else {
			sawIcons = sawIcons || bytes.Contains(out, []byte(cdnMaterialIcons))
			out = bytes.ReplaceAll(out, []byte(cdnMaterialIcons), []byte(localMaterialIcons))
		}
		if !bytes.Equal(out, data) {
			c.rewritten[p] = out
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("api: cayley ui: %w", err)
	}
	// A newer Cayley UI may spell these differently; fail loudly rather
	// than serve a console that silently calls localhost:64210 or a CDN.
	if !sawServer || !sawMonaco || !sawIcons {
		return nil, fmt.Errorf("api: cayley ui: expected URLs not found (server %v, monaco %v, icons %v): update api/console.go for this Cayley version", sawServer, sawMonaco, sawIcons)
	}
	return c, nil
}

func (c *console) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if strings.HasPrefix("/"+p, vendorPrefix) {
		c.serveVendor(w, r, strings.TrimPrefix("/"+p, vendorPrefix))
		return
	}
	if p == "" {
		p = "index.html"
	}
	// The service worker would import workbox from a Google CDN; the app
	// does not register it, and nobody else should.
	if p == "service-worker.js" || strings.HasPrefix(p, "precache-manifest") {
		http.NotFound(w, r)
		return
	}
	data, ok := c.rewritten[p]
	if !ok {
		var err error
		data, err = fs.ReadFile(c.ui, p)
		if err != nil {
			if path.Ext(p) != "" {
				http.NotFound(w, r)
				return
			}
			// A client-side route of the single-page app.
			p = "index.html"
			if data, err = fs.ReadFile(c.ui, p); err != nil {
				http.Error(w, "console missing", http.StatusInternalServerError)
				return
			}
		}
	}
	setType(w, p)
	if strings.HasPrefix(p, "static/") {
		w.Header().Set("Cache-Control", "public, max-age=3600")
	} else {
		w.Header().Set("Cache-Control", "no-cache")
	}
	http.ServeContent(w, r, p, c.started, bytes.NewReader(data))
}

func (c *console) serveVendor(w http.ResponseWriter, r *http.Request, p string) {
	data, err := fs.ReadFile(c.vendor, p)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	setType(w, p)
	w.Header().Set("Cache-Control", "public, max-age=86400")
	http.ServeContent(w, r, p, c.started, bytes.NewReader(data))
}

func setType(w http.ResponseWriter, p string) {
	ct := mime.TypeByExtension(path.Ext(p))
	switch path.Ext(p) {
	case ".woff2":
		ct = "font/woff2"
	case ".woff":
		ct = "font/woff"
	case ".map", ".json":
		ct = "application/json"
	}
	if ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	w.Header().Set("X-Content-Type-Options", "nosniff")
}

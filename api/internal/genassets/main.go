// Command genassets builds the offline assets of the web console: it runs
// `npm ci` in api/console (pinned by its package-lock.json) and copies the
// files the console needs into api/assets/dist, which the api package embeds.
// It is run by `go generate ./api/...` from the api folder. The result is
// committed; `genassets -check` (run by .ci/run) builds into a temporary
// folder and fails unless it equals the committed one.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

// copySpec names a folder of node_modules to copy and which files to keep.
type copySpec struct {
	src, dst  string
	recursive bool
	keep      func(rel string) bool
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("genassets: ")
	check := flag.Bool("check", false, "build into a temporary folder and compare with the committed assets instead of replacing them")
	dir := flag.String("dir", ".", "the api folder (holding console/ and assets/)")
	flag.Parse()
	consoleDir, distDir := filepath.Join(*dir, "console"), filepath.Join(*dir, "assets", "dist")
	if !*check {
		if err := run(consoleDir, distDir); err != nil {
			log.Fatal(err)
		}
		return
	}
	tmp, err := os.MkdirTemp("", "genassets-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	built := filepath.Join(tmp, "dist")
	if err := run(consoleDir, built); err != nil {
		log.Fatal(err)
	}
	diffs, err := compareTrees(built, distDir)
	if err != nil {
		log.Fatal(err)
	}
	if len(diffs) > 0 {
		for _, d := range diffs {
			log.Print(d)
		}
		log.Fatalf("%s differs from what api/console/package-lock.json builds (%d files): run go generate ./api/... and commit the result", distDir, len(diffs))
	}
	log.Printf("%s is what the lock file builds", distDir)
}

// compareTrees lists the files that differ between two folders: missing
// on either side or with other content.
func compareTrees(want, got string) ([]string, error) {
	read := func(root string) (map[string][]byte, error) {
		files := map[string][]byte{}
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, err := filepath.Rel(root, p)
			if err != nil {
				return err
			}
			b, err := os.ReadFile(p)
			files[filepath.ToSlash(rel)] = b
			return err
		})
		return files, err
	}
	w, err := read(want)
	if err != nil {
		return nil, err
	}
	g, err := read(got)
	if err != nil {
		return nil, err
	}
	var diffs []string
	for p, b := range w {
		gb, ok := g[p]
		switch {
		case !ok:
			diffs = append(diffs, "missing from the committed assets: "+p)
		case !bytes.Equal(b, gb):
			diffs = append(diffs, "differs: "+p)
		}
	}
	for p := range g {
		if _, ok := w[p]; !ok {
			diffs = append(diffs, "not built from the lock file: "+p)
		}
	}
	sort.Strings(diffs)
	return diffs, nil
}

func run(consoleDir, distDir string) error {
	if _, err := exec.LookPath("npm"); err != nil {
		return fmt.Errorf("npm is needed to build the console assets (apt-get install npm): %w", err)
	}
	// --ignore-scripts: the pinned packages need no install scripts, and
	// playwright-core must not try to download browsers.
	cmd := exec.Command("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund")
	cmd.Dir = consoleDir
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("npm ci in %s: %w", consoleDir, err)
	}
	nm := filepath.Join(consoleDir, "node_modules")
	specs := []copySpec{
		{filepath.Join(nm, "monaco-editor", "min", "vs"), filepath.Join(distDir, "monaco-editor", "min", "vs"), true, all},
		{filepath.Join(nm, "material-icons", "iconfont"), filepath.Join(distDir, "material-icons", "iconfont"), false, func(rel string) bool {
			return rel == "material-icons.css" || strings.HasSuffix(rel, ".woff") || strings.HasSuffix(rel, ".woff2")
		}},
		{filepath.Join(nm, "monaco-editor"), filepath.Join(distDir, "monaco-editor"), false, only("LICENSE")},
		{filepath.Join(nm, "material-icons"), filepath.Join(distDir, "material-icons"), false, only("LICENSE")},
	}
	// A stale tree could hold files of an older version: start clean.
	if err := os.RemoveAll(distDir); err != nil {
		return err
	}
	n := 0
	for _, s := range specs {
		c, err := copyTree(s)
		if err != nil {
			return err
		}
		n += c
	}
	log.Printf("copied %d files into %s", n, distDir)
	return nil
}

func all(string) bool { return true }

func only(name string) func(string) bool { return func(rel string) bool { return rel == name } }

func copyTree(s copySpec) (int, error) {
	n := 0
	err := filepath.WalkDir(s.src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(s.src, path)
		if err != nil {
			return err
		}
		if d.IsDir() {
			if rel != "." && !s.recursive {
				return filepath.SkipDir
			}
			return nil
		}
		if !s.keep(filepath.ToSlash(rel)) {
			return nil
		}
		n++
		return copyFile(path, filepath.Join(s.dst, rel))
	})
	if errors.Is(err, fs.ErrNotExist) {
		return n, fmt.Errorf("%s is missing: was npm ci complete? %w", s.src, err)
	}
	return n, err
}

func copyFile(src, dst string) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return fmt.Errorf("copy %s: %w", src, err)
	}
	return out.Close()
}

package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/ingest"
)

// progressBar draws one line on a terminal: percent, bar, documents done
// of the total, documents per second and the time left. The total comes
// from countDocuments, which runs beside the ingest; until it is known the
// line shows the count and rate only. finish clears the line, so the
// summary that follows starts on a line of its own.
type progressBar struct {
	w   io.Writer
	now func() time.Time

	mu     sync.Mutex
	total  int // 0: not known (yet)
	done   int
	start  time.Time
	drawn  time.Time
	width  int // of the last line drawn, to blank it
	closed bool
}

// progressEvery bounds how often the line is redrawn.
const progressEvery = 200 * time.Millisecond

func newProgressBar(w io.Writer, now func() time.Time) *progressBar {
	return &progressBar{w: w, now: now, start: now()}
}

// setTotal records how many documents the run will read.
func (p *progressBar) setTotal(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.total = n
}

// set records documents finished and redraws at most every progressEvery.
func (p *progressBar) set(done int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done = done
	if t := p.now(); !p.closed && t.Sub(p.drawn) >= progressEvery {
		p.drawn = t
		p.draw(p.line(t))
	}
}

// line renders the bar as of t.
func (p *progressBar) line(t time.Time) string {
	el := t.Sub(p.start).Seconds()
	rate := 0.0
	if el > 0 {
		rate = float64(p.done) / el
	}
	if p.total <= 0 {
		return fmt.Sprintf("ingesting %d docs  %.1f docs/s", p.done, rate)
	}
	frac := float64(p.done) / float64(p.total)
	if frac > 1 {
		frac = 1
	}
	const cells = 24
	full := int(frac * cells)
	eta := "ETA --"
	if rate > 0 && p.done < p.total {
		eta = "ETA " + (time.Duration(float64(p.total-p.done)/rate) * time.Second).Round(time.Second).String()
	}
	return fmt.Sprintf("ingesting %3.0f%% [%s%s] %d/%d docs  %.1f docs/s  %s",
		frac*100, strings.Repeat("=", full), strings.Repeat(" ", cells-full), p.done, p.total, rate, eta)
}

func (p *progressBar) draw(s string) {
	pad := ""
	if n := p.width - len(s); n > 0 {
		pad = strings.Repeat(" ", n)
	}
	fmt.Fprintf(p.w, "\r%s%s", s, pad)
	p.width = len(s)
}

// finish blanks the line and leaves the cursor at its start.
func (p *progressBar) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return
	}
	p.closed = true
	if p.width > 0 {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", p.width))
	}
}

// countDocuments counts what ingest.Read will read from paths: one per
// .txt/.html file and one per non-blank line of a JSONL file (counted by
// newlines, reading the file once in large blocks: no JSON is parsed).
// It follows Read's walk: folders recursively, dot-files and dot-folders
// left out, only supported extensions.
func countDocuments(ctx context.Context, paths []string) (int, error) {
	n := 0
	for _, p := range paths {
		err := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if path != p && (strings.HasPrefix(d.Name(), ".") || !ingest.Supported(path)) {
				return nil
			}
			switch strings.ToLower(filepath.Ext(path)) {
			case ".jsonl", ".ndjson":
				lines, err := countLines(path)
				n += lines
				return err
			}
			n++
			return nil
		})
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// countLines counts the non-blank lines of a file.
func countLines(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	n := 0
	blank := true
	buf := make([]byte, 1<<20)
	for {
		k, err := f.Read(buf)
		for _, line := range bytes.SplitAfter(buf[:k], []byte("\n")) {
			if len(bytes.TrimSpace(line)) > 0 {
				blank = false
			}
			if bytes.HasSuffix(line, []byte("\n")) {
				if !blank {
					n++
				}
				blank = true
			}
		}
		if err == io.EOF {
			if !blank {
				n++
			}
			return n, nil
		}
		if err != nil {
			return n, err
		}
	}
}

package graph

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/boltdb/bolt"
	cproto "github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad/pquads"
	"google.golang.org/protobuf/proto"
)

// BoltPart is what one group of Cayley's KV buckets costs in a bolt file.
type BoltPart struct {
	Name string `json:"name"`
	// Buckets counts the bolt buckets of the group, Inline those stored
	// inside their parent's page (small ones).
	Buckets int `json:"buckets"`
	Inline  int `json:"inline"`
	Keys    int `json:"keys"`
	// KeyBytes and ValueBytes are the payload; InUse adds bolt's page
	// and element headers; Pages are the group's own pages (inline
	// buckets live in the root's pages, counted under "root").
	KeyBytes   int64 `json:"key_bytes"`
	ValueBytes int64 `json:"value_bytes"`
	InUse      int64 `json:"in_use"`
	Pages      int   `json:"pages"`
}

// BoltBytes is a bolt store's byte breakdown (BoltBreakdown): where the
// file's bytes go, by Cayley KV bucket group and by kind of log entry.
type BoltBytes struct {
	FileBytes int64 `json:"file_bytes"` // the file's size (ls -l; bolt grows it ahead, sparse, by up to 16 MB)
	DataBytes int64 `json:"data_bytes"` // bolt's high-water mark: the pages written so far
	PageSize  int   `json:"page_size"`
	Pages     int   `json:"pages"`      // pages below the high-water mark
	FreePages int   `json:"free_pages"` // on bolt's freelist (reusable, not returned to the system)
	// Parts: log, the three quad indexes, the value→id and refcount maps,
	// meta, and the root's own pages (bucket names and inline buckets).
	Parts []BoltPart `json:"parts"`
	// The log bucket by entry kind: value (node) entries, live quad
	// entries and dead ones (deleted quads stay in Cayley's log, marked).
	LogNodes     int   `json:"log_values"`
	LogQuads     int   `json:"log_quads"`
	LogDead      int   `json:"log_dead"`
	LogNodeBytes int64 `json:"log_value_bytes"`
	LogQuadBytes int64 `json:"log_quad_bytes"`
	LogDeadBytes int64 `json:"log_dead_bytes"`
	// LogTimestampBytes is what the write time Cayley stores in every quad
	// entry (live or dead) costs.
	LogTimestampBytes int64 `json:"log_timestamp_bytes"`
	// NodeValues and NodeValueBytes count the value entries by kind
	// (valueKind: an IRI's prefix, or literal).
	NodeValues     map[string]int   `json:"values"`
	NodeValueBytes map[string]int64 `json:"value_bytes"`
}

// InUseBytes is the bytes of the pages in use (the file less free pages).
func (b BoltBytes) InUseBytes() int64 { return int64(b.Pages-b.FreePages) * int64(b.PageSize) }

// partName groups Cayley's buckets: 'v'+2 bytes are the value-hash → id
// maps, 'n'+2 bytes the reference counts, both split by the hash's first
// two bytes into up to 65 536 buckets each.
func partName(name []byte) string {
	switch {
	case len(name) == 3 && name[0] == 'v':
		return "values (hash→id)"
	case len(name) == 3 && name[0] == 'n':
		return "refcounts (hash→n)"
	case string(name) == "log":
		return "log"
	case string(name) == "meta":
		return "meta"
	}
	return "index " + string(name)
}

// BoltBreakdown opens the bolt store in dir read-only (it must not be open
// in another process) and returns its byte breakdown.
func BoltBreakdown(ctx context.Context, dir string) (BoltBytes, error) {
	file := boltFile(dir)
	if err := checkNotLocked(file); err != nil {
		return BoltBytes{}, err
	}
	db, err := bolt.Open(file, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		return BoltBytes{}, fmt.Errorf("graph: open %s: %w", file, err)
	}
	defer db.Close()
	var out BoltBytes
	err = db.View(func(tx *bolt.Tx) error {
		var err error
		out, err = boltBreakdown(ctx, tx)
		return err
	})
	return out, err
}

// Breakdown is BoltBreakdown of an open store (bolt only).
func (s *Store) Breakdown(ctx context.Context) (BoltBytes, error) {
	if s.mapped == nil {
		return BoltBytes{}, errors.New("graph: a byte breakdown needs a bolt store")
	}
	// Free pages are read from bolt's freelist, which only writers
	// change: no write of this process runs meanwhile.
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	var out BoltBytes
	err := s.mapped.view(func(tx *bolt.Tx) error {
		var err error
		out, err = boltBreakdown(ctx, tx)
		return err
	})
	return out, err
}

func boltBreakdown(ctx context.Context, tx *bolt.Tx) (BoltBytes, error) {
	db := tx.DB()
	out := BoltBytes{
		FileBytes:      fileSize(db.Path()),
		DataBytes:      tx.Size(),
		PageSize:       db.Info().PageSize,
		NodeValueBytes: map[string]int64{},
		NodeValues:     map[string]int{},
	}
	out.Pages = int(out.DataBytes / int64(out.PageSize))
	parts := map[string]*BoltPart{}
	root := tx.Cursor().Bucket()
	total := root.Stats()
	counted := 0
	err := tx.ForEach(func(name []byte, b *bolt.Bucket) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		pn := partName(name)
		p := parts[pn]
		if p == nil {
			p = &BoltPart{Name: pn}
			parts[pn] = p
		}
		st := b.Stats()
		p.Buckets += st.BucketN
		p.Inline += st.InlineBucketN
		p.Keys += st.KeyN
		pages := st.BranchPageN + st.BranchOverflowN + st.LeafPageN + st.LeafOverflowN
		p.Pages += pages
		counted += pages
		p.InUse += int64(st.BranchInuse + st.LeafInuse + st.InlineBucketInuse)
		isLog := string(name) == "log"
		return b.ForEach(func(k, v []byte) error {
			p.KeyBytes += int64(len(k))
			p.ValueBytes += int64(len(v))
			if isLog {
				out.addLogEntry(v)
			}
			return nil
		})
	})
	if err != nil {
		return out, err
	}
	var inUse int64
	for _, p := range parts {
		inUse += p.InUse
	}
	// total.LeafInuse counts the inline buckets' bytes in the root's pages
	// (where they are) and total.InlineBucketInuse again: take them once.
	inUse += int64(total.InlineBucketInuse)
	rootPages := total.BranchPageN + total.BranchOverflowN + total.LeafPageN + total.LeafOverflowN - counted
	// The root's pages hold the bucket names, headers and the inline
	// buckets, whose bytes are counted under their groups above.
	parts["root"] = &BoltPart{Name: "root (names, inline buckets)", Buckets: 1, Pages: rootPages,
		InUse: int64(total.BranchInuse+total.LeafInuse+total.InlineBucketInuse) - inUse}
	// Free pages: bolt's own count is only kept up to date by writers.
	out.FreePages = freePages(tx, out.Pages)
	for _, p := range parts {
		out.Parts = append(out.Parts, *p)
	}
	sort.Slice(out.Parts, func(i, j int) bool { return out.Parts[i].Pages > out.Parts[j].Pages })
	return out, nil
}

// addLogEntry classifies one entry of Cayley's log bucket.
func (b *BoltBytes) addLogEntry(v []byte) {
	var p cproto.Primitive
	if err := proto.Unmarshal(v, &p); err != nil {
		return
	}
	switch {
	case p.IsNode():
		b.LogNodes++
		b.LogNodeBytes += int64(len(v))
		kind := "other"
		if val, err := pquads.UnmarshalValue(p.Value); err == nil {
			kind = valueKind(val.String())
		}
		b.NodeValues[kind]++
		b.NodeValueBytes[kind] += int64(len(v))
	case p.Deleted:
		b.LogDead++
		b.LogDeadBytes += int64(len(v))
	default:
		b.LogQuads++
		b.LogQuadBytes += int64(len(v))
	}
	if !p.IsNode() && p.Timestamp != 0 {
		before := proto.Size(&p)
		p.Timestamp = 0
		b.LogTimestampBytes += int64(before - proto.Size(&p))
	}
}

// valueKind names a node value by its IRI prefix, or "literal".
func valueKind(s string) string {
	if strings.HasPrefix(s, "<") {
		if i := strings.IndexAny(s, ":/"); i > 1 {
			return "iri " + s[1:i+1]
		}
		return "iri"
	}
	return "literal"
}

// Write prints the breakdown as a table, and per article where docs > 0.
func (b BoltBytes) Write(w io.Writer, docs int) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	mb := func(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) }
	fmt.Fprintf(tw, "part\tbuckets\tinline\tkeys\tkey bytes\tvalue bytes\tin use\tpages\tpage bytes\t\n")
	var sumPages int
	for _, p := range b.Parts {
		sumPages += p.Pages
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%s\t%s\t%s\t%d\t%s\t\n", p.Name, p.Buckets, p.Inline, p.Keys,
			mb(p.KeyBytes), mb(p.ValueBytes), mb(p.InUse), p.Pages, mb(int64(p.Pages)*int64(b.PageSize)))
	}
	fmt.Fprintf(tw, "free\t\t\t\t\t\t\t%d\t%s\t\n", b.FreePages, mb(int64(b.FreePages)*int64(b.PageSize)))
	meta := b.Pages - sumPages - b.FreePages
	fmt.Fprintf(tw, "meta, freelist\t\t\t\t\t\t\t%d\t%s\t\n", meta, mb(int64(meta)*int64(b.PageSize)))
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "log: %d value entries (%s), %d quad entries (%s), %d dead quads (%s); timestamps %s\n",
		b.LogNodes, mb(b.LogNodeBytes), b.LogQuads, mb(b.LogQuadBytes), b.LogDead, mb(b.LogDeadBytes), mb(b.LogTimestampBytes))
	kinds := make([]string, 0, len(b.NodeValues))
	for k := range b.NodeValues {
		kinds = append(kinds, k)
	}
	sort.Slice(kinds, func(i, j int) bool { return b.NodeValueBytes[kinds[i]] > b.NodeValueBytes[kinds[j]] })
	for _, k := range kinds {
		fmt.Fprintf(w, "  values %-12s %7d entries %s\n", k, b.NodeValues[k], mb(b.NodeValueBytes[k]))
	}
	fmt.Fprintf(w, "file %s, written %s, pages in use %s", mb(b.FileBytes), mb(b.DataBytes), mb(b.InUseBytes()))
	if docs > 0 {
		fmt.Fprintf(w, "; per article %.1f KB, %.1f KB, %.1f KB", float64(b.FileBytes)/float64(docs)/1e3,
			float64(b.DataBytes)/float64(docs)/1e3, float64(b.InUseBytes())/float64(docs)/1e3)
	}
	_, err := fmt.Fprintln(w)
	return err
}

package graph

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/boltdb/bolt"
)

// compactTxBytes bounds the keys and values one transaction of Compact
// copies: bolt keeps every page a transaction dirties in memory until it
// commits, so a store of any size is copied in bounded memory.
const compactTxBytes = 32 << 20

// CompactResult is what Compact did: the file's size and the bytes of its
// pages in use, before and after.
type CompactResult struct {
	Before, After           int64 // file sizes in bytes
	BeforeInUse, AfterInUse int64 // bytes of pages holding data (the file less free pages)
	Keys                    int   // keys copied
}

// Compact rewrites the bolt store in dir into a new file with every page
// full, then renames it over the old one. A store written by ingests has
// half-empty pages: bolt splits a full page in two halves (fill 0.5), and
// Cayley's log is appended in key order, so each of its pages is left half
// full for good; its other buckets are written in random key order. The
// copy writes every bucket in key order with fill 1.0 and leaves no free
// pages (BENCHMARKS.md, docs/deployment.md: about 0.4× the size after an
// ingest).
//
// It refuses while another process has the store open (a server, an
// ingest) and holds bolt's lock for the whole copy, so none can open it
// meanwhile. The old file is replaced by an atomic rename only once the
// copy is complete, synced and has the same keys; an interruption leaves
// the store as it was (and a stale "indexes.bolt.compact", which the next
// Compact removes).
func Compact(ctx context.Context, dir string) (CompactResult, error) {
	return compact(ctx, dir, compactTxBytes)
}

// compact is Compact with txBytes per copy transaction.
func compact(ctx context.Context, dir string, txBytes int64) (CompactResult, error) {
	var res CompactResult
	file := boltFile(dir)
	fi, err := os.Stat(file)
	if err != nil {
		return res, fmt.Errorf("graph: compact: %w", err)
	}
	if err := checkNotLocked(file); err != nil {
		return res, err
	}
	// Opened writable (never written) for bolt's exclusive lock.
	src, err := bolt.Open(file, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return res, fmt.Errorf("graph: compact: open %s: %w", file, err)
	}
	defer src.Close()
	tmp := file + ".compact"
	if err := os.Remove(tmp); err != nil && !errors.Is(err, os.ErrNotExist) {
		return res, fmt.Errorf("graph: compact: %w", err)
	}
	// NoGrowSync: bolt neither pre-allocates nor syncs the file at every
	// growth; the copy is synced once at the end, and the file is exactly
	// as long as its pages.
	dst, err := bolt.Open(tmp, fi.Mode().Perm(), &bolt.Options{Timeout: time.Second, NoGrowSync: true})
	if err != nil {
		return res, fmt.Errorf("graph: compact: create %s: %w", tmp, err)
	}
	dst.NoSync = true
	ok := false
	defer func() {
		if !ok {
			dst.Close()
			os.Remove(tmp)
		}
	}()

	err = src.View(func(stx *bolt.Tx) error {
		res.Before = fileSize(file)
		res.BeforeInUse = inUseBytes(stx)
		c := &copier{db: dst, limit: txBytes}
		if err := c.begin(); err != nil {
			return err
		}
		if err := c.copyBucket(ctx, stx.Cursor().Bucket(), nil); err != nil {
			c.tx.Rollback()
			return err
		}
		if err := c.tx.Commit(); err != nil {
			return err
		}
		res.Keys = c.keys
		return sameKeys(stx, dst)
	})
	if err != nil {
		return res, fmt.Errorf("graph: compact: %w", err)
	}
	if err := dst.Sync(); err != nil {
		return res, fmt.Errorf("graph: compact: sync: %w", err)
	}
	if err := dst.View(func(tx *bolt.Tx) error { res.AfterInUse = inUseBytes(tx); return nil }); err != nil {
		return res, fmt.Errorf("graph: compact: %w", err)
	}
	ok = true
	if err := dst.Close(); err != nil {
		os.Remove(tmp)
		return res, fmt.Errorf("graph: compact: close copy: %w", err)
	}
	if err := os.Rename(tmp, file); err != nil {
		os.Remove(tmp)
		return res, fmt.Errorf("graph: compact: replace %s: %w", file, err)
	}
	if err := syncDir(filepath.Dir(file)); err != nil {
		return res, fmt.Errorf("graph: compact: %w", err)
	}
	res.After = fileSize(file)
	return res, nil
}

// copier writes a bolt file's buckets into another in key order, in
// transactions of about limit bytes.
type copier struct {
	db    *bolt.DB
	tx    *bolt.Tx
	limit int64
	n     int64 // bytes put in the current transaction
	keys  int
}

func (c *copier) begin() error {
	tx, err := c.db.Begin(true)
	if err != nil {
		return err
	}
	c.tx, c.n = tx, 0
	return nil
}

// bucket opens (creating) the bucket at path in the current transaction,
// every bucket on the way filled to 1.0: keys arrive in order, so full
// pages are never split again by the copy. FillPercent is a property of
// the open bucket, not stored, so it is set again in each transaction.
func (c *copier) bucket(path [][]byte) (*bolt.Bucket, error) {
	b := c.tx.Cursor().Bucket() // the root
	b.FillPercent = 1.0
	for _, name := range path {
		next, err := b.CreateBucketIfNotExists(name)
		if err != nil {
			return nil, err
		}
		next.FillPercent = 1.0
		b = next
	}
	return b, nil
}

func (c *copier) copyBucket(ctx context.Context, src *bolt.Bucket, path [][]byte) error {
	dst, err := c.bucket(path)
	if err != nil {
		return err
	}
	if len(path) > 0 && src.Sequence() != 0 {
		if err := dst.SetSequence(src.Sequence()); err != nil {
			return err
		}
	}
	cur := src.Cursor()
	for k, v := cur.First(); k != nil; k, v = cur.Next() {
		if v == nil { // a nested bucket
			if err := c.copyBucket(ctx, src.Bucket(k), append(path[:len(path):len(path)], k)); err != nil {
				return err
			}
			if dst, err = c.bucket(path); err != nil { // the transaction may have changed
				return err
			}
			continue
		}
		if c.n >= c.limit {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := c.tx.Commit(); err != nil {
				return err
			}
			if err := c.begin(); err != nil {
				return err
			}
			if dst, err = c.bucket(path); err != nil {
				return err
			}
		}
		// k and v point into the source's map, valid while its read
		// transaction is open, which outlives every copy transaction.
		if err := dst.Put(k, v); err != nil {
			return err
		}
		c.n += int64(len(k) + len(v))
		c.keys++
	}
	return nil
}

// sameKeys checks the copy before it replaces the store: the same number
// of buckets and of keys.
func sameKeys(stx *bolt.Tx, dst *bolt.DB) error {
	want := stx.Cursor().Bucket().Stats()
	return dst.View(func(tx *bolt.Tx) error {
		got := tx.Cursor().Bucket().Stats()
		if got.KeyN != want.KeyN || got.BucketN != want.BucketN {
			return fmt.Errorf("the copy has %d keys in %d buckets, the store %d in %d", got.KeyN, got.BucketN, want.KeyN, want.BucketN)
		}
		return nil
	})
}

// inUseBytes is the bytes of the pages a transaction's file holds data in:
// its size less the free pages.
func inUseBytes(tx *bolt.Tx) int64 {
	pageSize := tx.DB().Info().PageSize
	pages := int(tx.Size() / int64(pageSize))
	return int64(pages-freePages(tx, pages)) * int64(pageSize)
}

// freePages counts the pages on bolt's freelist below pages. Only safe
// while no transaction of this process writes (bolt's tx.Page).
func freePages(tx *bolt.Tx, pages int) int {
	n := 0
	for id := 0; id < pages; {
		info, err := tx.Page(id)
		if err != nil || info == nil {
			break
		}
		if info.Type == "free" {
			n++
		}
		id += 1 + info.OverflowCount
	}
	return n
}

// StoreDataSize is the high-water mark of the bolt store in dir: the bytes
// of the pages it has used (0 when there is no store yet, or it cannot be
// read). The file itself is bigger: bolt grows it in 16 MB steps.
func StoreDataSize(dir string) int64 {
	file := boltFile(dir)
	if fileSize(file) == 0 {
		return 0
	}
	db, err := bolt.Open(file, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return 0
	}
	defer db.Close()
	var n int64
	_ = db.View(func(tx *bolt.Tx) error { n = tx.Size(); return nil })
	return n
}

// WorthCompacting reports whether an ingest that took a bolt store's data
// (StoreDataSize) from before to after bytes should compact it: a new store, or one that grew
// by half or more, holds mostly half-full pages of this ingest (compacted
// to about 0.45×); a few documents added to a large store are not worth
// copying the whole file.
func WorthCompacting(before, after int64) bool {
	return after > 0 && (before == 0 || after >= before+before/2)
}

func fileSize(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

package graph

import (
	"context"
	"unsafe"

	"github.com/boltdb/bolt"
	"github.com/hidal-go/hidalgo/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"
)

// appendBuckets are Cayley's KV buckets whose keys only grow: the log
// (keyed by the quad or value id, which only increases) and the label
// index (keyed by the document label's id, new with each document).
// bolt splits a full page into halves (Bucket.FillPercent 0.5), which
// for keys that only grow leaves every page half full for good: on
// Reuters the log had 29.1 MB of pages for 14.2 MB (`stats --bytes`).
// Filled to 1.0 at write time, their pages stay full. The value maps and
// the other indexes take keys in random order and keep bolt's default: a
// full page split for one key in the middle leaves a page nearly empty
// (tried on sp and ops: 1.3× and 2.1× the pages; BENCHMARKS.md, session 8).
var appendBuckets = [][]byte{[]byte("log"), []byte("c")}

// fillKV is hidalgo's bolt KV whose write transactions fill the pages
// of appendBuckets. FillPercent is a property of a bucket opened in a
// transaction (bolt does not store it), so it is set at every write
// transaction's start; a bolt write transaction caches its open buckets,
// so Cayley's later lookups in it get the same buckets.
type fillKV struct{ *hbolt.DB }

func newFillKV(db *hbolt.DB) kv.KV { return fillKV{db} }

func (db fillKV) Tx(ctx context.Context, rw bool) (kv.Tx, error) {
	tx, err := db.DB.Tx(ctx, rw)
	if err != nil || !rw {
		return tx, err
	}
	if btx := boltTxOf(tx); btx != nil {
		for _, name := range appendBuckets {
			if b := btx.Bucket(name); b != nil {
				b.FillPercent = 1.0
			}
		}
	}
	return tx, nil
}

// View and Update go through fillKV's Tx (hidalgo's call its own).
func (db fillKV) View(ctx context.Context, fn func(tx kv.Tx) error) error {
	return kv.View(ctx, db, fn)
}

func (db fillKV) Update(ctx context.Context, fn func(tx kv.Tx) error) error {
	return kv.Update(ctx, db, fn)
}

// boltTxOf is the bolt transaction of a hidalgo bolt transaction, which
// keeps it in its only, unexported field (hidalgo v0.3.0). nil when tx is
// another type or hidalgo's Tx changed shape; TestAppendBucketsFilled
// fails then, and the store works as with bolt's default fill.
func boltTxOf(tx kv.Tx) *bolt.Tx {
	htx, ok := tx.(*hbolt.Tx)
	if !ok || unsafe.Sizeof(*htx) != unsafe.Sizeof((*bolt.Tx)(nil)) {
		return nil
	}
	return (*struct{ tx *bolt.Tx })(unsafe.Pointer(htx)).tx
}

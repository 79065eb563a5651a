package pipeline

import (
	"hash/fnv"
	"sort"
	"strings"
	"unicode"
)

// Near-duplicates are found with MinHash over word shingles and
// locality-sensitive hashing: each document gets a signature of
// sigSize minima, split into sigBands bands; two documents that agree on
// a whole band are compared, and reported when their signatures agree on
// at least NearDuplicateThreshold of the positions (an estimate of the
// Jaccard similarity of their shingle sets, ±0.06 at 64 positions).
const (
	shingleWords = 5
	sigSize      = 64
	sigBands     = 16
	sigRows      = sigSize / sigBands
	// NearDuplicateThreshold is the least estimated similarity reported.
	NearDuplicateThreshold = 0.8
)

// NearDuplicate is a pair of documents of one run whose texts are nearly
// the same (the same story lightly edited, or with a different footer).
type NearDuplicate struct {
	A, B       string  // document names, A first in input order
	Similarity float64 // estimated Jaccard similarity of word 5-shingles
}

type signature [sigSize]uint64

// seeds are fixed odd multipliers: one hash function per position.
var seeds = func() [sigSize]uint64 {
	var s [sigSize]uint64
	x := uint64(0x9e3779b97f4a7c15)
	for i := range s {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		s[i] = x | 1
	}
	return s
}()

// minhash signs a text; ok is false for texts too short to shingle.
func minhash(text string) (signature, bool) {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	var sig signature
	if len(words) < shingleWords {
		return sig, false
	}
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	h := fnv.New64a()
	for i := 0; i+shingleWords <= len(words); i++ {
		h.Reset()
		for _, w := range words[i : i+shingleWords] {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		base := h.Sum64()
		for j, s := range seeds {
			if v := (base ^ s) * s; v < sig[j] {
				sig[j] = v
			}
		}
	}
	return sig, true
}

// nearDups indexes signatures band by band and reports each new
// document's near-duplicates among those seen before.
type nearDups struct {
	names   []string
	sigs    []signature
	buckets map[[2]uint64][]int // (band, band hash) → documents
	found   []NearDuplicate
}

func newNearDups() *nearDups { return &nearDups{buckets: map[[2]uint64][]int{}} }

func (n *nearDups) add(name string, sig signature) {
	idx := len(n.sigs)
	n.names = append(n.names, name)
	n.sigs = append(n.sigs, sig)
	seen := map[int]bool{}
	for b := 0; b < sigBands; b++ {
		h := fnv.New64a()
		for _, v := range sig[b*sigRows : (b+1)*sigRows] {
			var buf [8]byte
			for i := range buf {
				buf[i] = byte(v >> (8 * i))
			}
			h.Write(buf[:])
		}
		key := [2]uint64{uint64(b), h.Sum64()}
		for _, other := range n.buckets[key] {
			if seen[other] {
				continue
			}
			seen[other] = true
			if sim := similarity(n.sigs[other], sig); sim >= NearDuplicateThreshold {
				n.found = append(n.found, NearDuplicate{A: n.names[other], B: name, Similarity: sim})
			}
		}
		n.buckets[key] = append(n.buckets[key], idx)
	}
}

func similarity(a, b signature) float64 {
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / sigSize
}

func (n *nearDups) result() []NearDuplicate {
	sort.SliceStable(n.found, func(i, j int) bool { return n.found[i].Similarity > n.found[j].Similarity })
	return n.found
}

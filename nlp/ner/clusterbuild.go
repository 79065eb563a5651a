package ner

import (
	"bufio"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"math"
	"math/rand"
	"slices"
	"strings"
	"unicode"
)

// ClusterOptions steer BuildClusters. The zero value uses the defaults.
type ClusterOptions struct {
	MinCount int   // words seen fewer times get no cluster (default 2)
	Contexts int   // most frequent lower-cased words used as contexts (default 1000)
	Dims     int   // dimensions of the projected context vectors (default 512)
	Branch   []int // clusters at each level of the hierarchy (default 32, 16, 8)
	Seed     int64
}

// BuildClusters derives hierarchical word clusters from tokenised sentences
// of unlabelled text, a cheap stand-in for Brown clusters: each word (case
// kept) is described by the positive PMI of the words one and two places to
// its left and right, projected to a few dimensions by a fixed random
// projection, then split by spherical k-means into Branch[0] clusters, each
// of those into Branch[1] and so on. A word's path names its cluster at
// every level, so its prefixes are ever coarser clusters. It also records,
// for each lower-cased word, how often it is capitalised away from the start
// of a sentence. It writes the file ReadResources reads; the same input and
// options always write the same bytes.
func BuildClusters(ctx context.Context, sentences [][]string, w io.Writer, opt ClusterOptions) error {
	if opt.MinCount == 0 {
		opt.MinCount = 2
	}
	if opt.Contexts == 0 {
		opt.Contexts = 1000
	}
	if opt.Dims == 0 {
		opt.Dims = 512
	}
	if len(opt.Branch) == 0 {
		opt.Branch = []int{32, 16, 8}
	}
	// Vocabulary and context words, in a fixed order.
	count := map[string]int{}
	lowerCount := map[string]int{}
	capsMid, seenMid := map[string]int{}, map[string]int{}
	for _, s := range sentences {
		caps := allCaps(s)
		for i, t := range s {
			count[t]++
			lt := strings.ToLower(t)
			lowerCount[lt]++
			if i > 0 && !caps && hasLetter(t) && !isOpening(s[i-1]) {
				seenMid[lt]++
				if hasUpper(t) {
					capsMid[lt]++
				}
			}
		}
	}
	words := make([]string, 0, len(count))
	for t, c := range count {
		if c >= opt.MinCount {
			words = append(words, t)
		}
	}
	slices.Sort(words)
	ctxWords := make([]string, 0, len(lowerCount))
	for t := range lowerCount {
		ctxWords = append(ctxWords, t)
	}
	slices.SortFunc(ctxWords, func(a, b string) int {
		if lowerCount[a] != lowerCount[b] {
			return lowerCount[b] - lowerCount[a]
		}
		return strings.Compare(a, b)
	})
	ctxWords = ctxWords[:min(len(ctxWords), opt.Contexts)]
	ctxIdx := make(map[string]int, len(ctxWords))
	for i, t := range ctxWords {
		ctxIdx[t] = i
	}
	wordIdx := make(map[string]int, len(words))
	for i, t := range words {
		wordIdx[t] = i
	}
	// Co-occurrence counts: context id = position slot * Contexts + word.
	const slots = 4 // two to the left, two to the right
	nCtx := slots * len(ctxWords)
	co := make([]map[int32]float32, len(words))
	for i := range co {
		co[i] = map[int32]float32{}
	}
	ctxTotal := make([]float64, nCtx+slots)
	total := 0.0
	for _, s := range sentences {
		for i, t := range s {
			wi, ok := wordIdx[t]
			if !ok {
				continue
			}
			for slot, off := range [slots]int{-2, -1, 1, 2} {
				j := i + off
				var id int
				switch {
				case j < 0:
					id = nCtx + 0 // sentence start
				case j >= len(s):
					id = nCtx + 1 // sentence end
				default:
					ci, ok := ctxIdx[strings.ToLower(s[j])]
					if !ok {
						continue
					}
					id = slot*len(ctxWords) + ci
				}
				co[wi][int32(id)]++
				ctxTotal[id]++
				total++
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("ner: clusters: %w", err)
	}
	// PPMI, projected by a fixed random ±1 matrix (rows drawn on demand
	// from a generator seeded by the context id, so no matrix is stored).
	rowOf := func(id int, row []float32) {
		r := rand.New(rand.NewSource(opt.Seed*1_000_003 + int64(id)))
		for d := range row {
			if r.Int63()&1 == 0 {
				row[d] = 1
			} else {
				row[d] = -1
			}
		}
	}
	rows := make([][]float32, nCtx+slots)
	for id := range rows {
		rows[id] = make([]float32, opt.Dims)
		rowOf(id, rows[id])
	}
	vecs := make([][]float32, len(words))
	for wi := range words {
		v := make([]float32, opt.Dims)
		wTotal := 0.0
		for _, c := range co[wi] {
			wTotal += float64(c)
		}
		ids := make([]int32, 0, len(co[wi]))
		for id := range co[wi] {
			ids = append(ids, id)
		}
		slices.Sort(ids) // fixed summation order keeps the output deterministic
		for _, id := range ids {
			pmi := math.Log(float64(co[wi][id]) * total / (wTotal * ctxTotal[id]))
			if pmi <= 0 {
				continue
			}
			for d, x := range rows[id] {
				v[d] += float32(pmi) * x
			}
		}
		normalize(v)
		vecs[wi] = v
	}
	paths := make([]string, len(words))
	members := make([]int, len(words))
	for i := range members {
		members[i] = i
	}
	rng := rand.New(rand.NewSource(opt.Seed))
	if err := splitClusters(ctx, vecs, members, opt.Branch, "", paths, rng); err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("ner: clusters: %w", err)
	}
	bw := bufio.NewWriter(zw)
	fmt.Fprintln(bw, "# nlp/ner word clusters, rebuilt by newsgraph train ner-clusters")
	prefixes := make([]string, len(opt.Branch))
	for i := range opt.Branch {
		prefixes[i] = fmt.Sprint(i + 1)
	}
	fmt.Fprintf(bw, "p\t-\t%s\n", strings.Join(prefixes, ","))
	for i, t := range words {
		fmt.Fprintf(bw, "c\t%s\t%s\n", t, paths[i])
	}
	lowers := make([]string, 0, len(seenMid))
	for t, n := range seenMid {
		if n >= opt.MinCount {
			lowers = append(lowers, t)
		}
	}
	slices.Sort(lowers)
	for _, t := range lowers {
		fmt.Fprintf(bw, "r\t%s\t%s\n", t, ratioBucket(capsMid[t], seenMid[t]))
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("ner: clusters: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("ner: clusters: %w", err)
	}
	return nil
}

// ratioBucket names how often a word is capitalised mid-sentence: never,
// rarely, sometimes, mostly, always.
func ratioBucket(caps, seen int) string {
	switch r := float64(caps) / float64(seen); {
	case caps == 0:
		return "never"
	case caps == seen:
		return "always"
	case r < 0.2:
		return "rarely"
	case r < 0.8:
		return "sometimes"
	default:
		return "mostly"
	}
}

const pathDigits = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"

// splitClusters runs spherical k-means on the members with branch[0]
// clusters, appends each cluster's digit to its members' paths, and
// recurses into each cluster with the remaining branches.
func splitClusters(ctx context.Context, vecs [][]float32, members []int, branch []int, prefix string, paths []string, rng *rand.Rand) error {
	if len(branch) == 0 {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("ner: clusters: %w", err)
	}
	k := min(branch[0], len(members), len(pathDigits))
	assign := kmeans(vecs, members, k, rng)
	groups := make([][]int, k)
	for i, m := range members {
		groups[assign[i]] = append(groups[assign[i]], m)
		paths[m] = prefix + pathDigits[assign[i]:assign[i]+1]
	}
	for c, g := range groups {
		if len(g) == 0 {
			continue
		}
		if err := splitClusters(ctx, vecs, g, branch[1:], prefix+pathDigits[c:c+1], paths, rng); err != nil {
			return err
		}
	}
	return nil
}

// kmeans clusters unit vectors by cosine with k-means++ seeding and returns
// each member's cluster.
func kmeans(vecs [][]float32, members []int, k int, rng *rand.Rand) []int {
	dims := len(vecs[members[0]])
	centres := make([][]float32, 0, k)
	centres = append(centres, slices.Clone(vecs[members[rng.Intn(len(members))]]))
	dist := make([]float64, len(members))
	for len(centres) < k {
		sum := 0.0
		for i, m := range members {
			best := math.Inf(1)
			for _, c := range centres {
				best = min(best, 1-float64(dot(vecs[m], c)))
			}
			dist[i] = max(best, 0)
			sum += dist[i]
		}
		if sum == 0 {
			break
		}
		x := rng.Float64() * sum
		pick := len(members) - 1
		for i, d := range dist {
			if x < d {
				pick = i
				break
			}
			x -= d
		}
		centres = append(centres, slices.Clone(vecs[members[pick]]))
	}
	assign := make([]int, len(members))
	for iter := 0; iter < 15; iter++ {
		changed := 0
		for i, m := range members {
			best, bestSim := 0, float32(-2)
			for c, cv := range centres {
				if s := dot(vecs[m], cv); s > bestSim {
					best, bestSim = c, s
				}
			}
			if assign[i] != best || iter == 0 {
				changed++
			}
			assign[i] = best
		}
		if changed == 0 && iter > 0 {
			break
		}
		for c := range centres {
			clear(centres[c])
		}
		for i, m := range members {
			cv := centres[assign[i]]
			for d := 0; d < dims; d++ {
				cv[d] += vecs[m][d]
			}
		}
		for c := range centres {
			normalize(centres[c])
		}
	}
	return assign
}

func dot(a, b []float32) float32 {
	s := float32(0)
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

func normalize(v []float32) {
	n := float32(math.Sqrt(float64(dot(v, v))))
	if n == 0 {
		return
	}
	for i := range v {
		v[i] /= n
	}
}

func hasLetter(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func allCaps(s []string) bool {
	letters, upper := 0, 0
	for _, t := range s {
		if !hasLetter(t) {
			continue
		}
		letters++
		if strings.ToUpper(t) == t {
			upper++
		}
	}
	return letters >= 2 && upper*10 >= letters*8
}

// abbreviations keep their period, as CoNLL-2003's tokens do.
var abbreviations = func() map[string]bool {
	m := map[string]bool{}
	for _, a := range strings.Fields("Mr. Mrs. Ms. Dr. Inc. Corp. Co. Ltd. Jr. Sr. St. Gen. Col. Sen. Rep. Gov. Lt. Capt. Maj. Jan. Feb. Aug. Sept. Oct. Nov. Dec. No. vs. Prof. Rev. Bros.") {
		m[a] = true
	}
	return m
}()

// CorpusSentences splits running text into sentences of tokens the way
// CoNLL-2003 tokenises Reuters text ("U.S." and "Inc." stay whole, "'s"
// and punctuation stand apart), for BuildClusters. It is a plain
// whitespace-and-punctuation splitter, good enough for counting contexts.
func CorpusSentences(text string) [][]string {
	var out [][]string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, cur)
			cur = nil
		}
	}
	for _, line := range strings.Split(normQuote.Replace(text), "\n") {
		for _, chunk := range strings.Fields(line) {
			var tail []string
			for len(chunk) > 0 && strings.IndexByte(`"'([`, chunk[0]) >= 0 {
				cur = append(cur, chunk[:1])
				chunk = chunk[1:]
			}
			for len(chunk) > 0 {
				last := chunk[len(chunk)-1]
				if strings.IndexByte(`,;:!?"')]`, last) >= 0 && !strings.HasSuffix(chunk, "s'") {
					tail = append(tail, chunk[len(chunk)-1:])
					chunk = chunk[:len(chunk)-1]
					continue
				}
				if last == '.' && len(chunk) > 2 && !strings.Contains(chunk[:len(chunk)-1], ".") && !abbreviations[chunk] {
					tail = append(tail, ".")
					chunk = chunk[:len(chunk)-1]
				}
				break
			}
			if strings.HasSuffix(chunk, "'s") && len(chunk) > 2 {
				cur = append(cur, chunk[:len(chunk)-2])
				chunk = "'s"
			} else if strings.HasSuffix(chunk, "n't") && len(chunk) > 3 {
				cur = append(cur, chunk[:len(chunk)-3])
				chunk = "n't"
			}
			if chunk != "" {
				cur = append(cur, chunk)
			}
			for i := len(tail) - 1; i >= 0; i-- {
				cur = append(cur, tail[i])
				if tail[i] == "." || tail[i] == "?" || tail[i] == "!" {
					if i == 0 || tail[i-1] != `"` {
						flush()
					}
				}
			}
		}
		flush()
	}
	return out
}

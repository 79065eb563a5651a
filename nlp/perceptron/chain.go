package perceptron

// FNV-1a parameters, as hash/fnv uses them.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// Start begins a feature key with its first part, without allocating: the
// hot paths of taggers and parsers build many keys per word.
// Start(a).With(b).With(c) equals Hash(a, b, c).
func Start(part string) Feature {
	return Feature(fnvAdd(fnvOffset, part))
}

// With extends a key begun by Start with one more part.
func (f Feature) With(part string) Feature {
	h := (uint64(f) ^ 0) * fnvPrime // the separator Hash writes between parts
	return Feature(fnvAdd(h, part))
}

func fnvAdd(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

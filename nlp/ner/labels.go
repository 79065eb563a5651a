package ner

// The model predicts BILOU labels (Begin, Inside, Last, Outside, Unit),
// which Ratinov & Roth found better than BIO for a greedy tagger; Label
// writes them back as IOB2.

// numClasses is O plus B, I, L and U of each type.
const numClasses = 1 + 4*len(labelTypes)

// classes lists the BILOU labels in class order: O, then B, I, L, U for
// each type of labelTypes.
var classes = func() []string {
	c := []string{"O"}
	for _, t := range labelTypes {
		c = append(c, "B-"+t, "I-"+t, "L-"+t, "U-"+t)
	}
	return c
}()

// part and typ of class c: part is one of "OBILU"; typ indexes labelTypes
// (-1 for O).
func part(c int) byte {
	if c == 0 {
		return 'O'
	}
	return "BILU"[(c-1)%4]
}

func typ(c int) int {
	if c == 0 {
		return -1
	}
	return (c - 1) / 4
}

func class(p byte, t int) int {
	if p == 'O' {
		return 0
	}
	i := 0
	switch p {
	case 'I':
		i = 1
	case 'L':
		i = 2
	case 'U':
		i = 3
	}
	return 1 + 4*t + i
}

// transitions caches allowed for every pair of classes: [0] in the
// middle of a sentence, [1] at its last token. It is computed once and only
// read.
var transitions = func() (t [2][numClasses][numClasses]bool) {
	for last := range 2 {
		for p := range classes {
			for c := range classes {
				t[last][p][c] = allowed(p, c, last == 1)
			}
		}
	}
	return t
}()

// barred is transitions for a token that may not be part of a multi-token
// entity (a title, see endsName): it may only be outside one or a one-token
// entity.
var barred = func() (t [2][numClasses][numClasses]bool) {
	t = transitions
	for last := range 2 {
		for p := range classes {
			for c := range classes {
				if part(c) == 'B' || part(c) == 'I' || part(c) == 'L' {
					t[last][p][c] = false
				}
			}
		}
	}
	return t
}()

// allowed tells whether class c may follow class prev, and whether it may
// end the sentence when last is true: an entity begun must go on with its
// own type and close with L.
func allowed(prev, c int, last bool) bool {
	pp, cp := part(prev), part(c)
	if pp == 'B' || pp == 'I' {
		if typ(c) != typ(prev) || (cp != 'I' && cp != 'L') {
			return false
		}
	} else if cp == 'I' || cp == 'L' {
		return false
	}
	return !last || cp == 'O' || cp == 'L' || cp == 'U'
}

// toBILOU converts one sentence's IOB2 labels (as nlp.Sentence.Entities
// reads them) to class indexes.
func toBILOU(ents []string) ([]int, error) {
	out := make([]int, len(ents))
	typeOf := func(l string) (int, bool, error) {
		if l == "" || l == "O" {
			return -1, false, nil
		}
		if len(l) < 3 || l[1] != '-' || (l[0] != 'B' && l[0] != 'I') {
			return 0, false, errLabel(l)
		}
		for i, t := range labelTypes {
			if t == l[2:] {
				return i, l[0] == 'B', nil
			}
		}
		return 0, false, errLabel(l)
	}
	types := make([]int, len(ents))
	begins := make([]bool, len(ents))
	for i, l := range ents {
		t, b, err := typeOf(l)
		if err != nil {
			return nil, err
		}
		types[i], begins[i] = t, b
	}
	for i := range ents {
		t := types[i]
		if t < 0 {
			continue
		}
		first := begins[i] || i == 0 || types[i-1] != t
		cont := i+1 < len(ents) && types[i+1] == t && !begins[i+1]
		switch {
		case first && cont:
			out[i] = class('B', t)
		case first:
			out[i] = class('U', t)
		case cont:
			out[i] = class('I', t)
		default:
			out[i] = class('L', t)
		}
	}
	return out, nil
}

// iob2 is the IOB2 label of class c.
func iob2(c int) string {
	switch part(c) {
	case 'O':
		return "O"
	case 'B', 'U':
		return "B-" + labelTypes[typ(c)]
	}
	return "I-" + labelTypes[typ(c)]
}

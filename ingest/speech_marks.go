package ingest

// innerQuoteEnd is the closing mark of a short quote opened by the “ at j
// inside a double quote (“I’ve said it before, “free” is costly,”), or -1
// when the mark at j opens no such quote. The inner quote must open in the
// middle of a sentence (a “ after a full stop opens the next paragraph of a
// quote that runs over paragraphs) and close within innerQuoteMax words;
// a “ with space after it is a closing mark typed the wrong way round
// (“systemically important “ and).
func innerQuoteEnd(pt []ptok, tokAt func(int) token, j int) int {
	if j == 0 || j+1 >= len(pt) || pt[j-1].si != pt[j].si || tokAt(j).End != tokAt(j+1).Start {
		return -1
	}
	switch tokAt(j - 1).Text {
	case ".", "?", "!", "“", "\"":
		return -1
	}
	for e := j + 1; e < len(pt) && e <= j+innerQuoteMax && pt[e].si == pt[j].si; e++ {
		switch tokAt(e).Text {
		case "”":
			if e == j+1 {
				return -1
			}
			return e
		case "“", "\"":
			return -1
		}
	}
	return -1
}

// innerQuoteMax bounds a quote within a quote: scare quotes and titles.
const innerQuoteMax = 8

package ingest

import "regexp"

// byline matches a wire story's opening byline before its dateline ("By
// Katanga Johnson and Makini Brice WASHINGTON (Reuters) - …"), after an
// optional correction note in parentheses.
var byline = regexp.MustCompile(`^(\s*(?:\([^()]*(?:\([^()]*\)[^()]*)*\)\s*)?)(By(?:\s+[A-Z][a-z][\w.'’-]*|\s+[A-Z]\.)+(?:\s+and(?:\s+[A-Z][a-z][\w.'’-]*|\s+[A-Z]\.)+)?)\s+[A-Z][A-Z]+\b`)

// blankByline returns the text with its byline turned to spaces: the
// reporters are no part of the story (as persons they would take its later
// bare surnames: "Johnson, 53, heads …" after "By Katanga Johnson"), and
// spaces keep every offset into the text.
func blankByline(text string) string {
	m := byline.FindStringSubmatchIndex(text)
	if m == nil {
		return text
	}
	b := []byte(text)
	for i := m[4]; i < m[5]; i++ {
		b[i] = ' '
	}
	return string(b)
}

package ingest

// Statements a factbox lists as posted by one person: Reuters' "Trump on
// Twitter" pages open with "The following statements were posted to the
// verified Twitter accounts of U.S. President Donald Trump" and then list
// each post as "- TEXT [0811 EST]", with no speech verb and no quotation
// marks for the quote rules to read.

import (
	"regexp"

	"github.com/newsgraph/newsgraph/schema"
)

// postedPreamble is the sentence that names whose posts follow.
var postedPreamble = regexp.MustCompile(`(?i)statements were posted to the (?:verified )?(?:Twitter|Facebook|social media) accounts? of`)

// postedItem is one post: a dash, its text, and the time it was posted.
var postedItem = regexp.MustCompile(`(?s)(?:^|\s)-\s+(.+?)\s*\[\d{3,4} (?:EST|EDT|ET|GMT|UTC)\]`)

// postedStatements files every listed post as said by the person the
// preamble names.
func (x *docState) postedStatements() {
	text := x.doc.Text
	loc := postedPreamble.FindStringIndex(text)
	if loc == nil {
		return
	}
	speaker, at := -1, x.sentenceAt(loc[0])
	if at < 0 {
		return
	}
	for _, mi := range x.sentMents[at] {
		m := x.ments[mi]
		if m.kind == kName && m.ent >= 0 && x.ents[m.ent].class.IsA(schema.Person) {
			speaker = m.ent
			break
		}
	}
	if speaker < 0 {
		return
	}
	for _, g := range postedItem.FindAllStringSubmatchIndex(text[loc[1]:], -1) {
		start, end := loc[1]+g[2], loc[1]+g[3]
		s0, s1 := x.sentenceAt(start), x.sentenceAt(end-1)
		if s0 < 0 || s1 < 0 {
			continue
		}
		x.addStatement(speaker, text[start:end], "posted-statement", s0, s1)
	}
}

// sentenceAt is the sentence holding byte offset off of the text, or -1.
func (x *docState) sentenceAt(off int) int {
	for si, s := range x.sents {
		if s.Start <= off && off < s.End {
			return si
		}
	}
	return -1
}

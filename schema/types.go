package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Document is one article as read from a file or a JSONL line.
type Document struct {
	ID        string    // file name without extension, or the JSONL "id"
	Title     string    // may be empty
	URL       string    // may be empty
	Source    string    // publisher, may be empty
	Published time.Time // zero when unknown
	Path      string    // where it was read from, for messages
	Text      string    // the visible text, UTF-8
}

// Hash is the SHA-256 of the document text: ingesting the same id with the
// same hash again is a no-op, a different hash replaces the document.
func (d Document) Hash() string {
	sum := sha256.Sum256([]byte(d.Text))
	return hex.EncodeToString(sum[:])
}

// TextKey is the SHA-256 of the document text with every run of white
// space made one space and the ends trimmed: two documents with one key
// carry the same story, and ingest stores it once (ng:copy lists the
// other ids).
func (d Document) TextKey() string {
	sum := sha256.Sum256([]byte(strings.Join(strings.Fields(d.Text), " ")))
	return hex.EncodeToString(sum[:])
}

// IRI is the document's node and the label of every quad it contributes.
func (d Document) IRI() string { return DocIRI(d.ID) }

// DocIRI is the compact IRI of a document id.
func DocIRI(id string) string { return "doc:" + escapeIRIPart(id) }

// DocIDOf is the inverse of DocIRI: "doc:a%20b" gives "a b". ok reports
// whether iri has the "doc:" prefix; without it, id is iri itself unescaped,
// which readers of stores written by other tools may still want to show.
// A malformed escape is kept as it stands rather than failing.
func DocIDOf(iri string) (id string, ok bool) {
	rest, ok := strings.CutPrefix(iri, "doc:")
	if u, err := url.PathUnescape(rest); err == nil {
		return u, ok
	}
	return rest, ok
}

// Entity is one resolved entity of a document.
type Entity struct {
	IRI     string   // from EntityIRI(Class, Name)
	Name    string   // canonical name, as a reader would write it
	Class   Class    // finest known class
	Aliases []string // every surface form seen in the document, Name included
}

// EntityIRI gives the stable IRI of an entity: its top class and a slug of
// its canonical name, so the same entity in two articles is one node.
func EntityIRI(c Class, name string) string {
	return "ent:" + strings.ToLower(string(c.Top())) + "/" + Slug(name)
}

// EntityTop is the top-class segment of an entity IRI as EntityIRI writes
// it: "ent:person/james-jeffrey" gives "person", any other IRI "". Two
// entities may be one node only if their segments are equal.
func EntityTop(iri string) string {
	rest, ok := strings.CutPrefix(iri, "ent:")
	if !ok {
		return ""
	}
	top, _, _ := strings.Cut(rest, "/")
	return top
}

// StatementIRI gives a quote node's IRI: statements are identified by their
// speaker and text, so the same quote reported twice is one node.
func StatementIRI(speakerIRI, text string) string {
	sum := sha256.Sum256([]byte(speakerIRI + "\x00" + strings.Join(strings.Fields(text), " ")))
	return "ent:statement/" + hex.EncodeToString(sum[:8])
}

// NameKey is the form names are matched in when exact spelling fails:
// NFC, lower case, runs of white space made one space, trimmed. "  JAMES
// Jeffrey" and "james jeffrey" have the same key. Stored under PredKey.
func NameKey(name string) string {
	return strings.ToLower(strings.Join(strings.Fields(norm.NFC.String(name)), " "))
}

// Slug lower-cases a name and joins its letters and digits with '-':
// "Hayat Tahrir al-Sham" → "hayat-tahrir-al-sham". Accents are kept as
// letters; other characters separate words.
func Slug(name string) string {
	name = norm.NFC.String(name)
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		if r == '\'' || r == '’' || r == '.' {
			continue // "O'Brien" → "obrien", "U.S." → "us"
		}
		dash = true
	}
	if b.Len() == 0 {
		return "_"
	}
	return b.String()
}

// Evidence is where a fact was read.
type Evidence struct {
	DocID      string
	Sentence   string
	Start, End int     // offsets of the sentence in the document text, in Unicode code points
	Rule       string  // name of the extraction rule
	Confidence float64 // 0..1, estimated per rule
	Qualifiers map[string]string
}

// Fact is one subject–predicate–object statement with its evidence.
// Subject is an entity IRI. Object is an entity IRI, or the value itself
// when the predicate's range is a literal (population, strength).
type Fact struct {
	Subject   string
	Predicate string // schema name, "controls"
	Object    string
	Evidence  Evidence
}

// EvidenceIRI identifies a fact's evidence node: one per fact per sentence
// per document, stable across re-ingests of the same text.
func (f Fact) EvidenceIRI() string {
	sum := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%s\x00%s\x00%d\x00%d\x00%s",
		f.Subject, f.Predicate, f.Object, f.Evidence.Start, f.Evidence.End, f.Evidence.Rule)))
	return "ev:" + escapeIRIPart(f.Evidence.DocID) + "/" + hex.EncodeToString(sum[:8])
}

// Extraction is everything ingest found in one document: what the graph
// stores as one unit.
type Extraction struct {
	Document Document
	Entities []Entity
	Facts    []Fact
	// Rejected are facts a rule proposed that broke the schema, with why.
	Rejected []Rejection
}

// Rejection is a fact that failed Validate.
type Rejection struct {
	Fact   Fact
	Reason string
}

// Entity returns the entity with the given IRI.
func (x *Extraction) Entity(iri string) (Entity, bool) {
	for _, e := range x.Entities {
		if e.IRI == iri {
			return e, true
		}
	}
	return Entity{}, false
}

// ClassOf is a classOf function for Validate over this extraction.
func (x *Extraction) ClassOf(iri string) (Class, bool) {
	e, ok := x.Entity(iri)
	return e.Class, ok
}

// escapeIRIPart keeps ids safe inside an IRI: characters outside the
// unreserved set are percent-encoded.
func escapeIRIPart(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-', c == '_', c == '.', c == '~':
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

package ingest

import (
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

// entityNamed finds an entity of an extraction by its display name.
func entityNamed(ext schema.Extraction, name string) (schema.Entity, bool) {
	for _, e := range ext.Entities {
		if e.Name == name {
			return e, true
		}
	}
	return schema.Entity{}, false
}

// A month's abbreviation without a period is a month only next to a day or
// a year; before a surname it is a given name.
func TestMonthAbbreviationBeforeSurnameIsGivenName(t *testing.T) {
	ext := extractText(t, "Jan Holmqvist, a historian at Lund University, said the archive would open. The archive closed on Jan 5 and reopened in Jan 2016.")
	if e, ok := entityNamed(ext, "Jan Holmqvist"); !ok || e.Class.Top() != schema.Person {
		t.Errorf("no person Jan Holmqvist: %v", ext.Entities)
	}
	if _, ok := entityNamed(ext, "Holmqvist"); ok {
		t.Errorf("the given name Jan was dropped: %v", ext.Entities)
	}
	for _, e := range ext.Entities {
		if e.Name == "Jan" {
			t.Errorf("a month read as a name: %v", e)
		}
	}
}

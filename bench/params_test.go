package bench

import (
	"fmt"
	"testing"

	"github.com/newsgraph/newsgraph/queries"
)

// On a store bigger than the sample a picked name can be shared: the bench
// then times the entity in most documents, not the error.
func TestAmbiguousNameTakesTheEntityInMostDocuments(t *testing.T) {
	err := fmt.Errorf("run: %w", &queries.ParamError{Query: "roles", Param: "person", Code: queries.CodeAmbiguous,
		Candidates: []queries.Candidate{
			{IRI: "ent:organization/ada-vance", Documents: 1},
			{IRI: "ent:person/ada-vance", Documents: 17083},
			{IRI: "ent:person/ada-b-vance", Documents: 2},
		}})
	if iri, ok := mostMentioned(err); !ok || iri != "ent:person/ada-vance" {
		t.Errorf("mostMentioned = %q, %v; want ent:person/ada-vance", iri, ok)
	}
	notFound := &queries.ParamError{Query: "roles", Param: "person", Code: queries.CodeEntityNotFound}
	if _, ok := mostMentioned(notFound); ok {
		t.Error("a name that names nothing has no candidate to take")
	}
}

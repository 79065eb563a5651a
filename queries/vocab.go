package queries

import (
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

// Prefixes derived from schema, so that nothing here spells them.
var (
	predicatePrefix = strings.TrimSuffix(schema.Predicate{Name: "x"}.IRI(), "x")
	classPrefix     = strings.TrimSuffix(schema.Class("x").IRI(), "x")
	entityPrefix    = schema.EntityIRI(schema.Person, "x")[:strings.IndexByte(schema.EntityIRI(schema.Person, "x"), ':')+1]
)

// qualifierKeys are the evidence qualifiers, in the order rows list them.
var qualifierKeys = []string{schema.QualTime, schema.QualHedge, schema.QualFormer, schema.QualApproximate, schema.QualNegated}

// vocabulary is the schema as data for scripts, bound as the frozen global
// `vocab`, so that no script spells an IRI by hand:
//
//	vocab.iri.name, vocab.iri.alias, vocab.iri.type, ...  structural predicates and classes
//	vocab.predicates.controls = {iri, label, inverse, symmetric, literal}
//	vocab.relations     IRIs of the predicates between two nodes (paths walk these), ng:same_as included
//	vocab.classes.City = {iri, parent}
//	vocab.qualifiers    qualifier keys; evidence carries them in its vocab.iri.prov literal (ng.prov decodes it)
func vocabulary() map[string]any {
	preds := map[string]any{}
	var relations []string
	for _, p := range schema.Predicates() {
		preds[p.Name] = map[string]any{
			"iri": p.IRI(), "label": p.Label, "inverse": p.Inverse,
			"symmetric": p.Symmetric, "literal": p.Literal(),
		}
		if !p.Literal() {
			relations = append(relations, p.IRI())
		}
	}
	// A merge (graph.Merge) is an edge too: paths show "X same_as Y".
	relations = append(relations, schema.PredSameAs)
	classes := map[string]any{}
	for i, c := range schema.Classes() {
		// order: the schema's, which class listings follow (ng.eachEntity).
		classes[string(c.Name)] = map[string]any{"iri": c.Name.IRI(), "parent": c.Parent.IRI(), "label": c.Label, "order": i}
	}
	return map[string]any{
		"iri": map[string]string{
			"type":            schema.PredType,
			"subClassOf":      schema.PredSubClassOf,
			"name":            schema.PredName,
			"alias":           schema.PredAlias,
			"key":             schema.PredKey,
			"sameAs":          schema.PredSameAs,
			"subject":         schema.PredEvSubject,
			"predicate":       schema.PredEvPredicate,
			"object":          schema.PredEvObject,
			"sentence":        schema.PredEvSentence,
			"prov":            schema.PredProv,
			"title":           schema.PredTitle,
			"url":             schema.PredURL,
			"published":       schema.PredPublished,
			"source":          schema.PredSource,
			"text":            schema.PredText,
			"Document":        schema.ClassDocument,
			"Thing":           schema.Thing.IRI(),
			"predicatePrefix": predicatePrefix,
			"classPrefix":     classPrefix,
			"entityPrefix":    entityPrefix,
		},
		"predicates": preds,
		"relations":  relations,
		"classes":    classes,
		"qualifiers": qualifierKeys,
	}
}

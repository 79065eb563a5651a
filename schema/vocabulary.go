// Package schema is newsgraph's vocabulary: the entity classes, the predicates
// with their domain, range and inverse, the IRIs every other package writes
// and reads, and the domain types (documents, entities, facts, evidence) that
// flow from ingest to the graph. It is the single source of truth: no other
// package spells a predicate or class IRI by hand.
package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
)

// Namespaces. The store keeps compact IRIs ("ng:role", "ent:person/x") so
// that Gizmo queries stay readable in the console; exports expand them with
// Prefixes into absolute IRIs for RDF tools.
const (
	NS       = "https://newsgraph.dev/ns#"
	EntityNS = "https://newsgraph.dev/entity/"
	DocNS    = "https://newsgraph.dev/doc/"
	EvNS     = "https://newsgraph.dev/evidence/"
	SenNS    = "https://newsgraph.dev/sentence/"
	RDFNS    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	RDFSNS   = "http://www.w3.org/2000/01/rdf-schema#"
	XSDNS    = "http://www.w3.org/2001/XMLSchema#"
)

// Prefixes maps each compact prefix used in the store to its namespace.
func Prefixes() map[string]string {
	return map[string]string{
		"ng":   NS,
		"ent":  EntityNS,
		"doc":  DocNS,
		"ev":   EvNS,
		"sen":  SenNS,
		"rdf":  RDFNS,
		"rdfs": RDFSNS,
		"xsd":  XSDNS,
	}
}

// ExpandIRI turns a compact store IRI ("ng:role") into an absolute one.
// IRIs without a known prefix are returned unchanged.
func ExpandIRI(iri string) string {
	if i := strings.IndexByte(iri, ':'); i > 0 {
		if ns, ok := Prefixes()[iri[:i]]; ok {
			return ns + iri[i+1:]
		}
	}
	return iri
}

// CompactIRI is the inverse of ExpandIRI.
func CompactIRI(iri string) string {
	best, bestNS := "", ""
	for p, ns := range Prefixes() {
		if strings.HasPrefix(iri, ns) && len(ns) > len(bestNS) {
			best, bestNS = p, ns
		}
	}
	if bestNS == "" {
		return iri
	}
	return best + ":" + iri[len(bestNS):]
}

// Class is an entity class name such as "Person" or "City".
type Class string

// The entity classes. Person, Organization and Location are the top classes
// that NER decides; the finer classes refine them where the text or a
// gazetteer says so. Role and Statement are nodes too: a title and a quote.
const (
	Person         Class = "Person"
	Organization   Class = "Organization"
	Location       Class = "Location"
	Country        Class = "Country"
	City           Class = "City"
	Region         Class = "Region"
	Province       Class = "Province"
	Facility       Class = "Facility"
	Camp           Class = "Camp"
	River          Class = "River"
	Government     Class = "Government"
	ArmedGroup     Class = "ArmedGroup"
	PoliticalParty Class = "PoliticalParty"
	MediaOutlet    Class = "MediaOutlet"
	Company        Class = "Company"
	Role           Class = "Role"
	Statement      Class = "Statement"
	// Thing is the root: every class is a Thing. It is a valid domain or
	// range ("anything") but never an entity's own class.
	Thing Class = "Thing"
)

// ClassInfo describes one class.
type ClassInfo struct {
	Name   Class
	Parent Class // Thing for the top classes
	Label  string
}

var classTable = []ClassInfo{
	{Person, Thing, "person"},
	{Organization, Thing, "organization"},
	{Location, Thing, "location"},
	{Role, Thing, "role or title"},
	{Statement, Thing, "quoted statement"},
	{Country, Location, "country"},
	{City, Location, "city or town"},
	{Region, Location, "region"},
	{Province, Region, "province or governorate"},
	{Facility, Location, "facility"},
	{Camp, Facility, "camp"},
	{River, Location, "river"},
	{Government, Organization, "government or state body"},
	{ArmedGroup, Organization, "armed group"},
	{PoliticalParty, Organization, "political party"},
	{MediaOutlet, Organization, "news organisation"},
	{Company, Organization, "company"},
}

// Classes lists every class, top classes first.
func Classes() []ClassInfo { return append([]ClassInfo(nil), classTable...) }

// LookupClass finds a class by name, case-insensitively.
func LookupClass(name string) (ClassInfo, bool) {
	for _, c := range classTable {
		if strings.EqualFold(string(c.Name), name) {
			return c, true
		}
	}
	return ClassInfo{}, false
}

// IRI is the compact IRI of the class, e.g. "ng:Person".
func (c Class) IRI() string { return "ng:" + string(c) }

// Ancestors returns the class and its superclasses up to (not including)
// Thing, finest first: City → [City, Location].
func (c Class) Ancestors() []Class {
	var out []Class
	for cur := c; cur != "" && cur != Thing; {
		info, ok := LookupClass(string(cur))
		if !ok {
			break
		}
		out = append(out, info.Name)
		cur = info.Parent
	}
	return out
}

// Top returns the top class (Person, Organization, Location, Role,
// Statement) that c refines. It keys entity IRIs, so that refining a
// Location into a City later does not split the node.
func (c Class) Top() Class {
	a := c.Ancestors()
	if len(a) == 0 {
		return c
	}
	return a[len(a)-1]
}

// IsA reports whether c is other or one of its subclasses.
func (c Class) IsA(other Class) bool {
	if other == Thing {
		return true
	}
	for _, a := range c.Ancestors() {
		if a == other {
			return true
		}
	}
	return false
}

// Literal kinds for predicates whose object is a value, not a node.
const (
	LiteralString Class = "xsd:string"
	LiteralNumber Class = "xsd:decimal"
)

// Predicate describes one relation of the vocabulary.
type Predicate struct {
	Name      string  // "controls"
	Label     string  // "controls"
	Domain    []Class // classes the subject may have (subclasses included)
	Range     []Class // classes the object may have, or one literal kind
	Inverse   string  // name of the inverse reading, "controlled_by"
	Symmetric bool    // allied_with: a–b is b–a
	Doc       string
}

// IRI is the compact IRI of the predicate, e.g. "ng:controls".
func (p Predicate) IRI() string { return "ng:" + p.Name }

// Literal reports whether the object is a value rather than a node.
func (p Predicate) Literal() bool {
	return len(p.Range) == 1 && (p.Range[0] == LiteralString || p.Range[0] == LiteralNumber)
}

var (
	actor  = []Class{Person, Organization, Location}
	agent  = []Class{Person, Organization}
	place  = []Class{Location}
	group  = []Class{Organization, Location} // a state acts as an organisation
	anyone = []Class{Person, Organization, Location}
)

var predicateTable = []Predicate{
	{Name: "role", Label: "holds role", Domain: []Class{Person}, Range: []Class{Role}, Inverse: "role_of", Doc: "a title or office the person holds"},
	{Name: "works_for", Label: "works for", Domain: []Class{Person}, Range: anyone, Inverse: "employs", Doc: "employment or service: an organisation, a state, or a person served (a senator's spokesman, a candidate's campaign manager)"},
	{Name: "member_of", Label: "member of", Domain: agent, Range: group, Inverse: "has_member"},
	{Name: "leads", Label: "leads", Domain: []Class{Person}, Range: group, Inverse: "led_by"},
	{Name: "affiliated_with", Label: "affiliated with", Domain: agent, Range: group, Inverse: "has_affiliate"},
	{Name: "allied_with", Label: "allied with", Domain: actor, Range: actor, Inverse: "allied_with", Symmetric: true},
	{Name: "backs", Label: "backs", Domain: actor, Range: actor, Inverse: "backed_by"},
	{Name: "opposes", Label: "opposes", Domain: actor, Range: actor, Inverse: "opposed_by"},
	{Name: "attacked", Label: "attacked", Domain: actor, Range: []Class{Thing}, Inverse: "attacked_by"},
	{Name: "controls", Label: "controls", Domain: actor, Range: []Class{Location, Government}, Inverse: "controlled_by", Doc: "holds a place, or (a party) a majority of a legislative chamber or government body"},
	{Name: "active_in", Label: "active in", Domain: agent, Range: place, Inverse: "has_active"},
	{Name: "based_in", Label: "based in", Domain: []Class{Organization}, Range: place, Inverse: "base_of"},
	{Name: "located_in", Label: "located in", Domain: place, Range: place, Inverse: "contains"},
	{Name: "lives_in", Label: "lives in", Domain: []Class{Person}, Range: place, Inverse: "residence_of"},
	{Name: "citizen_of", Label: "citizen of", Domain: []Class{Person}, Range: []Class{Country, Location}, Inverse: "has_citizen"},
	{Name: "killed", Label: "killed", Domain: anyone, Range: []Class{Person}, Inverse: "killed_by"},
	{Name: "said", Label: "said", Domain: anyone, Range: []Class{Statement}, Inverse: "said_by"},
	{Name: "population", Label: "population", Domain: place, Range: []Class{LiteralNumber}, Doc: "people living in the place"},
	{Name: "strength", Label: "strength", Domain: agent, Range: []Class{LiteralNumber}, Doc: "fighters or members"},
}

// Predicates lists the relation predicates (those extraction produces).
func Predicates() []Predicate { return append([]Predicate(nil), predicateTable...) }

// LookupPredicate finds a relation predicate by name or compact IRI.
func LookupPredicate(name string) (Predicate, bool) {
	name = strings.TrimPrefix(strings.TrimSuffix(strings.TrimPrefix(name, "<"), ">"), "ng:")
	for _, p := range predicateTable {
		if p.Name == name {
			return p, true
		}
	}
	return Predicate{}, false
}

// PredicateNames returns the relation predicate names, sorted.
func PredicateNames() []string {
	out := make([]string, 0, len(predicateTable))
	for _, p := range predicateTable {
		out = append(out, p.Name)
	}
	sort.Strings(out)
	return out
}

// Structural and provenance predicates: the layout of the graph beside the
// relation edges. See docs/graph-model.md.
const (
	PredType       = "rdf:type"        // entity → its finest class, doc → ng:Document (ancestors: PredSubClassOf)
	PredSubClassOf = "rdfs:subClassOf" // class → parent class
	PredName       = "ng:name"         // entity → canonical name (string); its labels are the entity's documents
	PredAlias      = "ng:alias"        // entity → surface form seen in a document other than the name (string)
	// PredKey is entity → NameKey of its name and of each alias: lets a
	// query find "idlib" or "JAMES  JEFFREY" by one index lookup instead of
	// scanning every alias (added by queries/; see NameKey).
	PredKey = "ng:key"
	// Evidence nodes reify one fact of one document: subject, predicate,
	// object, the sentence node, and the rest packed in PredProv (see
	// EncodeProv). The document is the label (and the IRI's first segment).
	PredEvSubject   = "ng:subject"
	PredEvPredicate = "ng:predicate"
	PredEvObject    = "ng:object"
	PredEvSentence  = "ng:sentence" // evidence → sentence node (SentenceIRI), whose PredText is the sentence
	PredProv        = "ng:prov"     // evidence → "start|end|rule|confidence|qualifiers" (EncodeProv)
	// PredEvRule is a merge record's rule (graph.Merge); layout 1 also put
	// it on evidence nodes.
	PredEvRule = "ng:rule"
	// Document nodes.
	PredTitle      = "ng:title"
	PredURL        = "ng:url"
	PredPublished  = "ng:published"
	PredSource     = "ng:source"
	PredHash       = "ng:hash"
	PredIngestedAt = "ng:ingested_at"
	PredTextKey    = "ng:text_key" // Document.TextKey: the text with white space normalised, hashed
	PredCopy       = "ng:copy"     // id of another document that carried the same text (stored once)
	PredText       = "ng:text"     // statement node → quote text (also its ng:name); sentence node → sentence
)

// The layout version, stored as <ng:schema> <ng:layout_version> N under
// LabelSchema. Readers refuse a store whose documents were written in
// another layout (graph.Open); `newsgraph migrate` rewrites layout 1.
const (
	PredLayoutVersion = "ng:layout_version"
	LayoutVersion     = 2
)

// Layout 1 (before the lean layout): predicates and classes that only
// migration reads, and that the RDF exports still write for each evidence
// (its ng:prov unpacked, so that RDF tools can query offsets, rule,
// confidence and qualifiers). The store no longer holds them.
const (
	Layout1MentionedIn     = "ng:mentioned_in" // entity → document (repeated the label)
	Layout1Document        = "ng:document"     // evidence → document (repeated the label)
	Layout1Start           = "ng:start"
	Layout1End             = "ng:end"
	Layout1Confidence      = "ng:confidence"
	Layout1QualifierPrefix = "ng:q_"
	Layout1ClassEvidence   = "ng:Evidence"
)

// Qualifier keys an evidence node may carry.
const (
	QualTime        = "time"        // "in December 2017"
	QualHedge       = "hedge"       // "guesstimate", "allegedly", "claimed"
	QualFormer      = "former"      // "true" for a former affiliation or role
	QualApproximate = "approximate" // "true" for "around 70,000"
	QualNegated     = "negated"     // "true" for "does not have control"
)

// ClassDocument is the class of document nodes (not an entity class).
const ClassDocument = "ng:Document"

// Labels of quads that belong to no document.
const (
	LabelSchema = "ng:schema" // the class hierarchy, written when a store is created
	LabelMerges = "ng:merges" // cross-document entity merges (graph.Merge)
)

// Cross-document entity merges. A merge keeps every document's quads as
// they are and adds, under LabelMerges, an ng:same_as edge from the merged
// entity to the one it was merged into, plus a merge record node
// (ClassMerge) saying which names, which rule and which documents, so the
// merge can be listed and undone.
const (
	PredSameAs    = "ng:same_as"        // merged entity → entity it was merged into
	ClassMerge    = "ng:Merge"          // a merge record node
	PredMergeFrom = "ng:merge_from"     // record → merged entity
	PredMergeInto = "ng:merge_into"     // record → entity merged into
	PredMergeName = "ng:merge_name"     // record → a name or alias of the merged entity
	PredMergeDoc  = "ng:merge_document" // record → a document that mentioned the merged entity
	PredMergedAt  = "ng:merged_at"      // record → time literal
	// PredMergeEvidence: record → one reason the rule found ("shared
	// context: Kremlin, Moscow"), so a merge can be judged and undone.
	PredMergeEvidence = "ng:merge_evidence"
	// PredNotSameAs: entity → entity a user said it is not (a refused
	// proposal or an undone merge), under LabelRejections; resolution never
	// merges the pair again.
	PredNotSameAs   = "ng:not_same_as"
	LabelRejections = "ng:rejections"
	// The record's rule is PredEvRule.
)

// MergeIRI is the record node of the merge of entity from into entity into:
// one per pair, so merging twice is one merge. ("ev:merge:" cannot clash with
// evidence IRIs, whose escaped document ids never contain ':'.)
func MergeIRI(from, into string) string {
	sum := sha256.Sum256([]byte(from + "\x00" + into))
	return "ev:merge:" + hex.EncodeToString(sum[:8])
}

// Validate checks a fact against the vocabulary: the predicate exists, the
// subject's class is in its domain, the object's class (or literal) is in its
// range. classOf returns the class of an entity IRI in the same extraction.
func Validate(f Fact, classOf func(iri string) (Class, bool)) error {
	p, ok := LookupPredicate(f.Predicate)
	if !ok {
		return fmt.Errorf("unknown predicate %q", f.Predicate)
	}
	sc, ok := classOf(f.Subject)
	if !ok {
		return fmt.Errorf("%s: subject %q is not an entity of this document", p.Name, f.Subject)
	}
	if !classIn(sc, p.Domain) {
		return fmt.Errorf("%s: subject %q is a %s, domain is %v", p.Name, f.Subject, sc, p.Domain)
	}
	if p.Literal() {
		if strings.TrimSpace(f.Object) == "" {
			return fmt.Errorf("%s: empty value", p.Name)
		}
		return nil
	}
	oc, ok := classOf(f.Object)
	if !ok {
		return fmt.Errorf("%s: object %q is not an entity of this document", p.Name, f.Object)
	}
	if !classIn(oc, p.Range) {
		return fmt.Errorf("%s: object %q is a %s, range is %v", p.Name, f.Object, oc, p.Range)
	}
	if f.Subject == f.Object {
		return fmt.Errorf("%s: subject and object are the same entity %q", p.Name, f.Subject)
	}
	return nil
}

func classIn(c Class, set []Class) bool {
	for _, s := range set {
		if c.IsA(s) {
			return true
		}
	}
	return false
}

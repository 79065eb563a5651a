package schema

import "github.com/cayleygraph/quad"

// LiteralText is the lexical form of a string literal as the store holds
// it: a plain, typed ("70000"^^xsd:decimal) or language-tagged string gives
// its text without quotes, type or tag. ok is false for any other value
// (IRIs, blank nodes, numbers, times), whose rendering each reader chooses.
func LiteralText(v quad.Value) (text string, ok bool) {
	switch v := v.(type) {
	case quad.String:
		return string(v), true
	case quad.TypedString:
		return string(v.Value), true
	case quad.LangString:
		return string(v.Value), true
	}
	return "", false
}

package api

import "testing"

func TestLimitGraphQL(t *testing.T) {
	for in, want := range map[string]string{
		`{ nodes { id } }`: `{ nodes( first: 5) { id } }`,
		`{ nodes(id: <ent:location/raqqa>) { id name: <ng:name> } }`: `{ nodes(id: <ent:location/raqqa>, first: 5) { id name: <ng:name> } }`,
		`{ nodes(first: 2) { id out: <ng:controls> { id } } }`:       `{ nodes(first: 2) { id out: <ng:controls>( first: 5) { id } } }`,
		`{ nodes(id: "Ünïcode") { id } }`:                            `{ nodes(id: "Ünïcode", first: 5) { id } }`,
		`not graphql {`:                                              `not graphql {`,
	} {
		if got := limitGraphQL(in, 5); got != want {
			t.Errorf("limitGraphQL(%q) = %q, want %q", in, got, want)
		}
	}
}

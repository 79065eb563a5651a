package main

import "testing"

func TestDocumentsCell(t *testing.T) {
	for _, c := range []struct {
		docs []string
		want string
	}{
		{nil, ""},
		{[]string{"a", "b"}, "a,b"},
		{[]string{"a", "b", "c", "d", "e"}, "a,b +3 more"},
	} {
		if got := documentsCell(c.docs); got != c.want {
			t.Errorf("documentsCell(%q) = %q, want %q", c.docs, got, c.want)
		}
	}
}

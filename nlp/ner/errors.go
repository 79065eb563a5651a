package ner

import "fmt"

func errLabel(l string) error {
	return fmt.Errorf("ner: entity label %q is not O, B-TYPE or I-TYPE with TYPE one of PER, ORG, LOC, MISC", l)
}

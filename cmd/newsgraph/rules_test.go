package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRulesStats(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	table := mustCLI(t, db, "rules")
	for _, want := range []string{"title-name", "classifier", "off", "on"} {
		if !strings.Contains(table, want) {
			t.Errorf("gate table lacks %q:\n%s", want, table)
		}
	}
	// Against a gold of our own for one example: the title rule is right,
	// a rule that gives a fact the gold does not state is wrong.
	gold := filepath.Join(t.TempDir(), "gold.tsv")
	rows := "valdoria-river-offensive\tOskar Lind\trole\tGeneral\tcore\n" +
		"valdoria-river-offensive\tOskar Lind\ttype\tPerson\ttype\n"
	if err := os.WriteFile(gold, []byte(rows), 0o644); err != nil {
		t.Fatal(err)
	}
	out := mustCLI(t, db, "rules", "--gold", gold, filepath.Join(examplesDir(t), "valdoria-river-offensive.txt"))
	var titleLine string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "title-name ") {
			titleLine = l
		}
	}
	if f := strings.Fields(titleLine); len(f) < 4 || !strings.HasPrefix(f[1], "1/") || f[3] != "on" {
		t.Errorf("title-name line %q, want 1 right and on\n%s", titleLine, out)
	}
	if !strings.Contains(out, "0.8-1.0") {
		t.Errorf("no calibration bands:\n%s", out)
	}
	if code, _, _ := cli(t, db, "rules", "--gold", gold); code == 0 {
		t.Error("--gold without articles succeeded")
	}
}

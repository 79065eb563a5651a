package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// annotate keeps the input's tokens and writes the predictions where the
// standard scorers look for them; --score compares them with the gold columns.
func TestAnnotateWritesScorerFormats(t *testing.T) {
	dir := t.TempDir()
	conll2003 := filepath.Join(dir, "in.conll")
	os.WriteFile(conll2003, []byte("-DOCSTART- -X- -X- O\n\n"+
		"Anna NNP I-NP I-PER\nKowalczyk NNP I-NP I-PER\nflew VBD I-VP O\nto TO I-PP O\nNairobi NNP I-NP I-LOC\n. . O O\n\n"), 0o644)
	out := mustCLI(t, filepath.Join(dir, "unused.db"), "annotate", "--input", "conll", conll2003)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 8 || lines[2] != "Anna NNP I-NP I-PER B-PER" || lines[6] != "Nairobi NNP I-NP I-LOC B-LOC" {
		t.Errorf("conll output:\n%s", out)
	}
	score := mustCLI(t, filepath.Join(dir, "unused.db"), "annotate", "--score", "--input", "conll", conll2003)
	if !strings.Contains(score, "found: 2 phrases; correct: 2.") {
		t.Errorf("score output:\n%s", score)
	}

	conllu := filepath.Join(dir, "in.conllu")
	os.WriteFile(conllu, []byte("# text = The minister resigned .\n"+
		"1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n2\tminister\tminister\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"+
		"3\tresigned\tresign\tVERB\tVBD\t_\t0\troot\t_\t_\n4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n"), 0o644)
	out = mustCLI(t, filepath.Join(dir, "unused.db"), "annotate", "--input", "conllu", conllu)
	if !strings.Contains(out, "2\tminister\tminister\tNOUN\tNN\t_\t3\tnsubj\t") || !strings.Contains(out, "3\tresigned\tresign\tVERB\t") || !strings.Contains(out, "\t0\troot\t") {
		t.Errorf("conllu output:\n%s", out)
	}
	score = mustCLI(t, filepath.Join(dir, "unused.db"), "annotate", "--score", "--input", "conllu", conllu)
	if !strings.Contains(score, "UAS 1.0000") {
		t.Errorf("conllu score:\n%s", score)
	}
	// --parser picks another embedded parser; an unknown file is an error.
	score = mustCLI(t, filepath.Join(dir, "unused.db"), "annotate", "--score", "--input", "conllu", "--parser", "ensemble", conllu)
	if !strings.Contains(score, "UAS 1.0000") {
		t.Errorf("conllu score, ensemble:\n%s", score)
	}
	score = mustCLI(t, filepath.Join(dir, "unused.db"), "annotate", "--score", "--input", "conllu", "--parser", "ensemble+labels", conllu)
	if !strings.Contains(score, "LAS 1.0000") {
		t.Errorf("conllu score, ensemble+labels:\n%s", score)
	}
	if code, _, _ := cli(t, filepath.Join(dir, "unused.db"), "annotate", "--input", "conllu", "--parser", filepath.Join(dir, "none.model"), conllu); code == 0 {
		t.Errorf("annotate --parser with a missing file: exit 0")
	}
	text := filepath.Join(dir, "in.txt")
	os.WriteFile(text, []byte("The mayor of Tarrow, Ines Vidal, resigned on Friday.\n\nShe did not say why."), 0o644)
	out = mustCLI(t, filepath.Join(dir, "unused.db"), "annotate", text)
	if strings.Count(out, "# sent_id = ") != 2 || !strings.Contains(out, "\tIne") || !strings.Contains(out, "Offset=21-25") {
		t.Errorf("text as conllu:\n%s", out)
	}
	out = mustCLI(t, filepath.Join(dir, "unused.db"), "annotate", "--format", "json", text)
	if !strings.Contains(out, `{"text":"Ines Vidal","label":"PER"`) {
		t.Errorf("text as json:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(dir, "unused.db")); err == nil {
		t.Errorf("annotate created a store")
	}
	if code, _, _ := cli(t, filepath.Join(dir, "unused.db"), "annotate", "--input", "xml", conllu); code == 0 {
		t.Errorf("annotate --input xml: exit 0")
	}
}

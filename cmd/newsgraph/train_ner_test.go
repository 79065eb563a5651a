package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/nlp/ner"
)

// A CoNLL-2003 file written for this test: four one-sentence documents.
const tinyCoNLL = `-DOCSTART- -X- -X- O

Anna NNP I-NP I-PER
Berg NNP I-NP I-PER
visited VBD I-VP O
Oslo NNP I-NP I-LOC
. . O O

-DOCSTART- -X- -X- O

Norsk NNP I-NP I-ORG
Hydro NNP I-NP I-ORG
hired VBD I-VP O
Anna NNP I-NP I-PER
. . O O

-DOCSTART- -X- -X- O

Swedish JJ I-NP I-MISC
fans NNS I-NP O
cheered VBD I-VP O
in IN I-PP O
Oslo NNP I-NP I-LOC
. . O O

-DOCSTART- -X- -X- O

Berg NNP I-NP I-PER
left VBD I-VP O
Norsk NNP I-NP I-ORG
Hydro NNP I-NP I-ORG
. . O O
`

func TestTrainNERWritesALoadableModel(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "tiny.conll")
	if err := os.WriteFile(data, []byte(tinyCoNLL), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "model.bin")
	code, stdout, stderr := cli(t, filepath.Join(dir, "db"), "train", "ner", "--train", data, "--dev", data, "--out", out, "--epochs", "3", "--folds", "2")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "FB1") || !strings.Contains(stdout, "PER:") {
		t.Errorf("no conlleval summary in output:\n%s", stdout)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	res, err := ner.DefaultResources()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ner.ReadModel(bytes.NewReader(b), res); err != nil {
		t.Errorf("written model does not load: %v", err)
	}
	code, _, stderr = cli(t, filepath.Join(dir, "db"), "train", "ner", "--train", filepath.Join(dir, "missing.conll"), "--out", out)
	if code == 0 || !strings.Contains(stderr, "missing.conll") {
		t.Errorf("missing training file: exit %d, stderr %q", code, stderr)
	}
}

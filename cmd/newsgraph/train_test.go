package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tinyTreebank is a hand-written CoNLL-U treebank, enough to run training.
const tinyTreebank = `# text = Rebels attacked the town .
1	Rebels	rebel	NOUN	NNS	_	2	nsubj	_	_
2	attacked	attack	VERB	VBD	_	0	root	_	_
3	the	the	DET	DT	_	4	det	_	_
4	town	town	NOUN	NN	_	2	obj	_	_
5	.	.	PUNCT	.	_	2	punct	_	_

# text = The army took the city .
1	The	the	DET	DT	_	2	det	_	_
2	army	army	NOUN	NN	_	3	nsubj	_	_
3	took	take	VERB	VBD	_	0	root	_	_
4	the	the	DET	DT	_	5	det	_	_
5	city	city	NOUN	NN	_	3	obj	_	_
6	.	.	PUNCT	.	_	3	punct	_	_

# text = Police arrested two men .
1	Police	police	NOUN	NNS	_	2	nsubj	_	_
2	arrested	arrest	VERB	VBD	_	0	root	_	_
3	two	two	NUM	CD	_	4	nummod	_	_
4	men	man	NOUN	NNS	_	2	obj	_	_
5	.	.	PUNCT	.	_	2	punct	_	_
`

// The train commands run end to end on a tiny treebank: they write a model
// file and print development scores.
func TestTrainCommands(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "tiny.conllu")
	if err := os.WriteFile(data, []byte(tinyTreebank), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"train", "tagger", "--epochs", "3", "--folds", "2", "--prune", "0.001"}, "UPOS 1.0000"},
		{[]string{"train", "parser", "--epochs", "5", "--folds", "1", "--prune", "0.001"}, "UAS 1.0000"},
		{[]string{"train", "parser", "--epochs", "5", "--folds", "1", "--prune", "0.001", "--rtl"}, "UAS 1.0000"},
		{[]string{"train", "parser", "--epochs", "5", "--folds", "1", "--prune", "0.001", "--graph"}, "UAS 1.0000"},
		{[]string{"train", "parser-labels", "--epochs", "5", "--folds", "1", "--prune", "0.001"}, "ensemble, the label pass"},
	} {
		out := filepath.Join(dir, c.args[1]+".model")
		if c.args[len(c.args)-1] == "--graph" {
			out = filepath.Join(dir, "graph.model") // parser.model is pruned below
		}
		code, stdout, stderr := cli(t, filepath.Join(dir, "g.db"), append(c.args, "--train", data, "--dev", data, "--out", out)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", c.args, code, stderr)
		}
		if !strings.Contains(stdout, c.want) {
			t.Errorf("%v: output %q lacks %q", c.args, stdout, c.want)
		}
		if st, err := os.Stat(out); err != nil || st.Size() == 0 {
			t.Errorf("%v: no model file (%v)", c.args, err)
		}
	}
	// Pruning a parser file keeps a parser, smaller, that annotate loads.
	pruned := filepath.Join(dir, "pruned.model")
	if code, _, stderr := cli(t, filepath.Join(dir, "g.db"), "train", "parser-prune", "--in", filepath.Join(dir, "parser.model"), "--out", pruned, "--prune", "0.5"); code != 0 {
		t.Fatalf("parser-prune: exit %d: %s", code, stderr)
	}
	before, err1 := os.Stat(filepath.Join(dir, "parser.model"))
	after, err2 := os.Stat(pruned)
	if err1 != nil || err2 != nil || after.Size() >= before.Size() {
		t.Errorf("pruned model not smaller: %v %v", err1, err2)
	}
	if code, stdout, stderr := cli(t, filepath.Join(dir, "g.db"), "annotate", "--score", "--input", "conllu", "--parser", pruned, data); code != 0 || !strings.Contains(stdout, "UAS") {
		t.Errorf("annotate with the pruned parser: exit %d, %q %q", code, stdout, stderr)
	}
	code, _, stderr := cli(t, filepath.Join(dir, "g.db"), "train", "tagger", "--train", filepath.Join(dir, "missing.conllu"))
	if code == 0 || !strings.Contains(stderr, "missing.conllu") {
		t.Errorf("missing training file: exit %d, %q", code, stderr)
	}
}

// tinyNews is a hand-written CoNLL-2003 file: a dateline, a table row and
// two sentences of prose, of which --uptrain parses only the prose.
const tinyNews = `-DOCSTART- -X- -X- O

HARBOR NNP I-NP I-LOC
CITY NNP I-NP I-LOC
1996-05-02 CD I-NP O

The NN I-NP O
port NN I-NP O
authority NN I-NP O
closed VBD I-VP O
two CD I-NP O
piers NNS I-NP O
on IN I-PP O
Monday NNP I-NP O
. . O O

1. CD I-NP O
Ann NNP I-NP I-PER
Lee NNP I-NP I-PER
3:04.1 CD I-NP O
4 CD I-NP O
7 CD I-NP O

Fishermen NNS I-NP O
said VBD I-VP O
the DT I-NP O
ban NN I-NP O
would MD I-VP O
hurt VB I-VP O
them PRP I-NP O
. . O O
`

// Prose sentences are 6 to 50 words, mostly lower case, and end as a
// sentence does; tables, datelines and headlines are not.
func TestProseSentence(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"The port authority closed two piers on Monday .", true},
		{"Fishermen said the ban would hurt them , \" he said . \"", true},
		{"HARBOR CITY 1996-05-02", false},
		{"1. Ann Lee ( Harbor City ) 3:04.1", false},
		{"PORT AUTHORITY CLOSES TWO PIERS IN HARBOR CITY .", false},
		{"The port closed .", false},
		{"The port authority closed two piers on Monday", false},
	} {
		if got := proseSentence(strings.Fields(c.text)); got != c.want {
			t.Errorf("%q: %v, want %v", c.text, got, c.want)
		}
	}
}

// --uptrain adds the prose sentences of a CoNLL-2003 file, parsed by an
// embedded parser, to the training trees.
func TestTrainParserUptrain(t *testing.T) {
	dir := t.TempDir()
	data, news := filepath.Join(dir, "tiny.conllu"), filepath.Join(dir, "news.conll")
	if err := os.WriteFile(data, []byte(tinyTreebank), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(news, []byte(tinyNews), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "up.model")
	code, stdout, stderr := cli(t, filepath.Join(dir, "g.db"), "train", "parser", "--epochs", "3", "--folds", "1", "--prune", "0.001",
		"--uptrain", news, "--uptrain-parser", "greedy", "--train", data, "--dev", data, "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "2 sentences (17 words) of "+news+" parsed by greedy") {
		t.Errorf("output %q lacks the 2 prose sentences", stdout)
	}
	if st, err := os.Stat(out); err != nil || st.Size() == 0 {
		t.Errorf("no model file (%v)", err)
	}
}

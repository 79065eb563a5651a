package conll

import (
	"bytes"
	"strings"
	"testing"
)

// A hand-written CoNLL-U sentence with a multiword token and an empty node.
const sample = `# sent_id = t1
# text = They won't stop.
1	They	they	PRON	PRP	_	3	nsubj	_	_
2-3	won't	_	_	_	_	_	_	_	_
2	wo	will	AUX	MD	_	4	aux	_	SpaceAfter=No
3	n't	not	PART	RB	_	4	advmod	_	_
3.1	stop	stop	VERB	VB	_	_	_	_	_
4	stop	stop	VERB	VB	_	0	root	_	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	_	_

# sent_id = t2
1	Hello	hello	INTJ	UH	_	0	root	_	_
`

func TestReadCoNLLU(t *testing.T) {
	sents, err := ReadCoNLLU(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2 {
		t.Fatalf("%d sentences, want 2", len(sents))
	}
	s := sents[0]
	if len(s.Words) != 5 || len(s.Comments) != 2 || len(s.Extra) != 2 {
		t.Fatalf("words %d comments %d extra %d", len(s.Words), len(s.Comments), len(s.Extra))
	}
	g := s.Gold()
	if g.Tokens[1].Text != "wo" || g.Tokens[1].Head != 3 || g.Tokens[3].Head != -1 || g.Tokens[3].Rel != "root" {
		t.Errorf("gold tokens %+v", g.Tokens)
	}
	if g.Tokens[0].UPOS != "PRON" || g.Tokens[0].Tag != "PRP" || g.Tokens[1].Lemma != "will" {
		t.Errorf("gold columns %+v", g.Tokens[:2])
	}
	p := s.Plain()
	if p.Tokens[2].Tag != "" || p.Tokens[2].Head != -1 || p.Tokens[2].Text != "n't" {
		t.Errorf("plain token %+v", p.Tokens[2])
	}
}

// Writing back the gold analysis reproduces the input, extra lines included.
func TestWriteCoNLLURoundTrip(t *testing.T) {
	sents, err := ReadCoNLLU(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	for i := range sents {
		g := sents[i].Gold()
		if err := sents[i].WriteCoNLLU(&buf, &g); err != nil {
			t.Fatal(err)
		}
	}
	if buf.String() != sample+"\n" {
		t.Errorf("round trip:\n%s\nwant:\n%s", buf.String(), sample)
	}
	// A prediction replaces the analysis columns.
	p := sents[1].Plain()
	p.Tokens[0].Tag, p.Tokens[0].UPOS, p.Tokens[0].Rel = "NN", "NOUN", "root"
	buf.Reset()
	if err := sents[1].WriteCoNLLU(&buf, &p); err != nil {
		t.Fatal(err)
	}
	if want := "1\tHello\t_\tNOUN\tNN\t_\t0\troot\t_\t_\n"; !strings.Contains(buf.String(), want) {
		t.Errorf("predicted line:\n%s\nwant %q", buf.String(), want)
	}
	short := sents[0].Plain()
	short.Tokens = short.Tokens[:2]
	if err := sents[0].WriteCoNLLU(&buf, &short); err == nil {
		t.Errorf("mismatched token count: no error")
	}
}

func TestReadCoNLLUErrors(t *testing.T) {
	for name, in := range map[string]string{
		"columns": "1\tHello\tx\n",
		"id":      "2\tHello\thello\tINTJ\tUH\t_\t0\troot\t_\t_\n",
		"head":    "1\tHello\thello\tINTJ\tUH\t_\tx\troot\t_\t_\n",
		"range":   "1\tHello\thello\tINTJ\tUH\t_\t5\troot\t_\t_\n",
	} {
		if _, err := ReadCoNLLU(strings.NewReader(in)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

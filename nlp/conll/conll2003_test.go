package conll

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/nlp"
)

const sample2003 = `-DOCSTART- -X- -X- O

Maria NNP I-NP I-PER
Lopez NNP I-NP I-PER
joined VBD I-VP O
Acme NNP I-NP I-ORG
Tools NNP I-NP I-ORG
Nordic NNP I-NP B-ORG
Steel NNP I-NP I-ORG
. . O O

-DOCSTART- -X- -X- O

Oslo NNP I-NP I-LOC
wins VBZ I-VP O
`

func TestRead2003DocumentsSentencesAndIOB2(t *testing.T) {
	docs, err := Read2003(strings.NewReader(sample2003))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || len(docs[0].Sentences) != 1 || len(docs[1].Sentences) != 1 {
		t.Fatalf("got %d documents, want 2 of one sentence each: %+v", len(docs), docs)
	}
	s := docs[0].Sentences[0]
	if s[3] != (Token2003{"Acme", "NNP", "I-NP", "I-ORG"}) {
		t.Errorf("token 3 = %+v", s[3])
	}
	d := docs[0].Doc(true)
	var got []string
	for _, tok := range d.Sentences[0].Tokens {
		got = append(got, tok.Ent)
	}
	// IOB1's I- at an entity's start becomes B-; its B- between two ORGs stays.
	want := []string{"B-PER", "I-PER", "O", "B-ORG", "I-ORG", "B-ORG", "I-ORG", "O"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("IOB2 = %v, want %v", got, want)
	}
	tok := d.Sentences[0].Tokens[1]
	if d.Text[tok.Start:tok.End] != "Lopez" {
		t.Errorf("offsets of token 1 give %q", d.Text[tok.Start:tok.End])
	}
	if e := docs[1].Doc(false).Sentences[0].Tokens[0].Ent; e != "" {
		t.Errorf("Doc(false) keeps gold label %q", e)
	}
}

func TestWrite2003AddsPredictionColumn(t *testing.T) {
	docs, err := Read2003(strings.NewReader(sample2003))
	if err != nil {
		t.Fatal(err)
	}
	p0, p1 := docs[0].Doc(false), docs[1].Doc(false)
	p0.Sentences[0].Tokens[0].Ent = "B-PER"
	p1.Sentences[0].Tokens[0].Ent = "B-LOC"
	var buf bytes.Buffer
	if err := Write2003(&buf, docs, []*nlp.Doc{p0, p1}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(buf.String(), "\n")
	if lines[0] != "-DOCSTART- -X- -X- O O" || lines[2] != "Maria NNP I-NP I-PER B-PER" || lines[3] != "Lopez NNP I-NP I-PER O" {
		t.Errorf("written:\n%s", buf.String())
	}
	if !strings.Contains(buf.String(), "\nOslo NNP I-NP I-LOC B-LOC\n") {
		t.Errorf("second document missing:\n%s", buf.String())
	}
	if err := Write2003(&buf, docs, []*nlp.Doc{p0}); err == nil {
		t.Errorf("Write2003 with too few predictions: no error")
	}
}

func TestRead2003RejectsBadLines(t *testing.T) {
	for _, bad := range []string{"Maria NNP I-PER\n", "Maria NNP I-NP PER\n"} {
		if _, err := Read2003(strings.NewReader(bad)); err == nil || !strings.Contains(err.Error(), "line 1") {
			t.Errorf("Read2003(%q) error = %v, want one naming line 1", bad, err)
		}
	}
}

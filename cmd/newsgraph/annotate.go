package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/conll"
	"github.com/newsgraph/newsgraph/nlp/eval"
	"github.com/newsgraph/newsgraph/nlp/parser"
	"github.com/newsgraph/newsgraph/nlp/pipeline"
)

// annotateCommand prints what the language layer sees, in formats the
// standard scorers read: CoNLL-U for the UD evaluation script, CoNLL-2003
// with a prediction column for conlleval.
func (a *app) annotateCommand() *cobra.Command {
	var input, format, parserSpec string
	var score bool
	cmd := &cobra.Command{
		Use:   "annotate [--input text|conll|conllu] [--format conllu|json] PATH...",
		Short: "Print the language layer's tokens, tags, lemmas, entities and dependency trees",
		Long: `Runs the tagger, named-entity recogniser and dependency parser and prints what
they predict. Plain text (--input text, the default) is cut into sentences and
tokens as ingest cuts it and printed as CoNLL-U (byte offsets in MISC) or JSON.
With --input conll (CoNLL-2003, one token a line) or --input
conllu, the file's own tokens and sentences are kept and written back in the
same format with the predictions in the tag, head, relation and entity columns:
CoNLL-2003 as "token POS chunk GOLD PRED" (conlleval reads it), CoNLL-U with
predicted LEMMA, UPOS, XPOS, HEAD and DEPREL and the entity label as NER=… in
MISC. --format json prints one JSON document per input document.
--score prints, instead of the annotation, the scores against the file's own
gold columns: entity precision, recall and F1 as conlleval computes them, or
UPOS/XPOS accuracy and UAS/LAS as the UD evaluation script does.`,
		Example: `  newsgraph annotate examples/harbor-city-blockade.txt
  newsgraph annotate --format json examples/harbor-city-blockade.txt
  newsgraph annotate --input conll ../shared/nlp/conll2003/dev.conll > dev.pred
  newsgraph annotate --input conllu ../shared/nlp/ud-english-ewt/dev.conllu > dev.pred.conllu
  newsgraph annotate --score --input conll ../shared/nlp/conll2003/dev.conll`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			p, err := pipeline.Load()
			if err != nil {
				return err
			}
			if parserSpec != "" {
				if p.Parser, err = loadParserSpec(parserSpec); err != nil {
					return err
				}
			}
			for _, path := range args {
				var err error
				switch input {
				case "text":
					err = a.annotateText(cmd, p, path, format)
				case "conll":
					err = a.annotateCoNLL(cmd, p, path, format, score)
				case "conllu":
					err = a.annotateCoNLLU(cmd, p, path, format, score)
				default:
					err = fmt.Errorf("unknown --input %q: use text, conll or conllu", input)
				}
				if err != nil {
					return err
				}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&input, "input", "text", "input format: text, conll (CoNLL-2003) or conllu")
	f.StringVar(&format, "format", "", "output format: conllu, conll or json (default: the input's format)")
	f.BoolVar(&score, "score", false, "print scores against the input's gold columns instead of the annotation")
	f.StringVar(&parserSpec, "parser", "", "parser instead of the default: an embedded one by name ("+strings.Join(parser.Names(), ", ")+
		"), or model files FILE[@WEIGHT[@T]],... (more than one: an ensemble voting with the weights; @T: a graph model votes with its softmax over heads at temperature T)")
	return cmd
}

// loadParserSpec loads the parser --parser names: an embedded model by name,
// or model files, which more than one make an ensemble; "+labels" after the
// files adds the embedded label pass.
func loadParserSpec(spec string) (*parser.Model, error) {
	if slices.Contains(parser.Names(), spec) {
		return parser.LoadNamed(spec)
	}
	if files, ok := strings.CutSuffix(spec, "+labels"); ok {
		m, err := loadParserSpec(files)
		if err != nil {
			return nil, err
		}
		rl, err := parser.LoadLabelPass()
		if err != nil {
			return nil, err
		}
		return m.WithLabelPass(rl), nil
	}
	var models []*parser.Model
	var weights []float64
	for _, item := range strings.Split(spec, ",") {
		path, w, hasWeight := strings.Cut(item, "@")
		w, temp, soft := strings.Cut(w, "@")
		weight := 1.0
		if hasWeight {
			var err error
			if weight, err = strconv.ParseFloat(w, 64); err != nil {
				return nil, fmt.Errorf("--parser %s: bad weight: %w", item, err)
			}
		}
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("--parser: %w", err)
		}
		m, err := parser.Read(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("--parser %s: %w", path, err)
		}
		if soft {
			t, err := strconv.ParseFloat(temp, 64)
			if err != nil {
				return nil, fmt.Errorf("--parser %s: bad temperature: %w", item, err)
			}
			if m, err = m.WithSoftVotes(t); err != nil {
				return nil, fmt.Errorf("--parser %s: %w", item, err)
			}
		}
		models, weights = append(models, m), append(weights, weight)
	}
	if len(models) == 1 {
		return models[0], nil
	}
	return parser.NewEnsemble(models, weights)
}

func (a *app) annotateText(cmd *cobra.Command, p *pipeline.Pipeline, path, format string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	doc := nlp.Segment(string(data))
	if err := p.Run(cmd.Context(), doc); err != nil {
		return err
	}
	switch format {
	case "", "conllu":
		for i, s := range doc.Sentences {
			cs := conll.Sentence{Comments: []string{fmt.Sprintf("# sent_id = %d", i+1), "# text = " + oneLine(doc.Text[s.Start:s.End])}}
			for _, t := range s.Tokens {
				misc := withNER(fmt.Sprintf("Offset=%d-%d", t.Start, t.End), t.Ent)
				cs.Words = append(cs.Words, conll.Word{Form: t.Text, Misc: misc})
			}
			if err := cs.WriteCoNLLU(a.stdout, &doc.Sentences[i]); err != nil {
				return err
			}
		}
		return nil
	case "json":
		return writeDocsJSON(a.stdout, []*nlp.Doc{doc})
	}
	return fmt.Errorf("--input text writes conllu or json, not %q", format)
}

// oneLine folds a sentence that spans lines onto one, as a CoNLL-U comment must be.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func (a *app) annotateCoNLL(cmd *cobra.Command, p *pipeline.Pipeline, path, format string, score bool) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	docs, err := conll.Read2003(f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	pred := make([]*nlp.Doc, len(docs))
	for i, d := range docs {
		pred[i] = d.Doc(false)
		if err := p.Run(cmd.Context(), pred[i]); err != nil {
			return err
		}
	}
	if score {
		var sc eval.EntityScorer
		for i, d := range docs {
			for si, sent := range d.Sentences {
				gold := make([]string, len(sent))
				guess := make([]string, len(sent))
				for j, t := range sent {
					gold[j] = t.NER
					guess[j] = orO(pred[i].Sentences[si].Tokens[j].Ent)
				}
				if err := sc.AddSentence(gold, guess); err != nil {
					return fmt.Errorf("%s: %w", path, err)
				}
			}
		}
		fmt.Fprintf(a.stdout, "%s\n%s\n", path, sc.Result())
		return nil
	}
	switch format {
	case "", "conll":
		return conll.Write2003(a.stdout, docs, pred)
	case "json":
		return writeDocsJSON(a.stdout, pred)
	}
	return fmt.Errorf("--input conll writes conll or json, not %q", format)
}

func (a *app) annotateCoNLLU(cmd *cobra.Command, p *pipeline.Pipeline, path, format string, score bool) error {
	sents, err := conll.ReadCoNLLUFile(path)
	if err != nil {
		return err
	}
	doc := &nlp.Doc{Sentences: make([]nlp.Sentence, len(sents))}
	for i := range sents {
		doc.Sentences[i] = sents[i].Plain()
	}
	if err := p.Run(cmd.Context(), doc); err != nil {
		return err
	}
	if score {
		var sc eval.Syntax
		if err := sc.AddSyntax(conll.GoldSentences(sents), doc.Sentences); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		fmt.Fprintf(a.stdout, "%s\n%s\n", path, sc)
		return nil
	}
	switch format {
	case "", "conllu":
		for i := range sents {
			for j, t := range doc.Sentences[i].Tokens {
				sents[i].Words[j].Misc = withNER(sents[i].Words[j].Misc, t.Ent)
			}
			if err := sents[i].WriteCoNLLU(a.stdout, &doc.Sentences[i]); err != nil {
				return err
			}
		}
		return nil
	case "json":
		return writeDocsJSON(a.stdout, []*nlp.Doc{doc})
	}
	return fmt.Errorf("--input conllu writes conllu or json, not %q", format)
}

func orO(label string) string {
	if label == "" {
		return "O"
	}
	return label
}

// withNER adds the entity label to a CoNLL-U MISC column, replacing one
// already there.
func withNER(misc, label string) string {
	var keep []string
	for _, f := range strings.Split(misc, "|") {
		if f != "" && f != "_" && !strings.HasPrefix(f, "NER=") {
			keep = append(keep, f)
		}
	}
	if label != "" && label != "O" {
		keep = append(keep, "NER="+label)
	}
	if len(keep) == 0 {
		return "_"
	}
	return strings.Join(keep, "|")
}

// annotatedToken is one token of annotate's JSON output. Head is 1-based as
// in CoNLL-U (0 for the root).
type annotatedToken struct {
	Text   string `json:"text"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Tag    string `json:"tag"`
	UPOS   string `json:"upos"`
	Lemma  string `json:"lemma"`
	Head   int    `json:"head"`
	Rel    string `json:"rel"`
	Entity string `json:"entity,omitempty"`
}

type annotatedSpan struct {
	Text  string `json:"text"`
	Label string `json:"label"`
	Start int    `json:"start_token"`
	End   int    `json:"end_token"`
}

type annotatedSentence struct {
	Tokens   []annotatedToken `json:"tokens"`
	Entities []annotatedSpan  `json:"entities"`
}

func writeDocsJSON(w io.Writer, docs []*nlp.Doc) error {
	enc := json.NewEncoder(w)
	for _, d := range docs {
		out := struct {
			Sentences []annotatedSentence `json:"sentences"`
		}{Sentences: []annotatedSentence{}}
		for _, s := range d.Sentences {
			as := annotatedSentence{Tokens: []annotatedToken{}, Entities: []annotatedSpan{}}
			for _, t := range s.Tokens {
				ent := t.Ent
				if ent == "O" {
					ent = ""
				}
				as.Tokens = append(as.Tokens, annotatedToken{Text: t.Text, Start: t.Start, End: t.End,
					Tag: t.Tag, UPOS: t.UPOS, Lemma: t.Lemma, Head: t.Head + 1, Rel: t.Rel, Entity: ent})
			}
			for _, sp := range s.Entities() {
				words := make([]string, 0, sp.End-sp.Start)
				for _, t := range s.Tokens[sp.Start:sp.End] {
					words = append(words, t.Text)
				}
				as.Entities = append(as.Entities, annotatedSpan{Text: strings.Join(words, " "), Label: sp.Label, Start: sp.Start, End: sp.End})
			}
			out.Sentences = append(out.Sentences, as)
		}
		if err := enc.Encode(out); err != nil {
			return err
		}
	}
	return nil
}

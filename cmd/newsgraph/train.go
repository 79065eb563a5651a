package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/conll"
	"github.com/newsgraph/newsgraph/nlp/eval"
	"github.com/newsgraph/newsgraph/nlp/parser"
	"github.com/newsgraph/newsgraph/nlp/perceptron"
	"github.com/newsgraph/newsgraph/nlp/tagger"
)

// trainCommand groups the commands that rebuild the language layer's
// embedded models from the annotated data in ../shared/nlp. Each model adds
// its subcommand here, one line each.
func (a *app) trainCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "train",
		Short: "Rebuild a trained language model (tagger, parser, ner) from annotated data",
		Long: `Each subcommand trains one of the models newsgraph embeds, deterministically,
from annotated data that is never part of the repository, writes the model
file (by default over the embedded one, run from the repository root), and
prints its scores on the development split. Rebuild the binary afterwards to
embed the new model.`,
	}
	cmd.AddCommand(a.trainTaggerCommand())
	cmd.AddCommand(a.trainParserCommand(), a.trainParserPruneCommand(), a.trainParserLabelsCommand())
	cmd.AddCommand(a.trainNERCommand(), a.trainNERClustersCommand())
	return cmd
}

// ewtDefault is where the UD English Web Treebank lives next to a checkout.
const ewtDefault = "../shared/nlp/ud-english-ewt/"

func (a *app) trainTaggerCommand() *cobra.Command {
	var trainPath, devPath, out string
	var opt tagger.Options
	cmd := &cobra.Command{
		Use:   "tagger [--train FILE] [--dev FILE] [--out FILE]",
		Short: "Train the POS tagger and lemmatiser on UD English EWT",
		Example: `  newsgraph train tagger
  newsgraph train tagger --out /tmp/tagger.model`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			train, dev, err := readTrainDev(trainPath, devPath)
			if err != nil {
				return err
			}
			opt.Log = a.stderr
			began := time.Now()
			m, err := tagger.Train(cmd.Context(), conll.GoldSentences(train), opt)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "trained on %d sentences in %s\n", len(train), time.Since(began).Round(time.Second))
			if err := writeModel(out, m.Write); err != nil {
				return err
			}
			gold, pred, sc, err := scoreDev(dev, m.Tag)
			if err != nil {
				return err
			}
			lemmas, words := 0, 0
			for i := range pred {
				for j, t := range pred[i].Tokens {
					words++
					if t.Lemma == gold[i].Tokens[j].Lemma {
						lemmas++
					}
				}
			}
			fmt.Fprintf(a.stdout, "dev %s: words %d  UPOS %.4f  XPOS %.4f  lemma %.4f\n", devPath,
				sc.Words, sc.UPOSAccuracy(), sc.XPOSAccuracy(), float64(lemmas)/float64(max(words, 1)))
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&trainPath, "train", ewtDefault+"train.conllu", "training data (CoNLL-U)")
	f.StringVar(&devPath, "dev", ewtDefault+"dev.conllu", "development data the scores are printed for (CoNLL-U)")
	f.StringVar(&out, "out", "nlp/tagger/tagger.model", "model file to write")
	f.IntVar(&opt.Epochs, "epochs", 0, "passes over the training data (default 10)")
	f.IntVar(&opt.Folds, "folds", 0, "jackknife folds for the XPOS tags the UPOS model learns from (default 4; 1: gold tags)")
	f.Float32Var(&opt.Prune, "prune", 0, "drop features whose averaged weights are all below this (default 1)")
	return cmd
}

func readTrainDev(trainPath, devPath string) (train, dev []conll.Sentence, err error) {
	if train, err = conll.ReadCoNLLUFile(trainPath); err != nil {
		return nil, nil, fmt.Errorf("training data: %w", err)
	}
	if dev, err = conll.ReadCoNLLUFile(devPath); err != nil {
		return nil, nil, fmt.Errorf("development data: %w", err)
	}
	return train, dev, nil
}

// writeModel writes a model file whole or not at all.
func writeModel(path string, write func(w io.Writer) error) error {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("writing model: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("writing model: %w", err)
	}
	return nil
}

func (a *app) trainParserCommand() *cobra.Command {
	var trainPath, devPath, out, cache, unlabelled, uptrainer, stackCache string
	var folds, stackFolds, stackEpochs int
	var stack bool
	var opt parser.Options
	cmd := &cobra.Command{
		Use:   "parser [--train FILE] [--dev FILE] [--out FILE]",
		Short: "Train the dependency parser on UD English EWT",
		Long: `Trains the parser on tags like those it will see: the training sentences are
tagged by taggers trained on the other folds (--folds; 1 trains on gold tags).
The development scores are for the embedded tagger's tags over gold tokens.`,
		Example: `  newsgraph train parser
  newsgraph train parser --out /tmp/parser.model`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			opt.Log = a.stderr
			began := time.Now()
			train, dev, sents, tg, err := jackknifedSplits(ctx, trainPath, devPath, folds, cache)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "jackknifed tags in %s\n", time.Since(began).Round(time.Second))
			if stack {
				if opt.Guide, err = jackknifedGuide(ctx, train, sents, stackFolds, stackEpochs, stackCache); err != nil {
					return err
				}
				fmt.Fprintf(a.stdout, "jackknifed guide parses in %s\n", time.Since(began).Round(time.Second))
			}
			if unlabelled != "" {
				more, err := autoParsed(unlabelled, uptrainer, tg)
				if err != nil {
					return err
				}
				words := 0
				for _, s := range more {
					words += len(s.Tokens)
				}
				fmt.Fprintf(a.stdout, "%d sentences (%d words) of %s parsed by %s\n", len(more), words, unlabelled, uptrainer)
				sents = append(sents, more...)
			}
			m, err := parser.Train(ctx, sents, opt)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "trained on %d sentences in %s\n", len(train), time.Since(began).Round(time.Second))
			if err := writeModel(out, m.Write); err != nil {
				return err
			}
			_, _, sc, err := scoreDev(dev, func(s *nlp.Sentence) {
				tg.Tag(s)
				m.Parse(s)
			})
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "dev %s (predicted tags): %s\n", devPath, sc)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&trainPath, "train", ewtDefault+"train.conllu", "training data (CoNLL-U)")
	f.StringVar(&devPath, "dev", ewtDefault+"dev.conllu", "development data the scores are printed for (CoNLL-U)")
	f.StringVar(&out, "out", "nlp/parser/parser.model", "model file to write")
	f.IntVar(&opt.Epochs, "epochs", 0, "passes over the training data (default 20)")
	f.IntVar(&folds, "folds", 4, "jackknife folds for the training tags (1: gold tags)")
	f.IntVar(&opt.Models, "models", 0, "models trained on different orders of the data and averaged into one (default 1)")
	f.Float64Var(&opt.Explore, "explore", 0, "share of moves after the first epoch that follow the model rather than the oracle (default 1)")
	f.Float32Var(&opt.Prune, "prune", 0, "drop features whose averaged weights are all below this (default 1)")
	f.IntVar(&opt.Beam, "beam", 0, "train globally and parse with a beam of this many items (0 or 1: greedy)")
	f.BoolVar(&opt.RTL, "rtl", false, "train (and parse) right to left, on reversed sentences: a second opinion for the ensemble")
	f.BoolVar(&opt.Graph, "graph", false, "train a first-order graph-based model (heads only, maximum spanning tree): a member for the ensemble")
	f.StringVar(&cache, "tags-cache", "", "CoNLL-U file keeping the jackknifed training tags: read if present, else written")
	f.BoolVar(&stack, "stack", false, "with --graph: stack the graph model on greedy parsers' jackknifed trees (the embedded greedy parser guides it when parsing)")
	f.IntVar(&stackFolds, "stack-folds", 4, "jackknife folds for the --stack guide parses")
	f.IntVar(&stackEpochs, "stack-epochs", 10, "epochs of each fold's greedy guide parser")
	f.StringVar(&stackCache, "stack-cache", "", "CoNLL-U file keeping the jackknifed guide parses: read if present, else written")
	f.StringVar(&unlabelled, "uptrain", "", "CoNLL-2003 file whose prose sentences (first column only), tagged and parsed by --uptrain-parser, join the training trees")
	f.StringVar(&uptrainer, "uptrain-parser", "ensemble+labels", "embedded parser that parses the --uptrain sentences")
	return cmd
}

// autoParsed reads the words of a CoNLL-2003 file (its first column; the
// tags and entities are not used), keeps the sentences that read as running
// prose (proseSentence), and tags and parses them with the embedded tagger
// and the named embedded parser. Trees from a more accurate parser than the
// one being trained are more training data for it (uptraining, Petrov et
// al. 2010): more words, and news, the text newsgraph reads, beside the web
// text of the treebank.
func autoParsed(path, parserName string, tg *tagger.Model) ([]nlp.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("uptrain: %w", err)
	}
	defer f.Close()
	docs, err := conll.Read2003(f)
	if err != nil {
		return nil, fmt.Errorf("uptrain %s: %w", path, err)
	}
	p, err := parser.LoadNamed(parserName)
	if err != nil {
		return nil, fmt.Errorf("uptrain: %w", err)
	}
	var out []nlp.Sentence
	for _, d := range docs {
		for _, s := range d.Doc(false).Sentences {
			words := make([]string, len(s.Tokens))
			for i, t := range s.Tokens {
				words[i] = t.Text
			}
			if !proseSentence(words) {
				continue
			}
			tg.Tag(&s)
			p.Parse(&s)
			out = append(out, s)
		}
	}
	return out, nil
}

// proseSentence reports whether a sentence of words reads as running text
// worth parsing for training: 6 to 50 words, at least 60 % of them with a
// lower-case letter, ending in a full stop, question or exclamation mark or
// a closing quote. Tables of results, headlines, datelines and bylines,
// which fill much of a newswire, are not.
func proseSentence(words []string) bool {
	if len(words) < 6 || len(words) > 50 {
		return false
	}
	lower := 0
	for _, w := range words {
		if strings.ContainsFunc(w, func(r rune) bool { return r >= 'a' && r <= 'z' }) {
			lower++
		}
	}
	if lower*10 < len(words)*6 {
		return false
	}
	return strings.ContainsAny(words[len(words)-1][:1], ".!?\"'")
}

// trainParserPruneCommand shrinks a trained parser model file, so that the
// ensemble's members fit the size budget of the embedded models: it drops
// the features with small weights and writes the rest in the compact
// encoding (perceptron.Compact: 8-bit block floating point weights and keys
// cut to the bits the model needs), unless --weight-bits 16 keeps the
// 16-bit file.
func (a *app) trainParserPruneCommand() *cobra.Command {
	var in, out string
	var threshold float32
	var weightBits, keySlack int
	cmd := &cobra.Command{
		Use:   "parser-prune --in FILE --out FILE [--prune T]",
		Short: "Drop a trained parser model's features whose weights are all below T and write it compact",
		Example: `  newsgraph train parser --beam 4 --rtl --epochs 10 --out /tmp/beam-rtl.model
  newsgraph train parser-prune --in /tmp/beam-rtl.model --out nlp/parser/parser-beam-rtl.model --prune 0`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			f, err := os.Open(in)
			if err != nil {
				return fmt.Errorf("parser-prune: %w", err)
			}
			m, err := parser.Read(f)
			f.Close()
			if err != nil {
				return fmt.Errorf("%s: %w", in, err)
			}
			var enc *perceptron.Compact
			if weightBits < 16 {
				enc = &perceptron.Compact{KeySlack: keySlack, WeightBits: weightBits}
			}
			if m, err = m.Pruned(threshold, enc); err != nil {
				return err
			}
			return writeModel(out, m.Write)
		},
	}
	f := cmd.Flags()
	f.StringVar(&in, "in", "", "parser model file to read")
	f.StringVar(&out, "out", "", "model file to write")
	f.Float32Var(&threshold, "prune", 2, "drop features whose weights are all below this")
	f.IntVar(&weightBits, "weight-bits", 8, "bits of each weight's mantissa in the compact encoding (2–8), or 16 for the 16-bit file")
	f.IntVar(&keySlack, "key-slack", 20, "key bits kept beyond log2 of the feature count (compact encoding)")
	_ = cmd.MarkFlagRequired("in")
	_ = cmd.MarkFlagRequired("out")
	return cmd
}

// trainParserLabelsCommand trains the label pass that relabels the arcs of
// finished trees (parser.Relabeller).
func (a *app) trainParserLabelsCommand() *cobra.Command {
	var trainPath, devPath, out, cache string
	var folds int
	var opt parser.RelabelOptions
	cmd := &cobra.Command{
		Use:   "parser-labels [--train FILE] [--dev FILE] [--out FILE]",
		Short: "Train the parser's label pass on UD English EWT",
		Long: `Trains a classifier that labels each arc of a finished tree, on the gold trees
of the training split with jackknifed tags (--folds, as train parser), and
prints the development scores of the embedded parsers with their own labels
and with the label pass's.`,
		Example: `  newsgraph train parser-labels
  newsgraph train parser-labels --out /tmp/labels.model`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			opt.Log = a.stderr
			began := time.Now()
			_, dev, sents, tg, err := jackknifedSplits(ctx, trainPath, devPath, folds, cache)
			if err != nil {
				return err
			}
			rl, err := parser.TrainRelabeller(ctx, sents, opt)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "trained on %d sentences in %s\n", len(sents), time.Since(began).Round(time.Second))
			if err := writeModel(out, rl.Write); err != nil {
				return err
			}
			for _, name := range []string{"greedy", "ensemble"} {
				p, err := parser.LoadNamed(name)
				if err != nil {
					return err
				}
				for _, m := range []*parser.Model{p, p.WithLabelPass(rl)} {
					_, _, sc, err := scoreDev(dev, func(s *nlp.Sentence) {
						tg.Tag(s)
						m.Parse(s)
					})
					if err != nil {
						return err
					}
					how := "its own labels"
					if m != p {
						how = "the label pass"
					}
					fmt.Fprintf(a.stdout, "dev %s, %s, %s: %s\n", devPath, name, how, sc)
				}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&trainPath, "train", ewtDefault+"train.conllu", "training data (CoNLL-U)")
	f.StringVar(&devPath, "dev", ewtDefault+"dev.conllu", "development data the scores are printed for (CoNLL-U)")
	f.StringVar(&out, "out", "nlp/parser/parser-labels.model", "model file to write")
	f.IntVar(&folds, "folds", 4, "jackknife folds for the training tags (1: gold tags)")
	f.StringVar(&cache, "tags-cache", "", "CoNLL-U file keeping the jackknifed training tags: read if present, else written (saves the taggers' training when experimenting)")
	f.IntVar(&opt.Epochs, "epochs", 0, "passes over the training data (default 10)")
	f.Float32Var(&opt.Prune, "prune", 0, "drop features whose averaged weights are all below this (default 1)")
	return cmd
}

// jackknifedSentences returns the training sentences with jackknifed tags
// (see jackknifeTags), read from cache when it names an existing file and
// written to it otherwise.
// jackknifedSplits is what train parser and train parser-labels start
// from: the EWT splits, the training sentences tagged by taggers that never
// saw them, and the embedded tagger that tags the dev split for the scores.
func jackknifedSplits(ctx context.Context, trainPath, devPath string, folds int, cache string) (train, dev []conll.Sentence, tagged []nlp.Sentence, tg *tagger.Model, err error) {
	if train, dev, err = readTrainDev(trainPath, devPath); err != nil {
		return nil, nil, nil, nil, err
	}
	if tg, err = tagger.Load(); err != nil {
		return nil, nil, nil, nil, fmt.Errorf("the embedded tagger: %w", err)
	}
	if tagged, err = jackknifedSentences(ctx, train, folds, cache); err != nil {
		return nil, nil, nil, nil, err
	}
	return train, dev, tagged, tg, nil
}

// jackknifedGuide parses each training sentence with a greedy parser
// trained on the other folds (stacking, Nivre and McDonald 2008: the guide
// features must see the guide's errors on text it did not learn from),
// read from cache when it names an existing file and written to it
// otherwise. The folds train two at a time, each deterministically.
func jackknifedGuide(ctx context.Context, train []conll.Sentence, sents []nlp.Sentence, folds, epochs int, cache string) ([]nlp.Sentence, error) {
	if cached, ok, err := readSentenceCache(cache, "guide", len(train)); ok || err != nil {
		return cached, err
	}
	if folds < 2 {
		return nil, fmt.Errorf("stacking needs at least 2 folds, not %d", folds)
	}
	guide := make([]nlp.Sentence, len(sents))
	errs := make([]error, folds)
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for k := range folds {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			var rest []nlp.Sentence
			for i := range sents {
				if i%folds != k {
					rest = append(rest, sents[i])
				}
			}
			m, err := parser.Train(ctx, rest, parser.Options{Epochs: epochs})
			if err != nil {
				errs[k] = fmt.Errorf("guide fold %d: %w", k+1, err)
				return
			}
			for i := k; i < len(sents); i += folds {
				g := sents[i]
				g.Tokens = slices.Clone(g.Tokens)
				m.Parse(&g)
				guide[i] = g
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if err := writeSentenceCache(cache, "guide", train, guide); err != nil {
		return nil, err
	}
	return guide, nil
}

// readSentenceCache reads the sentences a cache file (of what) keeps, if
// cache names an existing file; it must hold want sentences.
func readSentenceCache(cache, what string, want int) (sents []nlp.Sentence, ok bool, err error) {
	if cache == "" {
		return nil, false, nil
	}
	if _, err := os.Stat(cache); err != nil {
		return nil, false, nil
	}
	cached, err := conll.ReadCoNLLUFile(cache)
	if err != nil {
		return nil, false, fmt.Errorf("%s cache: %w", what, err)
	}
	if len(cached) != want {
		return nil, false, fmt.Errorf("%s cache %s: %d sentences, the training data %d", what, cache, len(cached), want)
	}
	return conll.GoldSentences(cached), true, nil
}

// writeSentenceCache writes the training sentences with the annotation of
// sents to cache, unless it is empty.
func writeSentenceCache(cache, what string, train []conll.Sentence, sents []nlp.Sentence) error {
	if cache == "" {
		return nil
	}
	err := writeModel(cache, func(w io.Writer) error {
		for i := range train {
			if err := train[i].WriteCoNLLU(w, &sents[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("%s cache: %w", what, err)
	}
	return nil
}

func jackknifedSentences(ctx context.Context, train []conll.Sentence, folds int, cache string) ([]nlp.Sentence, error) {
	if cached, ok, err := readSentenceCache(cache, "tags", len(train)); ok || err != nil {
		return cached, err
	}
	sents := conll.GoldSentences(train)
	if folds > 1 {
		if err := jackknifeTags(ctx, sents, folds); err != nil {
			return nil, err
		}
	}
	if err := writeSentenceCache(cache, "tags", train, sents); err != nil {
		return nil, err
	}
	return sents, nil
}

// jackknifeTags replaces the gold tags of each fold with those of a tagger
// trained on the other folds, so the parser learns from realistic tags.
func jackknifeTags(ctx context.Context, sents []nlp.Sentence, folds int) error {
	for k := range folds {
		var rest []nlp.Sentence
		for i := range sents {
			if i%folds != k {
				rest = append(rest, sents[i])
			}
		}
		// Fold taggers are never saved: they keep every feature.
		tg, err := tagger.Train(ctx, rest, tagger.Options{Folds: 1, Epochs: 5, Prune: 1e-6})
		if err != nil {
			return fmt.Errorf("jackknife fold %d: %w", k+1, err)
		}
		for i := k; i < len(sents); i += folds {
			tagged := sents[i]
			tagged.Tokens = slices.Clone(tagged.Tokens)
			tg.Tag(&tagged)
			for j := range sents[i].Tokens {
				sents[i].Tokens[j].Tag = tagged.Tokens[j].Tag
				sents[i].Tokens[j].UPOS = tagged.Tokens[j].UPOS
			}
		}
	}
	return nil
}

// scoreDev annotates the development sentences' words and scores them
// against their gold analysis.
func scoreDev(dev []conll.Sentence, annotate func(*nlp.Sentence)) (gold, pred []nlp.Sentence, sc eval.Syntax, err error) {
	gold = conll.GoldSentences(dev)
	pred = make([]nlp.Sentence, len(dev))
	for i := range dev {
		pred[i] = dev[i].Plain()
		annotate(&pred[i])
	}
	err = sc.AddSyntax(gold, pred)
	return gold, pred, sc, err
}

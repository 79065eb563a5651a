package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/conll"
	"github.com/newsgraph/newsgraph/nlp/ner"
)

func (a *app) trainNERCommand() *cobra.Command {
	var (
		trainPath, devPath, out string
		gazPath, clusterPath    string
		opt                     ner.TrainOptions
	)
	cmd := &cobra.Command{
		Use:   "ner [--train FILE] [--dev FILE] [--out FILE]",
		Short: "Train the named-entity recogniser on CoNLL-2003 and print its dev F1",
		Long: `Trains nlp/ner's averaged-perceptron tagger on a CoNLL-2003 file (IOB1 or
IOB2; only the token and entity columns are read), scores it on the dev file
as conlleval does, and writes the gzip'd model. Training is deterministic:
the same data, flags and resources give the same bytes. The model reads the
gazetteer and word clusters compiled into the binary unless --gazetteer and
--clusters name others (which must then be committed with it).`,
		Example: `  newsgraph train ner --out nlp/ner/data/model.bin`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			res, err := nerResources(gazPath, clusterPath)
			if err != nil {
				return err
			}
			train, err := readCoNLLDocs(trainPath)
			if err != nil {
				return err
			}
			dev, err := readCoNLLDocs(devPath)
			if err != nil {
				return err
			}
			opt.Log, opt.Dev = a.stderr, dev
			begin := time.Now()
			m, err := ner.Train(cmd.Context(), train, res, opt)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stderr, "trained on %d documents in %s, %d features\n", len(train), time.Since(begin).Round(time.Second), m.NumFeatures())
			var buf bytes.Buffer
			if err := m.Write(&buf); err != nil {
				return err
			}
			if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
				return fmt.Errorf("train ner: %w", err)
			}
			r, err := ner.Evaluate(m, dev)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "wrote %s (%d bytes)\ndev %s:\n%s", out, buf.Len(), devPath, r)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&trainPath, "train", "../shared/nlp/conll2003/train.conll", "CoNLL-2003 training file")
	f.StringVar(&devPath, "dev", "../shared/nlp/conll2003/dev.conll", "CoNLL-2003 development file, scored after training")
	f.StringVar(&out, "out", "nlp/ner/data/model.bin", "where to write the model")
	f.StringVar(&gazPath, "gazetteer", "", "gazetteer file (default: the one compiled in)")
	f.StringVar(&clusterPath, "clusters", "", "word cluster file (default: the one compiled in)")
	f.IntVar(&opt.Epochs, "epochs", 12, "passes over the training data")
	f.Float32Var(&opt.Prune, "prune", 0.5, "drop features whose averaged weights are all smaller")
	f.Int64Var(&opt.Seed, "seed", 2, "seed of the document order (2 was picked on dev among 1 and 2)")
	f.IntVar(&opt.Stages, "stages", 2, "1 for the first stage alone, 2 to add the second")
	f.IntVar(&opt.Folds, "folds", 4, "folds giving the second stage its training labels")
	f.IntVar(&opt.Bags, "bags", 1, "models (each on its own document order) averaged into each stage")
	return cmd
}

// nerResources reads the named gazetteer and cluster files, or those
// compiled in when both are empty.
func nerResources(gazPath, clusterPath string) (*ner.Resources, error) {
	if gazPath == "" && clusterPath == "" {
		return ner.DefaultResources()
	}
	if gazPath == "" || clusterPath == "" {
		return nil, fmt.Errorf("train ner: give both --gazetteer and --clusters, or neither")
	}
	g, err := os.Open(gazPath)
	if err != nil {
		return nil, fmt.Errorf("train ner: %w", err)
	}
	defer g.Close()
	c, err := os.Open(clusterPath)
	if err != nil {
		return nil, fmt.Errorf("train ner: %w", err)
	}
	defer c.Close()
	return ner.ReadResources(g, c)
}

// readCoNLLDocs reads a CoNLL-2003 file as documents with gold labels.
func readCoNLLDocs(path string) ([]*nlp.Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("train ner: %w", err)
	}
	defer f.Close()
	docs, err := conll.Read2003(f)
	if err != nil {
		return nil, fmt.Errorf("train ner: %s: %w", path, err)
	}
	out := make([]*nlp.Doc, len(docs))
	for i, d := range docs {
		out[i] = d.Doc(true)
	}
	return out, nil
}

func (a *app) trainNERClustersCommand() *cobra.Command {
	var (
		corpusPath, trainPath, out string
		opt                        ner.ClusterOptions
	)
	cmd := &cobra.Command{
		Use:   "ner-clusters [--corpus FILE] [--train FILE] [--out FILE]",
		Short: "Rebuild the word clusters the named-entity recogniser reads",
		Long: `Derives hierarchical word clusters (projected PPMI context vectors split by
spherical k-means) and mid-sentence capitalisation rates from the unlabelled
news corpus (JSON Lines with title and text) plus the tokens of the CoNLL-2003
training file, and writes nlp/ner's cluster file. Deterministic. Rebuild the
binary and retrain the model (newsgraph train ner) after changing it.`,
		Example: `  newsgraph train ner-clusters --out nlp/ner/data/clusters.txt.gz`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var sentences [][]string
			f, err := os.Open(corpusPath)
			if err != nil {
				return fmt.Errorf("train ner-clusters: %w", err)
			}
			defer f.Close()
			dec := json.NewDecoder(f)
			articles := 0
			for {
				var art struct{ Title, Text string }
				if err := dec.Decode(&art); err == io.EOF {
					break
				} else if err != nil {
					return fmt.Errorf("train ner-clusters: %s: article %d: %w", corpusPath, articles+1, err)
				}
				articles++
				sentences = append(sentences, ner.CorpusSentences(art.Title)...)
				sentences = append(sentences, ner.CorpusSentences(art.Text)...)
			}
			docs, err := readCoNLLDocs(trainPath)
			if err != nil {
				return err
			}
			for _, d := range docs {
				for _, s := range d.Sentences {
					words := make([]string, len(s.Tokens))
					for i, t := range s.Tokens {
						words[i] = t.Text
					}
					sentences = append(sentences, words)
				}
			}
			var buf bytes.Buffer
			if err := ner.BuildClusters(cmd.Context(), sentences, &buf, opt); err != nil {
				return err
			}
			if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
				return fmt.Errorf("train ner-clusters: %w", err)
			}
			fmt.Fprintf(a.stdout, "wrote %s (%d bytes) from %d articles and %d CoNLL documents, %d sentences\n", out, buf.Len(), articles, len(docs), len(sentences))
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&corpusPath, "corpus", "../shared/corpus/reuters-2017.jsonl", "unlabelled news, JSON Lines with title and text")
	f.StringVar(&trainPath, "train", "../shared/nlp/conll2003/train.conll", "CoNLL-2003 training file (its tokens only)")
	f.StringVar(&out, "out", "nlp/ner/data/clusters.txt.gz", "where to write the cluster file")
	f.IntVar(&opt.MinCount, "min-count", 2, "words seen fewer times get no cluster")
	f.IntVar(&opt.Contexts, "contexts", 1000, "most frequent words used as contexts")
	f.IntVar(&opt.Dims, "dims", 512, "dimensions of the projected context vectors")
	f.IntSliceVar(&opt.Branch, "branch", []int{32, 16, 8}, "clusters at each level of the hierarchy")
	f.Int64Var(&opt.Seed, "seed", 1, "seed of the projection and k-means")
	return cmd
}

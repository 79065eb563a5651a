package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/ingest/deppat"
	"github.com/newsgraph/newsgraph/ingest/deppat/deppateval"
	"github.com/newsgraph/newsgraph/nlp/pipeline"
)

// conllPredicates are the five relations CoNLL04 annotates; its figures
// count only these.
var conllPredicates = map[string]bool{"works_for": true, "based_in": true, "located_in": true, "lives_in": true, "killed": true}

// patternsCommand measures and shows the dependency patterns of ingest/deppat.
func (a *app) patternsCommand() *cobra.Command {
	var stats, wrong, missed bool
	var gold, corpus, conllDir, show, rule string
	var sample int
	cmd := &cobra.Command{
		Use:   "patterns [--stats] [--show TEXT] [--rule NAME]",
		Short: "Measure the dependency relation patterns (precision and support per pattern)",
		Long: `Lists the relation patterns of ingest/deppat. With --stats it parses the gold
documents of --gold (texts from --corpus), takes the entity spans as
mentions, runs every pattern and prints each pattern's precision (candidates
matching a gold row of any tier, names normalised as score.py does) and
support; with --conll it does the same on CoNLL04 train for the five CoNLL
predicates, with names matched leniently as score.py --lenient does (CoNLL04
names "President Lincoln" where a pattern reads "Lincoln"). --show parses a text and prints its tree and the candidates.
--rule NAME prints the facts one pattern reads from the whole corpus
(--sample of them), to read what a pattern adds.`,
		Example: `  newsgraph patterns --stats --conll ../shared/eval/conll04
  newsgraph patterns --show "Ana Ruiz, a strategist at Vela Partners, said so."
  newsgraph patterns --rule svo-controls --sample 20`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := deppat.Validate(); err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			p, err := pipeline.Load()
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			pats := deppat.Table()
			switch {
			case show != "":
				return showPatterns(cmd, p, show)
			case rule != "":
				var sel []*deppat.Pattern
				want := map[string]bool{}
				for _, r := range strings.Split(rule, ",") {
					want[r] = true
				}
				for _, pt := range pats {
					if want[pt.Name] {
						sel = append(sel, pt)
					}
				}
				if sel == nil {
					return fmt.Errorf("no pattern named %q", rule)
				}
				docs, err := deppateval.ReadJSONL(corpus, nil)
				if err != nil {
					return err
				}
				facts, err := deppateval.Candidates(ctx, p, sel, docs, nil)
				if err != nil {
					return err
				}
				fmt.Fprintf(out, "%s: %d facts in %d documents\n", rule, len(facts), len(docs))
				step := 1
				if sample > 0 && len(facts) > sample {
					step = len(facts) / sample
				}
				for i := 0; i < len(facts); i += step {
					f := facts[i]
					fmt.Fprintf(out, "%s\t%s\t%s\t%s\t%s\t%s\n", f.Rule, f.Doc, f.Subject, f.Predicate, f.Object, strings.Join(f.Qualifiers, ","))
				}
				return nil
			case stats:
				g, err := ingest.ReadGoldFile(gold)
				if err != nil {
					return err
				}
				docs, err := deppateval.ReadJSONL(corpus, g.Docs())
				if err != nil {
					return err
				}
				facts, err := deppateval.Candidates(ctx, p, pats, docs, g)
				if err != nil {
					return err
				}
				var cfacts []deppateval.Fact
				if conllDir != "" {
					cg, err := ingest.ReadGoldFile(conllDir + "/train.gold.tsv")
					if err != nil {
						return err
					}
					cg.Lenient = true
					cdocs, err := deppateval.ReadJSONL(conllDir+"/train.jsonl", nil)
					if err != nil {
						return err
					}
					if cfacts, err = deppateval.Candidates(ctx, p, pats, cdocs, cg); err != nil {
						return err
					}
				}
				printPatternStats(out, pats, facts, cfacts, len(docs))
				if missed {
					for _, line := range deppateval.Missed(g, facts, "core") {
						fmt.Fprintf(out, "MISSED %s\n", line)
					}
				}
				if wrong {
					for _, f := range cfacts {
						if !f.Right && conllPredicates[f.Predicate] {
							fmt.Fprintf(out, "CONLL-WRONG %s\t%s\t%s\t%s\t%s\t| %s\n", f.Rule, f.Doc, f.Subject, f.Predicate, f.Object, f.Sentence)
						}
					}
					for _, f := range facts {
						if !f.Right {
							fmt.Fprintf(out, "WRONG %s\t%s\t%s\t%s\t%s\t| %s\n", f.Rule, f.Doc, f.Subject, f.Predicate, f.Object, f.Sentence)
						}
					}
				}
				return nil
			}
			for _, pt := range pats {
				fmt.Fprintf(out, "%-26s %-10s %s\n", pt.Name, pt.Pred, pt.Path)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.BoolVar(&stats, "stats", false, "measure each pattern against the gold")
	f.BoolVar(&wrong, "wrong", false, "with --stats, also print every candidate that matches no gold row")
	f.BoolVar(&missed, "missed", false, "with --stats, also print the core gold rows (quotes aside) no pattern read")
	f.StringVar(&gold, "gold", "../shared/eval/reuters-dev-gold.tsv", "gold TSV (score.py format)")
	f.StringVar(&corpus, "corpus", "../shared/corpus/reuters-2017.jsonl", "JSONL corpus with the gold documents' texts")
	f.StringVar(&conllDir, "conll", "", "CoNLL04 folder (train.jsonl, train.gold.tsv): also measure there, five predicates")
	f.StringVar(&show, "show", "", "parse this text and print the tree and the candidates")
	f.StringVar(&rule, "rule", "", "print the facts these patterns (comma-separated) read from the whole --corpus")
	f.IntVar(&sample, "sample", 0, "with --rule, print about this many facts, evenly spread")
	return cmd
}

func printPatternStats(out io.Writer, pats []*deppat.Pattern, facts, cfacts []deppateval.Fact, ndocs int) {
	rs := deppateval.Stats(facts, nil)
	cs := map[string]deppateval.RuleStats{}
	for _, r := range deppateval.Stats(cfacts, conllPredicates) {
		cs[r.Rule+" "+r.Predicate] = r
	}
	byRule := map[string][]deppateval.RuleStats{}
	for _, r := range rs {
		byRule[r.Rule] = append(byRule[r.Rule], r)
	}
	fmt.Fprintf(out, "Reuters dev (%d documents) and CoNLL04 train (five predicates): right/support precision\n", ndocs)
	fmt.Fprintf(out, "%-26s %-11s %-16s %s\n", "pattern", "predicate", "reuters dev", "conll04 train")
	var tot, totRight int
	for _, p := range pats {
		seen := map[string]bool{p.Pred: true}
		preds := []string{p.Pred}
		if p.Role && p.Pred != "role" {
			preds, seen["role"] = append(preds, "role"), true
		}
		// rewrites (a deputy works for, a chamber's leader is a member) give other predicates
		for _, x := range byRule[p.Name] {
			if !seen[x.Predicate] {
				preds, seen[x.Predicate] = append(preds, x.Predicate), true
			}
		}
		sort.Strings(preds)
		for _, pr := range preds {
			var r deppateval.RuleStats
			for _, x := range byRule[p.Name] {
				if x.Predicate == pr {
					r = x
				}
			}
			tot += r.Support
			totRight += r.Right
			c := cs[p.Name+" "+pr]
			cf := "-"
			if conllPredicates[pr] && cfacts != nil {
				cf = fmt.Sprintf("%d/%d %.2f", c.Right, c.Support, c.Precision())
			}
			fmt.Fprintf(out, "%-26s %-11s %-16s %s\n", p.Name, pr, fmt.Sprintf("%d/%d %.2f", r.Right, r.Support, r.Precision()), cf)
		}
	}
	if tot > 0 {
		fmt.Fprintf(out, "%-26s %-11s %d/%d %.2f\n", "all", "", totRight, tot, float64(totRight)/float64(tot))
	}
}

func showPatterns(cmd *cobra.Command, p *pipeline.Pipeline, text string) error {
	out := cmd.OutOrStdout()
	doc := deppateval.Tokenize(text)
	if err := p.Run(cmd.Context(), doc); err != nil {
		return err
	}
	for si := range doc.Sentences {
		s := &doc.Sentences[si]
		for i, t := range s.Tokens {
			fmt.Fprintf(out, "%d\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n", i, t.Text, t.Lemma, t.UPOS, t.Tag, t.Head, t.Rel, t.Ent)
		}
		for _, c := range deppat.Match(s, deppateval.Mentions(s)) {
			fmt.Fprintf(out, "=> %s %s %s [%s] %v\n", deppat.MentionText(s, c.Subject), c.Predicate, c.ObjectText, c.Rule, c.Qualifiers)
		}
	}
	return nil
}

package main

import (
	"fmt"
	"os"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/schema"
)

// rulesCommand prints the extraction rules' gate table or re-measures it.
func (a *app) rulesCommand() *cobra.Command {
	var gold string
	cmd := &cobra.Command{
		Use:   "rules [--gold GOLD.tsv PATH...]",
		Short: "Print each extraction rule's measured precision and whether it is on by default",
		Long: `Without --gold, prints the gate table the extractor uses: each rule's facts
and how many were right on the Reuters dev gold when it was measured, whether
the rule is on by default (--rules all turns every one on) and why.
With --gold and articles, extracts them with every rule and prints each rule's
precision against that gold now (a fact is right when a gold row of any tier
states it, as score.py counts it), beside the table's status, then how often
the default rules' facts are right per confidence band.`,
		Example: `  newsgraph rules
  newsgraph rules --gold ../shared/eval/reuters-dev-gold.tsv ../shared/corpus/reuters-2017.jsonl`,
		RunE: func(cmd *cobra.Command, paths []string) error {
			w := tabwriter.NewWriter(a.stdout, 2, 4, 2, ' ', 0)
			defer w.Flush()
			if gold == "" {
				if len(paths) > 0 {
					return fmt.Errorf("articles given without --gold to judge them")
				}
				fmt.Fprintln(w, "rule\tright/facts\tprecision\tdefault\tnote")
				for _, g := range ingest.RuleGates() {
					fmt.Fprintf(w, "%s\t%d/%d\t%.3f\t%s\t%s\n", g.Rule, g.Right, g.Facts, g.Precision(), onOff(g.On), g.Note)
				}
				return nil
			}
			if len(paths) == 0 {
				return fmt.Errorf("--gold needs the articles it annotates")
			}
			f, err := os.Open(gold)
			if err != nil {
				return fmt.Errorf("reading the gold: %w", err)
			}
			g, err := ingest.ReadGold(f)
			f.Close()
			if err != nil {
				return err
			}
			ex, err := ingest.NewExtractor(ingest.Options{AllRules: true})
			if err != nil {
				return fmt.Errorf("loading the extractor: %w", err)
			}
			var exts []schema.Extraction
			failed, err := a.extractAll(cmd.Context(), ex, paths, func(x schema.Extraction) error {
				if g.Covers(x.Document.ID) {
					exts = append(exts, x)
				}
				return nil
			})
			if err != nil {
				return err
			}
			on := map[string]bool{}
			for _, r := range ingest.RuleGates() {
				on[r.Rule] = r.On
			}
			fmt.Fprintln(w, "rule\tright/facts\tprecision\tdefault")
			for _, s := range g.RuleStats(exts) {
				def, listed := on[s.Rule]
				fmt.Fprintf(w, "%s\t%d/%d\t%.3f\t%s\n", s.Rule, s.Right, s.Facts, s.Precision(), onOff(def || !listed))
			}
			// Calibration is for what users get: the default rules' facts.
			for i := range exts {
				kept := exts[i].Facts[:0:0]
				for _, fact := range exts[i].Facts {
					if def, listed := on[fact.Evidence.Rule]; def || !listed {
						kept = append(kept, fact)
					}
				}
				exts[i].Facts = kept
			}
			fmt.Fprintln(w, "\nconfidence\tright/facts\tprecision\t")
			for _, b := range g.Calibration(exts) {
				fmt.Fprintf(w, "%s\t%d/%d\t%.3f\t\n", b.Rule, b.Right, b.Facts, b.Precision())
			}
			if failed > 0 {
				return &exitError{code: 1, err: fmt.Errorf("%d documents failed", failed)}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&gold, "gold", "", "gold TSV (score.py's format) to measure the rules against now")
	return cmd
}

func onOff(on bool) string {
	if on {
		return "on"
	}
	return "off"
}

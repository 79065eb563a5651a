package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/queries"
	"github.com/newsgraph/newsgraph/resolve"
)

func (a *app) entitiesCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "entities",
		Short: "Resolve entities across documents: list, make, accept, refuse and undo merges",
		Long: `Within a document, ingest already joins "Ambassador James Jeffrey", "Jeffrey"
and "he". Across documents, "entities resolve" merges two nodes only on
evidence (rules: family — both names are one organisation or place in the
names table; chamber — a committee of the U.S. Congress with and without
"U.S." or "of Representatives"; full-name — one full name once titles are
off; surname — a
one-word name and the full-named person whose documents share its context;
alias — an acronym or company name spelled out, in shared context). Weaker
matches, such as a bare surname, are proposals: list them with
"entities merges --proposed", accept one with "entities merge FROM INTO",
refuse one with "entities reject FROM INTO". Every merge keeps its rule,
evidence, names and documents, and "entities unmerge ID" undoes it.`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return newUserError(codeUsage, nil, "unknown command %q for %q; see `%s --help`", args[0], cmd.CommandPath(), cmd.CommandPath())
			}
			return cmd.Help()
		},
	}
	cmd.AddCommand(a.entitiesResolveCommand(), a.entitiesMergesCommand(), a.entitiesMergeCommand(),
		a.entitiesRejectCommand(), a.entitiesUnmergeCommand(), a.entitiesTopCommand())
	return cmd
}

func (a *app) entitiesResolveCommand() *cobra.Command {
	var rules []string
	var dryRun bool
	var format string
	cmd := &cobra.Command{
		Use:   "resolve [--rules family,full-name,surname,alias] [--dry-run]",
		Short: "Find and record cross-document merges (proposals are listed, not recorded)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			return a.withExistingStore(ctx, func(st *graph.Store) error {
				if dryRun {
					cands, err := resolve.Propose(ctx, st.QuadStore())
					if err != nil {
						return err
					}
					return writeCandidates(a, cands, format)
				}
				made, err := resolve.Apply(ctx, st, rules...)
				if err != nil {
					return err
				}
				fmt.Fprintf(a.stdout, "%d new merges\n", len(made))
				return writeMerges(a, made, format)
			})
		},
	}
	cmd.Flags().StringSliceVar(&rules, "rules", nil, "rules to use: family, full-name, surname, alias (default: all)")
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "list the merges and proposals the rules find without recording anything")
	cmd.Flags().StringVar(&format, "format", "table", "table or json")
	return cmd
}

func (a *app) entitiesMergesCommand() *cobra.Command {
	var format string
	var proposed bool
	cmd := &cobra.Command{
		Use:   "merges [--proposed] [--format table|json]",
		Short: "List the recorded merges, or with --proposed the merges waiting for a user",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			return a.withExistingStore(ctx, func(st *graph.Store) error {
				if proposed {
					cands, err := resolve.Propose(ctx, st.QuadStore())
					if err != nil {
						return err
					}
					var ps []resolve.Candidate
					for _, c := range cands {
						if c.Proposed {
							ps = append(ps, c)
						}
					}
					return writeCandidates(a, ps, format)
				}
				ms, err := st.Merges(ctx)
				if err != nil {
					return err
				}
				return writeMerges(a, ms, format)
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "table or json")
	cmd.Flags().BoolVar(&proposed, "proposed", false, "list proposals (accept: entities merge FROM INTO; refuse: entities reject FROM INTO)")
	return cmd
}

func (a *app) entitiesMergeCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "merge FROM INTO",
		Short: "Accept a proposal, or record by hand, that two entities are one (each by name, alias, slug or IRI)",
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withExistingStore(cmd.Context(), func(st *graph.Store) error {
				from, err := lookupEntity(cmd.Context(), st, args[0])
				if err != nil {
					return err
				}
				into, err := lookupEntity(cmd.Context(), st, args[1])
				if err != nil {
					return err
				}
				m, err := resolve.Accept(cmd.Context(), st, from, into)
				if err != nil {
					return err
				}
				return writeMerges(a, []graph.Merge{m}, "table")
			})
		},
	}
}

func (a *app) entitiesRejectCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "reject FROM_IRI INTO_IRI",
		Short: "Refuse a proposal: the two entities are never merged or proposed again",
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withExistingStore(cmd.Context(), func(st *graph.Store) error {
				if err := resolve.Reject(cmd.Context(), st, args[0], args[1]); err != nil {
					return err
				}
				fmt.Fprintf(a.stdout, "refused: %s is not %s\n", args[0], args[1])
				return nil
			})
		},
	}
}

func (a *app) entitiesUnmergeCommand() *cobra.Command {
	var allowAgain bool
	cmd := &cobra.Command{
		Use:   "unmerge MERGE_ID...",
		Short: "Undo merges (ids from `entities merges`); resolution will not make them again",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withExistingStore(cmd.Context(), func(st *graph.Store) error {
				for _, id := range args {
					m, err := resolve.Unmerge(cmd.Context(), st, id, allowAgain)
					if err != nil {
						return fmt.Errorf("unmerge %s: %w", id, err)
					}
					fmt.Fprintf(a.stdout, "unmerged %s (%s into %s)\n", id, m.From, m.Into)
				}
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&allowAgain, "allow-again", false, "let resolution make the merge again later (default: the pair is refused)")
	return cmd
}

func (a *app) entitiesTopCommand() *cobra.Command {
	var limit int
	var format string
	cmd := &cobra.Command{
		Use:   "top [--limit 100] [--format table|json]",
		Short: "List the entities named in the most documents, merged nodes as one",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.withExistingStore(cmd.Context(), func(st *graph.Store) error {
				cs, err := resolve.Top(cmd.Context(), st.QuadStore(), limit)
				if err != nil {
					return err
				}
				if format == "json" {
					enc := json.NewEncoder(a.stdout)
					enc.SetIndent("", "  ")
					return enc.Encode(cs)
				}
				if format != "table" {
					return fmt.Errorf("unknown --format %q (table or json)", format)
				}
				tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "DOCUMENTS\tIRI\tNAME\tMERGED NAMES")
				for _, c := range cs {
					fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", c.Documents, c.IRI, c.Name, strings.Join(c.Names, "|"))
				}
				return tw.Flush()
			})
		},
	}
	cmd.Flags().IntVar(&limit, "limit", 100, "how many (0: all)")
	cmd.Flags().StringVar(&format, "format", "table", "table or json")
	return cmd
}

func writeMerges(a *app, ms []graph.Merge, format string) error {
	switch format {
	case "json":
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		if ms == nil {
			ms = []graph.Merge{}
		}
		return enc.Encode(ms)
	case "table":
		tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tRULE\tFROM\tINTO\tNAMES\tDOCUMENTS\tEVIDENCE")
		for _, m := range ms {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", m.ID, m.Rule, m.From, m.Into, strings.Join(m.Names, "|"),
				documentsCell(m.Documents), strings.Join(m.Evidence, "; "))
		}
		return tw.Flush()
	default:
		return fmt.Errorf("unknown --format %q (table or json)", format)
	}
}

// documentsCell keeps the table readable: a merge of a name in hundreds of
// documents would otherwise pad every row to its list (--format json has
// them all).
func documentsCell(docs []string) string {
	if len(docs) <= 2 {
		return strings.Join(docs, ",")
	}
	return fmt.Sprintf("%s,%s +%d more", docs[0], docs[1], len(docs)-2)
}

func writeCandidates(a *app, cs []resolve.Candidate, format string) error {
	switch format {
	case "json":
		type row struct {
			From     string   `json:"from"`
			FromName string   `json:"from_name"`
			Into     string   `json:"into"`
			IntoName string   `json:"into_name"`
			Rule     string   `json:"rule"`
			Proposed bool     `json:"proposed"`
			Evidence []string `json:"evidence"`
		}
		rows := make([]row, 0, len(cs))
		for _, c := range cs {
			rows = append(rows, row{c.From, c.FromName, c.Into, c.IntoName, c.Rule, c.Proposed, c.Evidence})
		}
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	case "table":
		tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "STATUS\tRULE\tFROM\tINTO\tEVIDENCE")
		for _, c := range cs {
			status := "merge"
			if c.Proposed {
				status = "proposed"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s (%s)\t%s (%s)\t%s\n", status, c.Rule, c.FromName, c.From, c.IntoName, c.Into, strings.Join(c.Evidence, "; "))
		}
		return tw.Flush()
	default:
		return fmt.Errorf("unknown --format %q (table or json)", format)
	}
}

// lookupEntity is the one entity node text names (queries.LookupEntity),
// or the error listing the candidates or saying none matched.
func lookupEntity(ctx context.Context, st *graph.Store, text string) (string, error) {
	iri, cands, err := queries.LookupEntity(ctx, st.QuadStore(), st, text)
	if err != nil {
		return "", err
	}
	if iri == "" {
		return "", queries.EntityError(text, cands)
	}
	return iri, nil
}

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
		Short: "Resolve entities across documents: list, make and undo merges",
		Long: `Within a document, ingest already joins "Ambassador Helena Marsh", "Marsh"
and "she". Across documents, "entities resolve" links an entity to the one it
must be (rules: alias — its name is another entity's alias; surname — a
one-word name is the surname of exactly one full-named person). Every merge is
recorded with its rule, names and documents, and can be undone.`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return newUserError(codeUsage, nil, "unknown command %q for %q; see `%s --help`", args[0], cmd.CommandPath(), cmd.CommandPath())
			}
			return cmd.Help()
		},
	}
	cmd.AddCommand(a.entitiesResolveCommand(), a.entitiesMergesCommand(), a.entitiesMergeCommand(), a.entitiesUnmergeCommand())
	return cmd
}

func (a *app) entitiesResolveCommand() *cobra.Command {
	var rules []string
	var dryRun bool
	cmd := &cobra.Command{
		Use:   "resolve [--rules alias,surname] [--dry-run]",
		Short: "Find and record cross-document merges",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			return a.withExistingStore(ctx, func(st *graph.Store) error {
				if dryRun {
					cands, err := resolve.Propose(ctx, st.QuadStore())
					if err != nil {
						return err
					}
					tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
					fmt.Fprintln(tw, "RULE\tFROM\tINTO")
					for _, c := range cands {
						fmt.Fprintf(tw, "%s\t%s (%s)\t%s (%s)\n", c.Rule, c.FromName, c.From, c.IntoName, c.Into)
					}
					return tw.Flush()
				}
				made, err := resolve.Apply(ctx, st, rules...)
				if err != nil {
					return err
				}
				fmt.Fprintf(a.stdout, "%d new merges\n", len(made))
				return writeMerges(a, made, "table")
			})
		},
	}
	cmd.Flags().StringSliceVar(&rules, "rules", nil, "rules to use: alias, surname (default: all)")
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "list the merges the rules propose without recording them")
	return cmd
}

func (a *app) entitiesMergesCommand() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "merges [--format table|json]",
		Short: "List the recorded merges",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.withExistingStore(cmd.Context(), func(st *graph.Store) error {
				ms, err := st.Merges(cmd.Context())
				if err != nil {
					return err
				}
				return writeMerges(a, ms, format)
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "table or json")
	return cmd
}

func (a *app) entitiesMergeCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "merge FROM INTO",
		Short: "Record by hand that two entities are one (each by name, alias, slug or IRI)",
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
				m, err := st.Merge(cmd.Context(), from, into, "manual")
				if err != nil {
					return err
				}
				return writeMerges(a, []graph.Merge{m}, "table")
			})
		},
	}
}

func (a *app) entitiesUnmergeCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "unmerge MERGE_ID...",
		Short: "Undo merges (ids from `entities merges`)",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withExistingStore(cmd.Context(), func(st *graph.Store) error {
				for _, id := range args {
					if err := st.Unmerge(cmd.Context(), id); err != nil {
						return fmt.Errorf("unmerge %s: %w", id, err)
					}
					fmt.Fprintf(a.stdout, "unmerged %s\n", id)
				}
				return nil
			})
		},
	}
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
		fmt.Fprintln(tw, "ID\tRULE\tFROM\tINTO\tNAMES\tDOCUMENTS")
		for _, m := range ms {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", m.ID, m.Rule, m.From, m.Into, strings.Join(m.Names, "|"), strings.Join(m.Documents, ","))
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

package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// migrateCommand rewrites a store written in an earlier graph layout (which
// every other command refuses, graph.ErrOldLayout) in the current one. A
// store holds no document texts, only their quads, so re-ingesting needs
// the original files; migrate needs nothing but the store, and its rewrite
// of each document gives the quads an ingest would have written.
func (a *app) migrateCommand() *cobra.Command {
	var quiet bool
	cmd := &cobra.Command{
		Use:   "migrate",
		Short: "Rewrite a store of an earlier graph layout in the current one (resumable)",
		Long: `Rewrites every document of a store written by an earlier newsgraph in the
current graph layout (docs/graph-model.md), one transaction per document:
its quads are replaced as a re-ingest would replace them. Interrupted, it
resumes where it stopped when run again. Other commands refuse an old store
until it is migrated. A store already in the current layout is left as it is.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) (err error) {
			cfg, err := a.storeConfig()
			if err != nil {
				return err
			}
			if err := storeExists(cfg); err != nil {
				return err
			}
			if err := a.applyMemoryLimit(); err != nil {
				return err
			}
			cfg.Migrate = true
			st, err := graph.Open(cmd.Context(), cfg)
			if err != nil {
				return fmt.Errorf("opening store: %w", err)
			}
			defer func() {
				if cerr := st.Close(); cerr != nil && err == nil {
					err = fmt.Errorf("closing store: %w", cerr)
				}
			}()
			n, err := st.Migrate(cmd.Context(), func(done, total int, id string) {
				if !quiet && (done%100 == 0 || done == total) {
					fmt.Fprintf(a.stderr, "migrated %d of %d documents\n", done, total)
				}
			})
			if err != nil {
				return fmt.Errorf("migrate (run it again to resume): %w", err)
			}
			s, err := st.Stats(cmd.Context())
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "rewrote %d documents in graph layout %d: %d documents, %d entities, %d facts, %d quads\n",
				n, schema.LayoutVersion, s.Documents, s.Entities, s.Facts, s.Quads)
			return nil
		},
	}
	cmd.Flags().BoolVar(&quiet, "quiet", false, "no progress lines")
	return cmd
}

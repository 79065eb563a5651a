package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph"
)

// writeBreakdown prints where a bolt store's bytes go (stats --bytes).
func (a *app) writeBreakdown(ctx context.Context, st *graph.Store, format string, docs int64) error {
	b, err := st.Breakdown(ctx)
	if err != nil {
		return err
	}
	switch format {
	case "json":
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(b)
	case "table":
		return b.Write(a.stdout, int(docs))
	default:
		return fmt.Errorf("unknown --format %q (table or json)", format)
	}
}

func (a *app) compactCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "compact",
		Short: "Rewrite the bolt store with full pages (after bulk loads; refused while a server has it open)",
		Long: `compact copies the bolt store into a new file with every page full and
renames it over the old one. After an ingest bolt's pages are about half
full, so the file shrinks to about 0.4× (docs/deployment.md); later writes
split full pages again, so compact after bulk loads (or ingest --compact).
It refuses while another process (a server, an ingest) has the store open,
and keeps it locked while copying; interrupted, it leaves the store as it
was.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := a.checkCompactable(); err != nil {
				return err
			}
			cfg, err := a.storeConfig()
			if err != nil {
				return err
			}
			if err := storeExists(cfg); err != nil {
				return err
			}
			return a.compact(cmd.Context())
		},
	}
}

// checkCompactable refuses compaction of a store that is not bolt.
func (a *app) checkCompactable() error {
	cfg, err := a.storeConfig()
	if err != nil {
		return err
	}
	if cfg.Backend != "" && cfg.Backend != graph.BackendBolt {
		return newUserError(codeUsage, nil, "compact works on bolt stores; PostgreSQL reclaims space with VACUUM (docs/deployment.md)")
	}
	return nil
}

// compact compacts the configured bolt store and says by how much.
func (a *app) compact(ctx context.Context) error {
	cfg, err := a.storeConfig()
	if err != nil {
		return err
	}
	res, err := graph.Compact(ctx, cfg.Path)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "compacted %s: %s → %s (pages in use %s → %s)\n", cfg.Path,
		mbytes(res.Before), mbytes(res.After), mbytes(res.BeforeInUse), mbytes(res.AfterInUse))
	return nil
}

func mbytes(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) }

package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

func (a *app) storeConfig() (graph.Config, error) {
	cfg := graph.Config{
		Backend: a.v.GetString("store.backend"),
		Path:    a.v.GetString("store.path"),
		Address: a.v.GetString("store.address"),
		Options: a.v.GetStringMap("store.options"),
	}
	// store.mapped_limit bounds the resident set on bolt: "auto" releases
	// bolt's mapped pages above graph.DefaultMappedLimit while writing and
	// keeps them for read-mostly commands (serve, query), whose latency
	// the re-reads would cost; "off" always keeps them; a size sets the
	// limit.
	switch lim := strings.TrimSpace(a.v.GetString("store.mapped_limit")); strings.ToLower(lim) {
	case "", "auto":
		cfg.KeepMapped = a.readMostly
	case "off", "none", "keep":
		cfg.KeepMapped = true
	default:
		n, err := parseSize(lim)
		if err != nil {
			return cfg, fmt.Errorf("store.mapped_limit: %w", err)
		}
		cfg.MappedLimit = n
	}
	return cfg, nil
}

// defaultWriteMemoryLimit is Go's soft memory limit for commands that
// write the store when store.memory_limit is "auto": without one the
// garbage collector lets the heap grow to twice what is live, which on a
// long ingest is what pushes the resident set past 1 GiB (BENCHMARKS.md).
// An ingest's live heap measured 80–190 MB (GODEBUG=gctrace=1, 2 workers),
// so 448 MiB leaves the collector room while keeping heap plus bolt's
// mapped pages (store.mapped_limit, with its spikes) under 1 GiB.
const defaultWriteMemoryLimit = 448 << 20

// applyMemoryLimit sets the Go runtime's soft memory limit from
// store.memory_limit: "auto" sets defaultWriteMemoryLimit for commands
// that write (not serve or query) unless GOMEMLIMIT is set; "off" leaves
// the runtime's own; a size sets it. It is a soft limit: a live heap above
// it makes the collector work harder, never fails an allocation.
func (a *app) applyMemoryLimit() error {
	lim := strings.TrimSpace(a.v.GetString("store.memory_limit"))
	switch strings.ToLower(lim) {
	case "", "auto":
		if a.readMostly || os.Getenv("GOMEMLIMIT") != "" {
			return nil
		}
		debug.SetMemoryLimit(defaultWriteMemoryLimit)
	case "off", "none":
	default:
		n, err := parseSize(lim)
		if err != nil {
			return fmt.Errorf("store.memory_limit: %w", err)
		}
		debug.SetMemoryLimit(n)
	}
	return nil
}

func (a *app) openStore(ctx context.Context) (*graph.Store, error) {
	cfg, err := a.storeConfig()
	if err != nil {
		return nil, err
	}
	if err := a.applyMemoryLimit(); err != nil {
		return nil, err
	}
	st, err := graph.Open(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("opening store: %w", err)
	}
	return st, nil
}

// withStore opens the store for the length of fn.
func (a *app) withStore(ctx context.Context, fn func(*graph.Store) error) (err error) {
	st, err := a.openStore(ctx)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := st.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("closing store: %w", cerr)
		}
	}()
	return fn(st)
}

func (a *app) statsCommand() *cobra.Command {
	var format string
	var bytes bool
	cmd := &cobra.Command{
		Use:   "stats [--bytes]",
		Short: "Count documents, entities, facts and quads in the store",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.withExistingStore(cmd.Context(), func(st *graph.Store) error {
				s, err := st.Stats(cmd.Context())
				if err != nil {
					return err
				}
				if bytes {
					return a.writeBreakdown(cmd.Context(), st, format, s.Documents)
				}
				switch format {
				case "json":
					enc := json.NewEncoder(a.stdout)
					enc.SetIndent("", "  ")
					return enc.Encode(map[string]int64{
						"documents": s.Documents, "entities": s.Entities, "facts": s.Facts, "quads": s.Quads,
					})
				case "table":
					tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
					fmt.Fprintf(tw, "documents\t%d\nentities\t%d\nfacts\t%d\nquads\t%d\n", s.Documents, s.Entities, s.Facts, s.Quads)
					return tw.Flush()
				default:
					return fmt.Errorf("unknown --format %q (table or json)", format)
				}
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "table or json")
	cmd.Flags().BoolVar(&bytes, "bytes", false, "where the bolt file's bytes go, by Cayley bucket (bolt only)")
	return cmd
}

func (a *app) deleteCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "delete DOC_ID...",
		Short: "Remove documents and every quad they contributed (ids with or without doc:)",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withExistingStore(cmd.Context(), func(st *graph.Store) error {
				var missing int
				for _, arg := range args {
					n, err := 0, graph.ErrNotFound
					var id string
					for _, id = range documentIDs(arg) {
						if n, err = st.DeleteDocument(cmd.Context(), id); !errors.Is(err, graph.ErrNotFound) {
							break
						}
					}
					if errors.Is(err, graph.ErrNotFound) {
						fmt.Fprintf(a.stderr, "%s: no such document (ids as `query sources` prints them, with or without doc:)\n", arg)
						missing++
						continue
					}
					if err != nil {
						return fmt.Errorf("deleting %s: %w", arg, err)
					}
					fmt.Fprintf(a.stdout, "deleted %s (%d quads)\n", schema.DocIRI(id), n)
				}
				if missing > 0 {
					return &exitError{code: 1, err: newUserError(codeDocumentNotFound, nil, "%d of %d documents not found", missing, len(args))}
				}
				return nil
			})
		},
	}
}

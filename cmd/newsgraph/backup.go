package main

import (
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph"
)

func (a *app) backupCommand() *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "backup --out FILE",
		Short: "Write every quad, labels included, as N-Quads (gzip when FILE ends in .gz; - for stdout)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.withExistingStore(cmd.Context(), func(st *graph.Store) error {
				return writeTo(out, a.stdout, func(w io.Writer) error {
					if strings.HasSuffix(out, ".gz") {
						zw := gzip.NewWriter(w)
						if err := st.Backup(cmd.Context(), zw); err != nil {
							return err
						}
						return zw.Close()
					}
					return st.Backup(cmd.Context(), w)
				})
			})
		},
	}
	cmd.Flags().StringVar(&out, "out", "-", "backup file, or - for stdout")
	return cmd
}

func (a *app) restoreCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "restore FILE",
		Short: "Add the quads of a backup (N-Quads, plain or gzip; - for stdin) to the store",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var r io.Reader = a.stdin
			if args[0] != "-" {
				f, err := os.Open(args[0])
				if err != nil {
					return openError(args[0], err)
				}
				defer f.Close()
				r = f
			}
			return a.withStore(cmd.Context(), func(st *graph.Store) error {
				if err := st.Restore(cmd.Context(), r); err != nil {
					return fmt.Errorf("restoring %s: %w", args[0], err)
				}
				s, err := st.Stats(cmd.Context())
				if err != nil {
					return err
				}
				fmt.Fprintf(a.stdout, "restored: documents %d  entities %d  facts %d  quads %d\n", s.Documents, s.Entities, s.Facts, s.Quads)
				return nil
			})
		},
	}
}

// writeTo runs fn on the named file (written whole or not at all: a
// temporary file renamed into place) or on stdout for "-".
func writeTo(path string, stdout io.Writer, fn func(io.Writer) error) error {
	if path == "-" || path == "" {
		return fn(stdout)
	}
	tmp, err := os.CreateTemp(dirOf(path), ".newsgraph-*")
	if err != nil {
		return fmt.Errorf("creating %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if err := fn(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/api"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
)

func (a *app) serveCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "serve [--addr HOST:PORT] [--read-only]",
		Short: "Serve the REST API and Cayley's web console on one port",
		Long: `Serves the REST API under /api (OpenAPI at /api/openapi.json), Cayley's
query API under /api/v2/, and Cayley's web console (Query, Visualize, Write)
at /. Write routes need "Authorization: Bearer TOKEN" with api.token
(NEWSGRAPH_API_TOKEN) set; without a token, or with --read-only, they are off.
Ad-hoc queries (arbitrary Gizmo, GraphQL, MQL) need api.query_token
(NEWSGRAPH_QUERY_TOKEN) or api.token, except on a loopback address with no
token configured (the local default) or with --public-queries; the console
takes the token once as /?token=TOKEN. Saved queries are open. See SECURITY.md.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			a.tuneGCForQueries(ctx)
			qt, err := a.duration("api.query_timeout")
			if err != nil {
				return err
			}
			cfg := api.Config{
				Addr:          a.v.GetString("api.addr"),
				Token:         a.v.GetString("api.token"),
				QueryToken:    a.v.GetString("api.query_token"),
				PublicQueries: a.v.GetBool("api.public_queries"),
				AllowedHosts:  a.v.GetStringSlice("api.allowed_hosts"),
				MaxQueries:    a.v.GetInt("api.max_queries"),
				ReadOnly:      a.v.GetBool("api.read_only"),
				QueryTimeout:  qt,
				RowLimit:      a.v.GetInt("api.row_limit"),
				PageSize:      a.v.GetInt("api.page_size"),
				MaxBodyBytes:  a.v.GetInt64("api.max_body_bytes"),
				MaxHeapBytes:  uint64(a.v.GetInt64("api.max_heap_bytes")),
				CORSOrigins:   a.v.GetStringSlice("api.cors_origins"),
			}
			reg, err := a.registry()
			if err != nil {
				return err
			}
			ex, err := a.extractor()
			if err != nil {
				return err
			}
			a.readMostly = true
			with := a.withStore
			if cfg.ReadOnly {
				// Nothing could ever be written into a store made now.
				with = a.withExistingStore
			}
			return with(ctx, func(st *graph.Store) error {
				if st.Standby() && !cfg.ReadOnly {
					// A hot standby takes no writes: refuse them as --read-only does.
					a.log.Info("the store is a PostgreSQL hot standby: serving read-only")
					cfg.ReadOnly = true
				}
				srv, err := api.New(cfg, api.Deps{
					Store: st, Queries: reg, Extractor: ex, ReadDocuments: ingest.ReadOne, ParseTime: ingest.ParseTime, Logger: a.log,
				})
				if err != nil {
					return fmt.Errorf("configuring the server: %w", err)
				}
				return srv.ListenAndServe(ctx)
			})
		},
	}
	f := cmd.Flags()
	f.String("addr", "127.0.0.1:8080", "listen address (config api.addr)")
	f.Bool("read-only", false, "refuse every write route, Cayley's included (config api.read_only)")
	f.Bool("public-queries", false, "let anyone run ad-hoc queries, for public read-only deployments (config api.public_queries)")
	a.bind(f, "api.addr", "addr")
	a.bind(f, "api.read_only", "read-only")
	a.bind(f, "api.public_queries", "public-queries")
	return cmd
}

package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/queries"
)

func (a *app) registry() (*queries.Registry, error) {
	reg, err := queries.Load(a.v.GetString("queries.dir"))
	if err != nil {
		return nil, fmt.Errorf("loading saved queries: %w", err)
	}
	return reg, nil
}

func (a *app) queryCommand() *cobra.Command {
	var (
		params []string
		format string
		gizmo  string
		cursor string
		all    bool
	)
	cmd := &cobra.Command{
		Use:   "query NAME [--param k=v]... | query --gizmo 'g.V()...'",
		Short: "Run a saved query, or an ad-hoc Gizmo query",
		Long: `Run a saved query, or an ad-hoc Gizmo query.

A saved query answers one page at a time (--limit rows, config
query.page_size, 100 by default), in the row order its header documents;
the last line (table) or next_cursor (json) gives the cursor of the next
page, which --cursor fetches. --all returns every row up to
query.row_limit at once (it costs what the whole answer costs).`,
		Example: `  newsgraph query roles --param person="Oskar Lind"
  newsgraph query who-controls --param place=Brannock --format json
  newsgraph query relations --param entity="United Nations" --limit 50 --cursor eyJvIjo1MC...
  newsgraph query sources --param entity=ent:organization/kestrel-systems --all --format csv
  newsgraph query --gizmo 'g.V().Has("<rdf:type>", "<ng:Person>").Out("<ng:name>").All()'`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if (gizmo == "") == (len(args) == 0) {
				return newUserError(codeUsage, nil, "give a saved query NAME or --gizmo SCRIPT: `newsgraph queries` lists the saved ones")
			}
			timeout, err := a.duration("query.timeout")
			if err != nil {
				return err
			}
			var q queries.Query
			var values map[string]string
			if gizmo == "" {
				reg, err := a.registry()
				if err != nil {
					return err
				}
				var ok bool
				if q, ok = reg.Get(args[0]); !ok {
					return newUserError(codeUnknownQuery, nil, "no saved query %q: `newsgraph queries` lists them", args[0])
				}
				if values, err = parseParams(params); err != nil {
					return err
				}
			}
			a.readMostly = true
			return a.withExistingStore(ctx, func(st *graph.Store) error {
				r := &queries.Runner{QS: st.QuadStore(), Keys: st, Timeout: timeout, RowLimit: a.v.GetInt("query.row_limit"), PageSize: a.v.GetInt("query.page_size")}
				var res *queries.Result
				var err error
				switch {
				case gizmo != "":
					res, err = r.Gizmo(ctx, gizmo)
				case all:
					res, err = r.RunAll(ctx, q, values)
				default:
					res, err = r.RunPage(ctx, q, values, queries.Page{Cursor: cursor})
				}
				if err != nil {
					var pe *queries.ParamError
					if errors.As(err, &pe) {
						return &exitError{code: 2, err: err}
					}
					return err
				}
				switch {
				case res.Next != "":
					fmt.Fprintf(a.stderr, "note: %d rows from row %d; more follow: --cursor %s (or --all)\n", len(res.Rows), res.Offset+1, res.Next)
				case res.Truncated:
					fmt.Fprintf(a.stderr, "note: stopped at the row limit (%d rows); raise query.row_limit to see more\n", len(res.Rows))
				}
				for _, n := range res.Notes {
					fmt.Fprintf(a.stderr, "note: %s\n", n)
				}
				return queries.Write(a.stdout, format, res)
			})
		},
	}
	f := cmd.Flags()
	f.StringArrayVarP(&params, "param", "p", nil, "a query parameter as name=value (repeatable)")
	f.StringVar(&format, "format", "table", "output: "+strings.Join(queries.Formats, ", "))
	f.StringVar(&gizmo, "gizmo", "", "run this Gizmo script instead of a saved query")
	f.Duration("timeout", 0, "time limit of the query (config query.timeout)")
	f.Int("limit", 0, "rows per page (config query.page_size; at most query.row_limit)")
	f.StringVar(&cursor, "cursor", "", "the next-page cursor a previous page printed")
	f.BoolVar(&all, "all", false, "every row at once, up to query.row_limit, instead of a page")
	a.bind(f, "query.timeout", "timeout")
	a.bind(f, "query.page_size", "limit")
	return cmd
}

func (a *app) queriesCommand() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "queries",
		Short: "List the saved queries and their parameters",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			reg, err := a.registry()
			if err != nil {
				return err
			}
			return queries.WriteList(a.stdout, format, reg.List())
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "table or json")
	return cmd
}

func parseParams(params []string) (map[string]string, error) {
	return queries.ParseParamFlags(params)
}

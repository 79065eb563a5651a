package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

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
	)
	cmd := &cobra.Command{
		Use:   "query NAME [--param k=v]... | query --gizmo 'g.V()...'",
		Short: "Run a saved query, or an ad-hoc Gizmo query",
		Example: `  newsgraph query roles --param person="James Jeffrey"
  newsgraph query who-controls --param place=Idlib --format json
  newsgraph query --gizmo 'g.V().Has("<rdf:type>", "<ng:Person>").Out("<ng:name>").All()'`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if (gizmo == "") == (len(args) == 0) {
				return fmt.Errorf("give a saved query NAME or --gizmo SCRIPT (see `newsgraph queries`)")
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
					return fmt.Errorf("no saved query %q (see `newsgraph queries`)", args[0])
				}
				if values, err = parseParams(params); err != nil {
					return err
				}
			}
			return a.withStore(ctx, func(st *graph.Store) error {
				r := &queries.Runner{QS: st.QuadStore(), Timeout: timeout, RowLimit: a.v.GetInt("query.row_limit")}
				var res *queries.Result
				var err error
				if gizmo != "" {
					res, err = r.Gizmo(ctx, gizmo)
				} else {
					res, err = r.Run(ctx, q, values)
				}
				if err != nil {
					return err
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
	f.Int("limit", 0, "row limit (config query.row_limit)")
	a.bind(f, "query.timeout", "timeout")
	a.bind(f, "query.row_limit", "limit")
	return cmd
}

func (a *app) queriesCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "queries",
		Short: "List the saved queries and their parameters",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			reg, err := a.registry()
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "NAME\tPARAMETERS\tDESCRIPTION")
			for _, q := range reg.List() {
				var ps []string
				for _, p := range q.Params {
					s := p.Name + ":" + p.Type
					if !p.Required {
						s = "[" + s
						if p.Default != "" {
							s += "=" + p.Default
						}
						s += "]"
					}
					ps = append(ps, s)
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\n", q.Name, strings.Join(ps, " "), q.Description)
			}
			return tw.Flush()
		},
	}
}

func parseParams(params []string) (map[string]string, error) {
	values := map[string]string{}
	for _, p := range params {
		k, v, ok := strings.Cut(p, "=")
		if !ok {
			return nil, fmt.Errorf("--param %q: want name=value", p)
		}
		values[k] = v
	}
	return values, nil
}

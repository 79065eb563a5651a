package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/export"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/queries"
)

func parseDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("date %q: want YYYY-MM-DD or RFC 3339", s)
	}
	return t, nil
}

func (a *app) exportCommand() *cobra.Command {
	var (
		format, out, from, to, entitiesFile, queryName, column string
		filters                                                export.Filters
		params                                                 []string
	)
	cmd := &cobra.Command{
		Use:   "export --format FORMAT --out PATH [filters]",
		Short: "Export the graph for Gephi, pandas/R, Neo4j or RDF tools, with a manifest",
		Long: `Formats: nquads, jsonld, turtle, graphml, gexf (a file, or - for stdout);
csv and neo4j (a folder). A manifest (export.json) records the command, filters,
version, the documents and their hashes, and counts per predicate.
See docs/export.md for the columns and attributes of each format.`,
		Example: `  newsgraph export --format gexf --out out/graph.gexf --class Person --class Organization
  newsgraph export --format csv --out out/csv/ --predicate controls --min-confidence 0.5
  newsgraph export --format turtle --out - --query relations --param entity=FFV --column source`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			f, err := export.ParseFormat(format)
			if err != nil {
				return err
			}
			if out == "" {
				return fmt.Errorf("--out is required (a file, a folder for csv/neo4j, or - for stdout)")
			}
			if filters.From, err = parseDate(from); err != nil {
				return fmt.Errorf("--from: %w", err)
			}
			if filters.To, err = parseDate(to); err != nil {
				return fmt.Errorf("--to: %w", err)
			}
			var named []string
			if entitiesFile != "" {
				if named, err = readLines(entitiesFile); err != nil {
					return fmt.Errorf("--entities: %w", err)
				}
			}
			return a.withExistingStore(ctx, func(st *graph.Store) error {
				for _, text := range named {
					iri, err := lookupEntity(ctx, st, text)
					if err != nil {
						return fmt.Errorf("--entities %s: %w", entitiesFile, err)
					}
					filters.Entities = append(filters.Entities, iri)
				}
				if queryName != "" {
					ids, err := a.queryColumn(cmd, st, queryName, params, column)
					if err != nil {
						return err
					}
					if len(ids) == 0 {
						return fmt.Errorf("query %s returned no %s values: nothing to export", queryName, column)
					}
					filters.Entities = append(filters.Entities, ids...)
				}
				res, err := export.Write(ctx, st, export.Options{
					Format: f, Out: out, Stdout: a.stdout, Filters: filters,
					Version: version(), Command: append([]string{"newsgraph"}, os.Args[1:]...),
				})
				if err != nil {
					return fmt.Errorf("export: %w", err)
				}
				if out != "-" {
					fmt.Fprintf(a.stdout, "wrote %s\n", strings.Join(res.Files, ", "))
				}
				return nil
			})
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&format, "format", "", "nquads, jsonld, turtle, csv, neo4j, graphml or gexf")
	fl.StringVar(&out, "out", "", "output file, folder (csv, neo4j) or - for stdout")
	fl.StringArrayVar(&filters.Classes, "class", nil, "keep entities of this class, subclasses included (repeatable)")
	fl.StringArrayVar(&filters.Predicates, "predicate", nil, "keep facts with this predicate (repeatable)")
	fl.StringArrayVar(&filters.Documents, "doc", nil, "keep facts from this document id (repeatable)")
	fl.StringVar(&from, "from", "", "keep documents published on or after this date (YYYY-MM-DD)")
	fl.StringVar(&to, "to", "", "keep documents published on or before this date (YYYY-MM-DD)")
	fl.Float64Var(&filters.MinConfidence, "min-confidence", 0, "keep facts with at least this confidence")
	fl.StringVar(&entitiesFile, "entities", "", "file of entities to keep, one per line (name, alias, slug or IRI)")
	fl.StringVar(&queryName, "query", "", "keep the entities a saved query returns")
	fl.StringArrayVarP(&params, "param", "p", nil, "parameter of --query as name=value (repeatable)")
	fl.StringVar(&column, "column", "", "the column of --query's rows that holds entity IRIs (default: source and target)")
	fl.BoolVar(&filters.AnyEndpoint, "any-endpoint", false, "keep facts with at least one kept endpoint (default: both)")
	return cmd
}

// queryColumn runs a saved query and returns one column of its rows.
func (a *app) queryColumn(cmd *cobra.Command, st *graph.Store, name string, params []string, column string) ([]string, error) {
	reg, err := a.registry()
	if err != nil {
		return nil, err
	}
	q, ok := reg.Get(name)
	if !ok {
		return nil, fmt.Errorf("no saved query %q", name)
	}
	values, err := parseParams(params)
	if err != nil {
		return nil, err
	}
	timeout, err := a.duration("query.timeout")
	if err != nil {
		return nil, err
	}
	r := &queries.Runner{QS: st.QuadStore(), Keys: st, Timeout: timeout, RowLimit: -1}
	res, err := r.RunAll(cmd.Context(), q, values)
	if err != nil {
		return nil, fmt.Errorf("query %s: %w", name, err)
	}
	columns := []string{column}
	if column == "" {
		// What Visualize draws is what the user sees as the result graph.
		columns = []string{"source", "target"}
	}
	var ids []string
	for _, row := range res.Rows {
		for _, c := range columns {
			if v, ok := row[c]; ok {
				ids = append(ids, queries.Cell(v))
			}
		}
	}
	return ids, nil
}

func readLines(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out, sc.Err()
}

func (a *app) importCommand() *cobra.Command {
	var format, name string
	cmd := &cobra.Command{
		Use:   "import PATH",
		Short: "Read N-Quads or JSON-LD back, or add curated facts from CSV",
		Long: `N-Quads and JSON-LD (as written by export) are read back document by document.
The format comes from --format, else the file name (.nq, .nquads, .jsonld,
.json, .csv, each optionally .gz), else the first bytes.
A CSV of curated facts (columns subject, predicate, object, source and optionally
subject_class, object_class, confidence) is checked against the schema and
stored beside the extracted facts under its own label <doc:curated-NAME>.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := args[0]
			var r io.Reader = a.stdin
			if path == "-" {
				if name == "" {
					return newUserError(codeUsage, nil, "reading stdin needs --name (it labels what is imported); see `newsgraph import --help`")
				}
			} else {
				f, err := os.Open(path)
				if err != nil {
					return openError(path, err)
				}
				defer f.Close()
				r = f
				if name == "" {
					name = filepath.Base(path)
				}
			}
			fm, r, err := importInput(path, format, r)
			if err != nil {
				return err
			}
			return a.withStore(cmd.Context(), func(st *graph.Store) error {
				res, err := export.Import(cmd.Context(), export.NewDestination(st), r, fm, export.ImportOptions{Name: name})
				if err != nil {
					return fmt.Errorf("import %s: %w", path, err)
				}
				fmt.Fprintf(a.stdout, "imported %s: %d quads, %d labels", path, res.Quads, len(res.Labels))
				if res.Facts > 0 || res.Status != "" {
					fmt.Fprintf(a.stdout, ", %d curated facts (%s)", res.Facts, res.Status)
				}
				fmt.Fprintln(a.stdout)
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "", "nquads, jsonld or csv (default: from the extension .nq/.nquads/.jsonld/.json/.csv, optionally .gz, else the content)")
	cmd.Flags().StringVar(&name, "name", "", "name of the import, labels curated facts (default: the file name)")
	return cmd
}

package queries

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"
)

// Formats are the result formats Write accepts.
var Formats = []string{"table", "json", "tsv", "csv"}

// Write renders a result in one of Formats; the CLI and the API share it.
func Write(w io.Writer, format string, res *Result) error {
	switch format {
	case "table", "":
		return WriteTable(w, res, 60)
	case "json":
		return WriteJSON(w, res)
	case "tsv":
		return WriteTSV(w, res)
	case "csv":
		return WriteCSV(w, res)
	}
	return fmt.Errorf("queries: unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

// Cell renders one value as text: times in RFC 3339, nil as "", floats in
// the shortest form that reads back the same.
func Cell(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case time.Time:
		return x.UTC().Format(time.RFC3339)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case int64:
		return strconv.FormatInt(x, 10)
	case bool:
		return strconv.FormatBool(x)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// WriteTable writes aligned columns for a terminal. Cells longer than width
// runes (0: no limit) are cut with "…"; line breaks become spaces.
func WriteTable(w io.Writer, res *Result, width int) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(res.Columns, "\t"))
	for _, row := range res.Rows {
		cells := make([]string, len(res.Columns))
		for i, c := range res.Columns {
			s := strings.Join(strings.Fields(strings.ReplaceAll(Cell(row[c]), "\t", " ")), " ")
			if width > 0 && utf8.RuneCountInString(s) > width {
				s = string([]rune(s)[:width-1]) + "…"
			}
			cells[i] = s
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	var err error
	for _, n := range res.Notes {
		if _, err := fmt.Fprintf(w, "note: %s\n", n); err != nil {
			return err
		}
	}
	switch {
	case res.Next != "":
		_, err = fmt.Fprintf(w, "(%d rows from row %d; more follow, next page cursor: %s)\n", len(res.Rows), res.Offset+1, res.Next)
	case res.Truncated:
		_, err = fmt.Fprintf(w, "(%d rows, row limit reached: more were cut)\n", len(res.Rows))
	case len(res.Rows) == 1:
		_, err = fmt.Fprintln(w, "(1 row)")
	default:
		_, err = fmt.Fprintf(w, "(%d rows)\n", len(res.Rows))
	}
	return err
}

// jsonResult is the JSON shape of a result.
type jsonResult struct {
	Columns    []string         `json:"columns"`
	Rows       []map[string]any `json:"rows"`
	Truncated  bool             `json:"truncated"`
	Offset     int              `json:"offset,omitempty"`
	NextCursor string           `json:"next_cursor,omitempty"`
	Notes      []string         `json:"notes,omitempty"`
	ElapsedMS  float64          `json:"elapsed_ms"`
}

// WriteJSON writes {"columns": [...], "rows": [{...}], "truncated": bool,
// "offset": n, "next_cursor": "...", "notes": [...], "elapsed_ms": n}
// (offset, next_cursor and notes only when set). Times are RFC 3339
// strings.
func WriteJSON(w io.Writer, res *Result) error {
	rows := res.Rows
	if rows == nil {
		rows = []map[string]any{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(jsonResult{Columns: res.Columns, Rows: rows, Truncated: res.Truncated,
		Offset: res.Offset, NextCursor: res.Next, Notes: res.Notes,
		ElapsedMS: float64(res.Elapsed.Microseconds()) / 1000})
}

// tsvEscape keeps one row per line: backslash, tab and line breaks are
// written as \\, \t, \n, \r.
var tsvEscape = strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`)

// WriteTSV writes a header line of column names, then one line per row.
func WriteTSV(w io.Writer, res *Result) error {
	if _, err := fmt.Fprintln(w, strings.Join(res.Columns, "\t")); err != nil {
		return err
	}
	for _, row := range res.Rows {
		cells := make([]string, len(res.Columns))
		for i, c := range res.Columns {
			cells[i] = tsvEscape.Replace(Cell(row[c]))
		}
		if _, err := fmt.Fprintln(w, strings.Join(cells, "\t")); err != nil {
			return err
		}
	}
	return nil
}

// WriteCSV writes RFC 4180 CSV with a header line.
func WriteCSV(w io.Writer, res *Result) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(res.Columns); err != nil {
		return err
	}
	for _, row := range res.Rows {
		cells := make([]string, len(res.Columns))
		for i, c := range res.Columns {
			cells[i] = Cell(row[c])
		}
		if err := cw.Write(cells); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteList renders the query catalogue ("newsgraph queries") as a table
// (name, parameters, description) or JSON (the Query fields).
func WriteList(w io.Writer, format string, list []Query) error {
	switch format {
	case "json":
		if list == nil {
			list = []Query{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(list)
	case "table", "":
	default:
		return fmt.Errorf("queries: unknown format %q (want table or json)", format)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tPARAMETERS\tDESCRIPTION")
	for _, q := range list {
		var ps []string
		for _, p := range q.Params {
			s := p.Name + ":" + p.Type
			switch {
			case p.Required:
				s += "!"
			case p.Default != "":
				s += "=" + p.Default
			}
			ps = append(ps, s)
		}
		desc := q.Description
		if q.Origin != "" && q.Origin != "builtin" {
			desc += " [" + q.Origin + "]"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", q.Name, strings.Join(ps, " "), desc)
	}
	return tw.Flush()
}

// ParseParamFlags turns repeated "--param k=v" values into a map. The value
// is everything after the first '='; a key given twice is an error.
func ParseParamFlags(flags []string) (map[string]string, error) {
	out := make(map[string]string, len(flags))
	for _, f := range flags {
		k, v, ok := strings.Cut(f, "=")
		k = strings.TrimSpace(k)
		if !ok || k == "" {
			return nil, fmt.Errorf("--param %q: want NAME=VALUE", f)
		}
		if _, dup := out[k]; dup {
			return nil, fmt.Errorf("--param %s given twice", k)
		}
		out[k] = v
	}
	return out, nil
}

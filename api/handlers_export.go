package api

import (
	"archive/zip"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/newsgraph/newsgraph/export"
)

// exportTypes are the response types of the single-file formats; the
// folder formats (csv, neo4j) are sent as a zip of the folder.
var exportTypes = map[export.Format]string{
	export.NQuads:  "application/n-quads",
	export.JSONLD:  "application/ld+json",
	export.Turtle:  "text/turtle",
	export.GraphML: "application/graphml+xml",
	export.GEXF:    "application/gexf+xml",
}

func (s *Server) handleExport(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	name := v.Get("format")
	if name == "" {
		name = string(export.NQuads)
	}
	f, err := export.ParseFormat(name)
	if err != nil {
		return paramError(CodeInvalidParameter, "format", "%v", err)
	}
	filters := export.Filters{
		Classes: v["class"], Predicates: v["predicate"], Documents: v["doc"], Entities: v["entity"],
		AnyEndpoint: v.Get("any_endpoint") == "true",
	}
	if mc := v.Get("min_confidence"); mc != "" {
		if filters.MinConfidence, err = strconv.ParseFloat(mc, 64); err != nil {
			return paramError(CodeInvalidParameter, "min_confidence", "not a number: %q", mc)
		}
	}
	for param, dst := range map[string]*time.Time{"from": &filters.From, "to": &filters.To} {
		if d := v.Get(param); d != "" {
			if *dst, err = time.Parse(time.DateOnly, d); err != nil {
				return paramError(CodeInvalidParameter, param, "want a date YYYY-MM-DD, got %q", d)
			}
		}
	}
	opts := export.Options{Format: f, Filters: filters, Version: "api", Command: []string{r.Method + " " + r.URL.RequestURI()}}
	if ct, single := exportTypes[f]; single {
		w.Header().Set("Content-Type", ct)
		w.Header().Set("Content-Disposition", `attachment; filename="newsgraph.`+string(f)+`"`)
		opts.Out, opts.Stdout = "-", w
		if _, err := export.Write(r.Context(), s.batchLocked(), opts); err != nil {
			return paramError(CodeInvalidParameter, "", "export: %v", err)
		}
		return nil
	}
	// Folder formats: write to a temporary folder, then send it zipped
	// with its manifest.
	dir, err := os.MkdirTemp("", "newsgraph-export-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	opts.Out = filepath.Join(dir, string(f))
	if _, err := export.Write(r.Context(), s.batchLocked(), opts); err != nil {
		return paramError(CodeInvalidParameter, "", "export: %v", err)
	}
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", `attachment; filename="newsgraph-`+string(f)+`.zip"`)
	zw := zip.NewWriter(w)
	err = filepath.WalkDir(opts.Out, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		dst, err := zw.Create(filepath.ToSlash(rel))
		if err != nil {
			return err
		}
		src, err := os.Open(path)
		if err != nil {
			return err
		}
		defer src.Close()
		_, err = io.Copy(dst, src)
		return err
	})
	if err != nil {
		return err
	}
	return zw.Close()
}

package api

import (
	_ "embed"
	"net/http"
)

// openAPISpec documents the REST routes; api_test checks it against the
// route table and the running server.
//
//go:embed openapi.json
var openAPISpec []byte

func (s *Server) handleOpenAPI(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(openAPISpec)
	return nil
}

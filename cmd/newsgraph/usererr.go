package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/queries"
)

// Stable error codes: --format json errors carry one, so scripts can tell
// "no such entity" from "no store" without reading prose. Codes of
// parameter errors come from queries (bad_param, entity_not_found,
// ambiguous_entity).
const (
	codeUsage            = "usage"              // bad flags or arguments
	codeNoStore          = "no_store"           // a reading command found no store
	codeUnknownQuery     = "unknown_query"      // no saved query of that name
	codeDocumentNotFound = "document_not_found" // delete of an unknown document
	codeImportFormat     = "import_format"      // import cannot tell the format
	codeTimeout          = "timeout"            // query time limit reached
	codeCanceled         = "canceled"           // interrupted
	codeFailed           = "failed"             // anything else
)

// userError is an error a user can act on: one sentence with what to try
// next, and a stable code.
type userError struct {
	code string
	msg  string
	err  error // wrapped, may be nil
}

func (e *userError) Error() string { return e.msg }
func (e *userError) Unwrap() error { return e.err }

func newUserError(code string, err error, format string, args ...any) *userError {
	return &userError{code: code, msg: fmt.Sprintf(format, args...), err: err}
}

// errorCode is the stable code of any error a command returns.
func errorCode(err error) string {
	var ue *userError
	var pe *queries.ParamError
	switch {
	case errors.As(err, &ue):
		return ue.code
	case errors.As(err, &pe):
		return pe.ErrorCode()
	case errors.Is(err, queries.ErrTimeout), errors.Is(err, context.DeadlineExceeded):
		return codeTimeout
	case errors.Is(err, context.Canceled):
		return codeCanceled
	case errors.Is(err, graph.ErrNotFound):
		return codeDocumentNotFound
	}
	return codeFailed
}

// jsonError is what --format json prints on stderr when a command fails.
type jsonError struct {
	Error struct {
		Code       string              `json:"code"`
		Message    string              `json:"message"`
		Candidates []queries.Candidate `json:"candidates,omitempty"`
	} `json:"error"`
}

// reportError writes err to w: as JSON when the command was asked for
// JSON output, else as one "newsgraph: ..." line.
func reportError(w io.Writer, cmd *cobra.Command, err error) {
	if cmd != nil {
		if f := cmd.Flags().Lookup("format"); f != nil && f.Value.String() == "json" {
			var je jsonError
			je.Error.Code, je.Error.Message = errorCode(err), err.Error()
			var pe *queries.ParamError
			if errors.As(err, &pe) {
				je.Error.Candidates = pe.Candidates
			}
			enc := json.NewEncoder(w)
			if enc.Encode(je) == nil {
				return
			}
		}
	}
	fmt.Fprintln(w, "newsgraph:", err)
}

// usageErrors makes cobra's flag and argument errors say where help is.
func usageErrors(root *cobra.Command) {
	hint := func(c *cobra.Command, err error) error {
		return newUserError(codeUsage, err, "%s; see `%s --help`", strings.TrimSuffix(err.Error(), "."), c.CommandPath())
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.SetFlagErrorFunc(hint)
		if args := c.Args; args != nil {
			c.Args = func(c *cobra.Command, a []string) error {
				if err := args(c, a); err != nil {
					return hint(c, err)
				}
				return nil
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

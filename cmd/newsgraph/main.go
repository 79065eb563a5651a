// Command newsgraph builds a knowledge graph of news articles in Cayley and
// answers questions over it. Each subcommand wires configuration to one
// package; the logic lives in those packages.
package main

import (
	"context"
	"errors"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// exitError carries a specific exit code, e.g. 1 when some documents of an
// otherwise finished ingest failed.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRootCommand(stdin, stdout, stderr)
	root.SetArgs(args)
	cmd, err := root.ExecuteContextC(ctx)
	if err == nil {
		return 0
	}
	if strings.HasPrefix(err.Error(), "unknown command") {
		err = newUserError(codeUsage, err, "%v; see `newsgraph --help`", err)
	}
	reportError(stderr, cmd, err)
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	return 2
}

package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
)

// app is what every command shares: the configuration and the streams. It
// is built per invocation, so tests can run commands side by side.
type app struct {
	v      *viper.Viper
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	log    *slog.Logger
	// readMostly is set by commands that mostly read the store (serve,
	// query): store.mapped_limit "auto" then keeps bolt's pages mapped.
	readMostly bool
}

// defaults are the lowest layer of configuration.
var defaults = map[string]any{
	"store.backend":         "bolt",
	"store.path":            "newsgraph.db",
	"store.address":         "",
	"store.mapped_limit":    "auto",
	"store.memory_limit":    "auto",
	"store.options":         map[string]any{},
	"queries.dir":           "",
	"query.timeout":         "30s",
	"query.row_limit":       10000,
	"query.page_size":       100,
	"ingest.workers":        0,
	"ingest.min_confidence": 0.0,
	"ingest.predicates":     []string{},
	"ingest.prose_ner":      false,
	"ingest.rules":          "default",
	"ingest.resolve":        true,
	"ingest.batch_quads":    20000,
	"api.addr":              "127.0.0.1:8080",
	"api.token":             "",
	"api.read_only":         false,
	"api.query_timeout":     "10s",
	"api.row_limit":         5000,
	"api.page_size":         100,
	"api.max_body_bytes":    32 << 20,
	"api.max_heap_bytes":    0,
	"api.cors_origins":      []string{},
	"api.query_token":       "",
	"api.public_queries":    false,
	"api.allowed_hosts":     []string{},
	"api.max_queries":       0,
	"log.level":             "info",
}

func newApp(stdin io.Reader, stdout, stderr io.Writer) *app {
	v := viper.New()
	for k, val := range defaults {
		v.SetDefault(k, val)
	}
	v.SetEnvPrefix("NEWSGRAPH")
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	v.AutomaticEnv()
	// The short names users type first.
	_ = v.BindEnv("store.path", "NEWSGRAPH_DB", "NEWSGRAPH_STORE_PATH")
	_ = v.BindEnv("api.token", "NEWSGRAPH_API_TOKEN")
	_ = v.BindEnv("api.query_token", "NEWSGRAPH_QUERY_TOKEN", "NEWSGRAPH_API_QUERY_TOKEN")
	return &app{v: v, stdin: stdin, stdout: stdout, stderr: stderr}
}

// load reads the config file: --config if given, else newsgraph.yaml in the
// working directory if present. Flags and environment still win over it.
func (a *app) load(cmd *cobra.Command) error {
	if err := a.bindFlags(cmd); err != nil {
		return fmt.Errorf("binding flags: %w", err)
	}
	path, _ := cmd.Flags().GetString("config")
	if path != "" {
		a.v.SetConfigFile(path)
		if err := a.v.ReadInConfig(); err != nil {
			return fmt.Errorf("reading config %s: %w", path, err)
		}
	} else {
		// Look for the file by its full name: viper's own search would also
		// take a file called just "newsgraph" — the binary itself.
		for _, name := range []string{"newsgraph.yaml", "newsgraph.yml"} {
			if _, err := os.Stat(name); err == nil {
				a.v.SetConfigFile(name)
				if err := a.v.ReadInConfig(); err != nil {
					return fmt.Errorf("reading %s: %w", name, err)
				}
				break
			}
		}
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(a.v.GetString("log.level"))); err != nil {
		return fmt.Errorf("log.level: %w", err)
	}
	a.log = slog.New(slog.NewTextHandler(a.stderr, &slog.HandlerOptions{Level: level}))
	return nil
}

// configKey is the flag annotation naming the config key a flag sets.
const configKey = "newsgraph/config-key"

// bind makes a flag the top layer of a config key. The binding is made when
// the command runs (bindFlags): two commands may both offer --workers for
// one key, and only the running command's flag may count.
func (a *app) bind(flags *pflag.FlagSet, key, flag string) {
	if err := flags.SetAnnotation(flag, configKey, []string{key}); err != nil {
		panic(fmt.Sprintf("binding flag %s to %s: %v", flag, key, err)) // a wiring mistake in this package
	}
}

// bindFlags binds the running command's annotated flags into viper.
func (a *app) bindFlags(cmd *cobra.Command) error {
	var err error
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if keys := f.Annotations[configKey]; len(keys) == 1 && err == nil {
			err = a.v.BindPFlag(keys[0], f)
		}
	})
	return err
}

func (a *app) duration(key string) (time.Duration, error) {
	d, err := time.ParseDuration(a.v.GetString(key))
	if err != nil {
		return 0, fmt.Errorf("config %s: %w", key, err)
	}
	return d, nil
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

package main

import (
	"io"

	"github.com/spf13/cobra"
)

func newRootCommand(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	a := newApp(stdin, stdout, stderr)
	root := &cobra.Command{
		Use:   "newsgraph",
		Short: "Build a knowledge graph of news articles and query it",
		Long: `newsgraph reads articles (text, HTML, JSON Lines), extracts who-did-what facts
with the sentence behind each, stores them in a Cayley graph, and answers
questions through saved queries, a REST API and Cayley's Gizmo console.

Configuration: flags > NEWSGRAPH_* environment > newsgraph.yaml > defaults.`,
		Version:       versionString(),
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			return a.load(cmd)
		},
	}
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	pf := root.PersistentFlags()
	pf.String("config", "", "config file (default ./newsgraph.yaml if present)")
	pf.String("db", "newsgraph.db", "path of the embedded bolt store (env NEWSGRAPH_DB, config store.path)")
	pf.String("backend", "bolt", "store backend: bolt or postgres (config store.backend)")
	pf.String("store-address", "", "connection string of a SQL backend (config store.address)")
	pf.String("log-level", "info", "debug, info, warn or error (config log.level)")
	a.bind(pf, "store.path", "db")
	a.bind(pf, "store.backend", "backend")
	a.bind(pf, "store.address", "store-address")
	a.bind(pf, "log.level", "log-level")

	root.AddCommand(
		a.extractCommand(),
		a.ingestCommand(),
		a.queryCommand(),
		a.queriesCommand(),
		a.statsCommand(),
		a.deleteCommand(),
		a.backupCommand(),
		a.restoreCommand(),
		a.migrateCommand(),
		a.compactCommand(),
		a.exportCommand(),
		a.importCommand(),
		a.serveCommand(),
		a.entitiesCommand(),
		a.benchCommand(),
		a.trainCommand(),
		a.annotateCommand(),
		a.patternsCommand(),
		a.rulesCommand(),
	)
	root.SetVersionTemplate("newsgraph {{.Version}}\n")
	usageErrors(root)
	return root
}

package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/go-plugin-lint/go-plugin-lint/analyzers"
	"github.com/go-plugin-lint/go-plugin-lint/internal/docs"
)

func helpMain(args []string) int {
	suite := analyzers.Suite()
	if len(args) == 0 {
		fmt.Printf("%s finds defects in Go plugin interfaces.\n\nUsage:\n", progname)
		fmt.Printf("  %s [flags] PATTERNS\n  go vet -vettool=$(which %s) PATTERNS\n", progname, progname)
		fmt.Printf("  %s help ANALYZER\n  %s snapshot [-o FILE] [-rev GITREV] PATTERNS\n", progname, progname)
		fmt.Printf("  %s abicheck [-json] HOST PLUGIN.so...\n  %s version\n\nAnalyzers:\n", progname, progname)
		for _, m := range suite {
			fmt.Printf("  %-15s %s\n", m.Analyzer.Name, docs.Summary(m.Analyzer.Doc))
		}
		fmt.Printf("\nFlags:\n")
		fs, _ := newLintFlags(suite)
		fs.SetOutput(os.Stdout)
		fs.PrintDefaults()
		fmt.Print(helpNotes)
		return exitClean
	}
	for _, m := range suite {
		if m.Analyzer.Name != args[0] {
			continue
		}
		a := m.Analyzer
		fmt.Println(a.Doc)
		fmt.Printf("\nDocumentation: %s\n", a.URL)
		if m.Correlate != nil {
			fmt.Printf("Run-wide step: yes (standalone command only)\n")
		}
		var flags []string
		a.Flags.VisitAll(func(f *flag.Flag) {
			flags = append(flags, fmt.Sprintf("  -%s.%s\n    \t%s", a.Name, f.Name, f.Usage))
			if f.DefValue != "" {
				flags[len(flags)-1] += fmt.Sprintf(" (default %s)", f.DefValue)
			}
		})
		if len(flags) > 0 {
			fmt.Printf("\nFlags:\n%s\n", strings.Join(flags, "\n"))
		}
		return exitClean
	}
	return fail("help: unknown analyzer %q (run '%s help' for the list)", args[0], progname)
}

const helpNotes = `
Suppression: //nolint:<analyzer>[,<analyzer>] (//nolint and //nolint:all: every
analyzer) or //lint:ignore <analyzer>[,<analyzer>] <reason> (the reason is
required: without one the directive suppresses nothing and is reported), on the
finding's line or the line above.

Exit status: 0 no findings, 3 findings, 1 a usage or tool error (including
packages that failed to load or type-check; the other packages are still
analysed and reported).

Under go vet (-vettool) only the per-package passes run, and go vet prints
their diagnostics itself: the run-wide step, suppression directives,
-baseline, -sarif and -fix are features of the standalone command.
`

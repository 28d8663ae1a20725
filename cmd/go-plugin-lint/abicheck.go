package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/go-plugin-lint/go-plugin-lint/internal/abicheck"
)

const abicheckUsage = `usage: go-plugin-lint abicheck [-json] [-baseline FILE] HOST PLUGIN.so [PLUGIN.so...]

Predicts, without loading anything, what plugin.Open returns in HOST for
each PLUGIN, opened in the order given and with the paths exactly as given
(the host must open the same strings from the same directory for the error
texts to match). With -baseline, a mismatching package recorded in that
abidrift snapshot is compared with its source in the current directory,
naming the declarations that changed. Exit status: 0 all load, 3 any
fails, 1 bad input.
`

// abicheckMain predicts plugin.Open outcomes from built artifacts.
func abicheckMain(args []string) int {
	return abicheckRun(args, os.Stdout, os.Stderr)
}

func abicheckRun(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("abicheck", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { io.WriteString(stderr, abicheckUsage) }
	jsonOut := fs.Bool("json", false, "write the predictions as JSON")
	baselineFile := fs.String("baseline", "", "an abidrift snapshot `FILE`: name the declarations of a mismatching package that changed since it")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return exitClean
		}
		return exitError
	}
	if fs.NArg() < 2 {
		return abicheckFail(stderr, "need a host and at least one plugin (see go-plugin-lint abicheck -h)")
	}
	host, err := abicheck.Read(fs.Arg(0))
	if err != nil {
		return abicheckFail(stderr, "%v", err)
	}
	var plugins []*abicheck.Artifact
	for _, path := range fs.Args()[1:] {
		p, err := abicheck.Read(path)
		if err != nil {
			return abicheckFail(stderr, "%v", err)
		}
		plugins = append(plugins, p)
	}
	results, err := abicheck.Predict(host, plugins)
	if err != nil {
		return abicheckFail(stderr, "%v", err)
	}
	if *baselineFile != "" {
		if err := addBaselineChanges(*baselineFile, results); err != nil {
			return abicheckFail(stderr, "%v", err)
		}
	}
	if *jsonOut {
		err = abicheck.WriteJSON(stdout, host.Path, results)
	} else {
		err = abicheck.WriteText(stdout, results)
	}
	if err != nil {
		return abicheckFail(stderr, "%v", err)
	}
	if !abicheck.AllLoad(results) {
		return exitFindings
	}
	return exitClean
}

// abicheckFail writes a one-line error, like fail, to stderr.
func abicheckFail(stderr io.Writer, format string, args ...any) int {
	fmt.Fprintf(stderr, "%s: abicheck: %s\n", progname, fmt.Sprintf(format, args...))
	return exitError
}

package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/go-plugin-lint/go-plugin-lint/analyzers"
)

// lintOptions are the standalone command's own flags.
type lintOptions struct {
	tests      bool
	json       bool
	sarif      string
	fix        bool
	diff       bool
	baseline   string
	writeBase  string
	unusedSupp bool
	cpuprofile string
	memprofile string
	tags       string
	// enabled holds -<analyzer> flags; when any is true only those run,
	// and -<analyzer>=false disables one.
	enabled map[string]*triState
}

// triState is a bool flag that remembers whether it was set.
type triState struct{ set, value bool }

func (t *triState) String() string   { return fmt.Sprint(t.value) }
func (t *triState) IsBoolFlag() bool { return true }
func (t *triState) Set(s string) error {
	var v bool
	if _, err := fmt.Sscanf(s, "%t", &v); err != nil {
		return fmt.Errorf("invalid boolean %q", s)
	}
	t.set, t.value = true, v
	return nil
}

// newLintFlags returns the flag set of the standalone command: its own
// flags, -<analyzer> to select analyzers, and every analyzer flag as
// -<analyzer>.<flag>, bound to the analyzers of suite.
func newLintFlags(suite []analyzers.Member) (*flag.FlagSet, *lintOptions) {
	opts := &lintOptions{enabled: map[string]*triState{}}
	fs := flag.NewFlagSet(progname, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(&opts.tests, "test", true, "also analyze test files and test packages")
	fs.BoolVar(&opts.json, "json", false, "print findings as JSON (the x/tools checker's shape)")
	fs.StringVar(&opts.sarif, "sarif", "", "also write findings as SARIF 2.1.0 to `FILE`")
	fs.BoolVar(&opts.fix, "fix", false, "apply the first suggested fix of each finding, then print the findings left")
	fs.BoolVar(&opts.diff, "diff", false, "print the suggested fixes as a unified diff instead of the findings, and change no file")
	fs.StringVar(&opts.baseline, "baseline", "", "report only findings not recorded in the baseline `FILE`")
	fs.StringVar(&opts.writeBase, "write-baseline", "", "record today's findings as accepted in `FILE` and exit 0")
	fs.BoolVar(&opts.unusedSupp, "report-unused-suppressions", false, "also report //nolint:<analyzer> and //lint:ignore directives that suppressed nothing")
	fs.StringVar(&opts.cpuprofile, "cpuprofile", "", "write a CPU profile to `FILE`")
	fs.StringVar(&opts.memprofile, "memprofile", "", "write a heap profile to `FILE` after the run")
	fs.StringVar(&opts.tags, "tags", "", "comma-separated build tags")
	for _, m := range suite {
		a := m.Analyzer
		t := new(triState)
		opts.enabled[a.Name] = t
		fs.Var(t, a.Name, "enable only "+a.Name+" (or disable it with -"+a.Name+"=false)")
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	return fs, opts
}

// selected returns the members to run given the -<analyzer> flags, with the
// x/tools rule: if any is set true, only those; otherwise all but those set false.
func (o *lintOptions) selected(suite []analyzers.Member) []analyzers.Member {
	anyTrue := false
	for _, t := range o.enabled {
		anyTrue = anyTrue || (t.set && t.value)
	}
	var out []analyzers.Member
	for _, m := range suite {
		t := o.enabled[m.Analyzer.Name]
		if anyTrue && !(t.set && t.value) || !anyTrue && t.set && !t.value {
			continue
		}
		out = append(out, m)
	}
	return out
}

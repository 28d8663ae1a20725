package statecoupling_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/go-plugin-lint/go-plugin-lint/analyzers/statecoupling"
	"github.com/go-plugin-lint/go-plugin-lint/internal/runwide"
)

// TestCorrelate checks the run-wide step: a plugin that implements an
// interface only a host's plugin.Symbol assertion makes a contract has the
// writes of its contract methods reported, once hooks and other methods
// staying silent; the per-package pass says nothing (no // want there).
func TestCorrelate(t *testing.T) {
	results := analysistest.Run(t, testdata(t), statecoupling.New(statecoupling.Default()),
		"statecoupling_rw/api", "statecoupling_rw/host", "statecoupling_rw/plugin")
	if len(results) == 0 {
		t.Fatal("no results")
	}
	run := &runwide.Run{Fset: results[0].Pass.Fset}
	for _, r := range results {
		run.Packages = append(run.Packages, &runwide.Package{Path: r.Pass.Pkg.Path(), ID: r.Pass.Pkg.Path(), Types: r.Pass.Pkg, Result: r.Result})
	}
	var got []string
	for _, d := range statecoupling.Correlate(run) {
		p := run.Fset.Position(d.Pos)
		got = append(got, fmt.Sprintf("%s:%d: %s", p.Filename[strings.LastIndex(p.Filename, "/")+1:], p.Line, d.Message))
	}
	want := []string{
		"plugin.go:16: write to package-level var greeted without holding a lock, in entry point greeter.Greet (api.Greeter, asserted from a plugin.Symbol): concurrent map writes crash the process",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Correlate:\n got %q\nwant %q", got, want)
	}
	// Deterministic: a second call gives the same diagnostics.
	again := statecoupling.Correlate(run)
	if len(again) != len(got) {
		t.Errorf("second Correlate gave %d diagnostics, first %d", len(again), len(got))
	}
}

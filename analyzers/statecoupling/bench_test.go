package statecoupling_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/go-plugin-lint/go-plugin-lint/analyzers/statecoupling"
)

// BenchmarkFixtures runs the analyzer over the fixtures, loading included
// (which dominates; the per-function walk and the fixpoint are linear in
// the package's code and calls). For real modules, measure the command:
// /usr/bin/time -v go-plugin-lint -statecoupling ./... (see the README).
func BenchmarkFixtures(b *testing.B) {
	dir, err := filepathAbs()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		analysistest.Run(b, dir, statecoupling.New(statecoupling.Default()),
			"statecoupling/basic", "statecoupling/locks", "statecoupling/reconciler", "statecoupling/contract")
	}
}

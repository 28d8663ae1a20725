// Package analyzers holds the suite: the one list of analyzers that the
// command, the go vet tool mode, the golangci-lint plugin and the docs use.
package analyzers

import (
	"golang.org/x/tools/go/analysis"

	"github.com/go-plugin-lint/go-plugin-lint/analyzers/abidrift"
	"github.com/go-plugin-lint/go-plugin-lint/analyzers/pluginexport"
	"github.com/go-plugin-lint/go-plugin-lint/analyzers/redundantiface"
	"github.com/go-plugin-lint/go-plugin-lint/analyzers/statecoupling"
	"github.com/go-plugin-lint/go-plugin-lint/internal/runwide"
)

// Member is one analyzer of the suite with its run-wide step.
type Member struct {
	Analyzer *analysis.Analyzer
	// Correlate is the run-wide step, run by the standalone command only;
	// nil when the analyzer has only the per-package tier.
	Correlate runwide.Correlate
}

// Suite returns freshly built analyzers with default settings, in the order
// the docs list them. Each call builds new analyzers, so callers may bind
// and parse their flags independently.
func Suite() []Member {
	return []Member{
		{redundantiface.New(redundantiface.Default()), redundantiface.Correlate},
		{statecoupling.New(statecoupling.Default()), statecoupling.Correlate},
		{pluginexport.New(pluginexport.Default()), pluginexport.Correlate},
		{abidrift.New(abidrift.Default()), abidrift.Correlate},
	}
}

// Analyzers returns the analyzers of members.
func Analyzers(members []Member) []*analysis.Analyzer {
	out := make([]*analysis.Analyzer, len(members))
	for i, m := range members {
		out[i] = m.Analyzer
	}
	return out
}

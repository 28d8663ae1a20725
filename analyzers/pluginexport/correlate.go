package pluginexport

import (
	"golang.org/x/tools/go/analysis"

	"github.com/go-plugin-lint/go-plugin-lint/internal/runwide"
)

// Correlate is the run-wide cross-check of hosts' lookups against plugins' exports.
func Correlate(run *runwide.Run) []analysis.Diagnostic { return nil }

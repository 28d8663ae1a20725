package statecoupling

import "github.com/go-plugin-lint/go-plugin-lint/internal/runwide"

// Result is the analyzer's per-package result, read by the run-wide step.
type Result struct{}

func (r *Result) collect(a *analyzerRun) {}

// Correlate is the analyzer's run-wide step (nil: per-package only).
var Correlate runwide.Correlate

package statecoupling

// Result is the analyzer's per-package result, read by the run-wide step.
type Result struct{}

func (r *Result) collect(a *analyzerRun) {}

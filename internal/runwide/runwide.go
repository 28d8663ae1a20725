// Package runwide defines the run-wide correlation step of the standalone
// command.
//
// A plugin package and its host do not import each other, and an interface's
// implementers and callers usually live in other packages than its
// declaration. Per-package passes stay silent where only such a view can
// decide; after every pass has run over every package of the run, the
// command hands each analyzer's per-package results to that analyzer's
// Correlate function, which returns the diagnostics that need the whole run.
//
// Correlate functions are pure functions of the results: whatever a pass
// learned (including the configuration it ran with) travels in its result.
package runwide

import (
	"go/token"
	"go/types"
	"sort"

	"golang.org/x/tools/go/analysis"
)

// Package is one package of the run as the correlation step sees it.
type Package struct {
	Path  string         // package path; a test variant keeps its own ID in ID
	ID    string         // go/packages ID, unique within the run
	Types *types.Package // type-checked package
	// Result is the analyzer's result for this package, or nil when the
	// pass failed (for example on a package with type errors).
	Result any
}

// Run is the whole run: every package matched by the user's patterns.
type Run struct {
	Fset     *token.FileSet
	Packages []*Package // sorted by ID
}

// Correlate computes the diagnostics that need the whole run. Positions
// are in Run.Fset. It must be deterministic: the same run gives the same
// diagnostics in the same order.
type Correlate func(run *Run) []analysis.Diagnostic

// Sort orders run-wide diagnostics by file, offset and message. token.Pos
// order depends on the order go/packages parsed files in; file names and
// offsets do not, so this keeps Correlate deterministic.
func Sort(fset *token.FileSet, ds []analysis.Diagnostic) {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := fset.Position(ds[i].Pos), fset.Position(ds[j].Pos)
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		if a.Offset != b.Offset {
			return a.Offset < b.Offset
		}
		return ds[i].Message < ds[j].Message
	})
}

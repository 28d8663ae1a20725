package abidrift

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"

	"golang.org/x/tools/go/analysis"

	"github.com/go-plugin-lint/go-plugin-lint/analyzers/abidrift/baseline"
	"github.com/go-plugin-lint/go-plugin-lint/internal/contracts"
	"github.com/go-plugin-lint/go-plugin-lint/internal/fileclass"
)

// Result is what the pass learned about one package, for the run-wide
// summary and the native-plugin note.
type Result struct {
	// Baseline is the baseline compared with; nil when abidrift ran
	// without one (then the rest is empty).
	Baseline *baseline.Baseline
	All      bool   // -abidrift.all
	Path     string // package path
	// Pos is the package clause of the package's first non-generated
	// file, where package-level findings go.
	Pos token.Pos
	// Changes are every change found, reported or not, in order.
	Changes []baseline.Change
	// PluginMain is set for a package main without func main: a native
	// plugin's main package.
	PluginMain bool
	// Imports are the packages a plugin main imports, transitively, sorted.
	Imports []string
	// Asserted are the packages declaring the interfaces that this
	// package asserts plugin.Symbol values to, sorted.
	Asserted []string
	// ModulePath is the path of the package's module, when known.
	ModulePath string
}

// Count returns the number of changes of a class.
func (r *Result) Count(class string) int {
	n := 0
	for _, c := range r.Changes {
		if c.Class == class {
			n++
		}
	}
	return n
}

func (r *runner) run(pass *analysis.Pass) (any, error) {
	res := &Result{Path: pass.Pkg.Path(), All: r.cfg.All}
	if r.cfg.Baseline == "" {
		return res, nil
	}
	b, err := r.baseline()
	if err != nil {
		return nil, err
	}
	res.Baseline = b
	if pass.Module != nil {
		res.ModulePath = pass.Module.Path
	}
	classes := fileclass.NewIndex(pass.Fset, pass.Files)
	res.Pos = packageClause(pass, classes)
	cr, _ := pass.ResultOf[contracts.Analyzer].(*contracts.Result)
	if cr != nil {
		cr = cr.With(pass.Pkg, r.cfg.Contracts)
		for _, tn := range cr.Asserted {
			if tn.Pkg() != nil {
				res.Asserted = append(res.Asserted, tn.Pkg().Path())
			}
		}
		res.Asserted = sortedUnique(res.Asserted)
	}
	if pass.Pkg.Name() == "main" && pass.Pkg.Scope().Lookup("main") == nil {
		res.PluginMain = true
		res.Imports = transitiveImports(pass.Pkg)
	}

	old := b.Package(pass.Pkg.Path())
	if old == nil {
		if b.Scope == baseline.ScopeAPI && inAPIScope(pass.Pkg.Path(), pass.Pkg.Name()) && !isTestVariantOnly(pass, classes) {
			res.Changes = []baseline.Change{{Class: baseline.ClassCompatible, What: "package added"}}
			if r.cfg.All && res.Pos.IsValid() {
				pass.Reportf(res.Pos, "compatible: package %s added since the baseline", pass.Pkg.Path())
			}
		}
		return res, nil
	}

	changes, err := baseline.Diff(old, pass.Pkg, baseline.ImportedBy(pass.Pkg), b.Targets)
	if err != nil {
		return nil, err
	}
	rep := &reporter{pass: pass, cr: cr, old: old, classes: classes, pkgPos: res.Pos}
	inScope := scopeFilter(b.Scope, pass.Pkg, old, cr)
	for _, c := range changes {
		if !inScope(c.Object) || rep.inTestFile(c) {
			continue
		}
		res.Changes = append(res.Changes, rep.classify(c))
	}
	for _, c := range res.Changes {
		if c.Class == baseline.ClassCompatible && !r.cfg.All {
			continue
		}
		rep.report(c)
	}
	return res, nil
}

// scopeFilter returns which top-level names the comparison covers: every
// name in api scope (apidiff looks at exported ones only); in contracts
// scope, those recorded or reached from the contracts now.
func scopeFilter(scope string, pkg *types.Package, old *baseline.Package, cr *contracts.Result) func(string) bool {
	if scope != baseline.ScopeContracts {
		return func(string) bool { return true }
	}
	names := map[string]bool{}
	for _, d := range old.Decls {
		if d.Kind != baseline.KindMethod {
			names[d.Name] = true
		}
	}
	if cr != nil {
		for _, name := range baseline.Names(pkg, scope, baseline.Reach(cr.All())) {
			names[name] = true
		}
	}
	return func(name string) bool { return names[name] }
}

func transitiveImports(pkg *types.Package) []string {
	seen := map[string]bool{}
	var walk func(p *types.Package)
	walk = func(p *types.Package) {
		for _, q := range p.Imports() {
			if !seen[q.Path()] {
				seen[q.Path()] = true
				walk(q)
			}
		}
	}
	walk(pkg)
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// packageClause returns the package name position of the first
// non-generated, non-test file by name (test files only if all are).
func packageClause(pass *analysis.Pass, classes *fileclass.Index) token.Pos {
	var best, bestTest *ast.File
	name := func(f *ast.File) string { return pass.Fset.File(f.FileStart).Name() }
	for _, f := range pass.Files {
		switch c := classes.At(f.Package); {
		case c.IsGenerated():
		case c == fileclass.Test:
			if bestTest == nil || name(f) < name(bestTest) {
				bestTest = f
			}
		default:
			if best == nil || name(f) < name(best) {
				best = f
			}
		}
	}
	if best == nil {
		best = bestTest
	}
	if best == nil {
		return token.NoPos
	}
	return best.Name.Pos()
}

// isTestVariantOnly reports whether every file of the package is a test
// file (a package made of tests only has no API).
func isTestVariantOnly(pass *analysis.Pass, classes *fileclass.Index) bool {
	for _, f := range pass.Files {
		if classes.At(f.Package) != fileclass.Test {
			return false
		}
	}
	return len(pass.Files) > 0
}

func sortedUnique(in []string) []string {
	sort.Strings(in)
	out := in[:0]
	for i, s := range in {
		if i == 0 || s != in[i-1] {
			out = append(out, s)
		}
	}
	return out
}

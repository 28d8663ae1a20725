package redundantiface

import (
	_ "embed"
	"flag"
	"go/types"
	"reflect"
	"sort"

	"golang.org/x/tools/go/analysis"

	"github.com/go-plugin-lint/go-plugin-lint/internal/contracts"
	"github.com/go-plugin-lint/go-plugin-lint/internal/docs"
	"github.com/go-plugin-lint/go-plugin-lint/internal/fileclass"
)

//go:embed doc.go
var doc string

// Config holds the analyzer's settings; each field is also a flag.
type Config struct {
	// Contracts lists extra contracts by fully qualified name.
	Contracts contracts.Names
	// TestDoubles reports interfaces implemented only by test doubles
	// (flag test-doubles); when false, test doubles count as implementations.
	TestDoubles bool
	// WholeProgram says the run is the whole program (flag whole-program):
	// the extension-point exemptions for libraries are off.
	WholeProgram bool
}

// Default returns the settings most users want.
func Default() Config { return Config{TestDoubles: true} }

// Analyzer is the analyzer with default settings, bound to the command's flags.
var Analyzer = New(Default())

// New builds an analyzer whose flags are bound to a private copy of cfg.
func New(cfg Config) *analysis.Analyzer {
	c := cfg
	c.Contracts = append(contracts.Names(nil), cfg.Contracts...)
	a := &analysis.Analyzer{
		Name:       "redundantiface",
		Doc:        docs.FromDocGo("redundantiface", doc),
		URL:        docs.URL("redundantiface"),
		Requires:   []*analysis.Analyzer{contracts.Analyzer},
		ResultType: reflect.TypeFor[*Result](),
		Run:        func(pass *analysis.Pass) (any, error) { return run(pass, c) },
	}
	a.Flags.Init("redundantiface", flag.ContinueOnError)
	a.Flags.Var(&c.Contracts, "contracts", "comma-separated fully qualified names of extra contract interfaces (pkg/path.Name)")
	a.Flags.BoolVar(&c.TestDoubles, "test-doubles", c.TestDoubles, "report interfaces implemented only by test doubles (test files, generated mocks)")
	a.Flags.BoolVar(&c.WholeProgram, "whole-program", c.WholeProgram, "the run is the whole program: report exported interfaces that the API accepts or hands out too")
	return a
}

func run(pass *analysis.Pass, cfg Config) (any, error) {
	cr, _ := pass.ResultOf[contracts.Analyzer].(*contracts.Result)
	if cr == nil {
		return nil, nil
	}
	cr = cr.With(pass.Pkg, cfg.Contracts)
	files := fileclass.NewIndex(pass.Fset, pass.Files)
	r := &Result{Path: pass.Pkg.Path(), Config: cfg}
	collectDecls(pass, files, cr, r)
	api := collectAPI(pass.Pkg)
	u := collectUses(pass)
	for _, it := range r.Ifaces {
		// Values asserted to an interface may be of any type of the
		// program, not only this package's: the run-wide tier decides.
		it.Local = !api.leaked[it.Key] && (!it.Exported || it.Main) && !u.asserted[it.Key]
	}

	r.Used = sortedKeys(u.used)
	r.Accepted = sortedKeys(api.accepted)
	r.Exposed = sortedKeys(api.exposed)
	r.AssertTargets = sortedKeys(u.asserted)
	r.AssertedMethods = sortedKeys(u.assertedIDs)
	r.Constraints = sortedKeys(u.constraints)
	r.Implemented = sortedKeys(u.implemented)
	for _, tn := range cr.Asserted {
		r.Contracts = append(r.Contracts, qualified(tn))
	}
	var imported []types.Type // built on first use: most packages declare no interface
	for _, it := range r.Ifaces {
		if it.Generated {
			continue
		}
		if imported == nil {
			imported = importedConcrete(pass.Pkg)
		}
		if importImplements(pass.Pkg, imported, it) {
			r.Implemented = append(r.Implemented, it.Key)
		}
	}
	if cfg.WholeProgram {
		r.Implemented = append(r.Implemented, depsImplement(pass.Pkg, u.assertedTypes)...)
	}
	sort.Strings(r.Implemented)
	r.Implemented = dedup(r.Implemented)

	reportLocal(pass, r)
	return r, nil
}

// importedConcrete lists the non-generic, non-interface named types that
// pkg's direct imports declare, for importImplements.
func importedConcrete(pkg *types.Package) []types.Type {
	out := []types.Type{}
	for _, imp := range pkg.Imports() {
		scope := imp.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || types.IsInterface(tn.Type()) {
				continue
			}
			if named, ok := tn.Type().(*types.Named); ok && named.TypeParams().Len() > 0 {
				continue
			}
			out = append(out, tn.Type())
		}
	}
	return out
}

// importImplements reports whether a type declared in a direct import
// (one of imported) implements it (a flusher interface that *bufio.Writer
// satisfies): such a type counts even where the package never converts
// one.
func importImplements(pkg *types.Package, imported []types.Type, it *Iface) bool {
	if it.Generic || len(it.Methods) == 0 {
		return false
	}
	obj := pkg.Scope().Lookup(it.Name)
	if obj == nil {
		return false
	}
	iface, ok := obj.Type().Underlying().(*types.Interface)
	if !ok {
		return false
	}
	for _, t := range imported {
		if types.Implements(t, iface) || types.Implements(types.NewPointer(t), iface) {
			return true
		}
	}
	return false
}

// reportLocal is the per-package tier: it judges the interfaces no other
// package can see (unexported, or in package main, and never mentioned by
// the exported API), whose implementers and callers must all be here.
func reportLocal(pass *analysis.Pass, r *Result) {
	w := newWorld(r.Config)
	w.addResult(r)
	impls, selected := scanTests(pass)
	for _, impl := range impls {
		w.addImpl(impl)
	}
	addAll(w.usedNames, selected)
	for _, it := range r.Ifaces {
		w.siblings[r.Path] = append(w.siblings[r.Path], it.Name)
	}
	for _, it := range r.Ifaces {
		if !it.Local {
			continue
		}
		for _, d := range w.judge(it, r.Path) {
			pass.Report(d)
		}
	}
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// depsImplement returns the keys of the asserted interfaces that a type of
// some dependency implements, however deep (a netConner satisfied by
// *tls.Conn, whose values reach the package as net.Conn). Only whole-program
// mode needs it: otherwise asserted interfaces are exempt anyway.
func depsImplement(pkg *types.Package, asserted map[string]*types.Interface) []string {
	if len(asserted) == 0 {
		return nil
	}
	keys := sortedKeys(boolSet(asserted))
	found := map[string]bool{}
	seen := map[*types.Package]bool{}
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		if seen[p] || len(found) == len(keys) {
			return
		}
		seen[p] = true
		scope := p.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() || types.IsInterface(tn.Type()) {
				continue
			}
			if named, ok := tn.Type().(*types.Named); !ok || named.TypeParams().Len() > 0 {
				continue
			}
			for _, k := range keys {
				if !found[k] && (types.Implements(tn.Type(), asserted[k]) || types.Implements(types.NewPointer(tn.Type()), asserted[k])) {
					found[k] = true
				}
			}
		}
		for _, imp := range p.Imports() {
			visit(imp)
		}
	}
	// The package's own types (test doubles among them) are in its result.
	seen[pkg] = true
	for _, imp := range pkg.Imports() {
		visit(imp)
	}
	return sortedKeys(found)
}

func boolSet[V any](m map[string]V) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}

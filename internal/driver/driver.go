// Package driver runs the suite's analyzers over the packages of a run in
// dependency order, type-checking each package just before its analysis
// and dropping a dependency's syntax and type information right after.
//
// Why not golang.org/x/tools/go/analysis/checker over a go/packages
// LoadAllSyntax load: that load holds the syntax trees and types.Info of
// every package at once, and the peak of a run was the whole dependency
// graph in memory. Here a dependency lives as syntax only while it is being
// analysed; afterwards only its *types.Package and the facts exported on
// it remain. The packages the user asked for (the roots) keep their types
// and results for the run-wide step, and their syntax unless an AfterRoot
// hook takes what it needs from it first (the command keeps comments and
// declaration spans, for directives and baseline keys).
//
// Semantics follow the checker's: every analyzer runs on every root; on a
// dependency only the analyzers that use facts run, with what they
// require; an analyzer is skipped on a package with errors unless it runs
// despite errors; an action whose prerequisite failed fails; facts flow
// from a package to its importers.
package driver

import (
	"fmt"
	"go/token"
	"go/types"
	"iter"
	"reflect"
	"runtime"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/go-plugin-lint/go-plugin-lint/internal/load"
)

// An Action is one analyzer applied to one package.
type Action struct {
	Analyzer *analysis.Analyzer
	Package  *packages.Package
	// Deps are the actions it needed: what its analyzer requires, on the
	// same package, and the same analyzer on imports when it uses facts.
	Deps []*Action
	Err  error
	// Result and Diagnostics are kept for roots only.
	Result      any
	Diagnostics []analysis.Diagnostic
}

// Graph is the outcome of a run.
type Graph struct {
	Roots    []*Action           // every analyzer on every root, by package then analyzer
	Packages []*packages.Package // the roots
	all      []*Action
}

// All yields every action, the dependencies' included.
func (g *Graph) All() iter.Seq[*Action] {
	return func(yield func(*Action) bool) {
		for _, a := range g.all {
			if !yield(a) {
				return
			}
		}
	}
}

// Options tune a run; the zero value keeps every root's syntax to the end.
type Options struct {
	// AfterRoot, when set, is called once a root's analysis is done,
	// from the goroutine that analysed it, possibly concurrently with
	// other calls. The root's syntax is dropped when it returns: it takes
	// from p.Syntax what it needs later.
	AfterRoot func(p *packages.Package)
}

// Run loads the packages matching patterns and analyses them. The error
// is for a failed load; analysis failures are in the actions.
func Run(fset *token.FileSet, cfg load.Config, analyzers []*analysis.Analyzer, opts Options, patterns ...string) (*Graph, error) {
	roots, err := load.Metadata(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	return Analyze(load.NewChecker(fset, cfg, roots), analyzers, roots, opts), nil
}

// node is the state of one package during a run.
type node struct {
	pkg     *packages.Package
	root    bool
	done    chan struct{}
	actions map[*analysis.Analyzer]*Action
	// holders are the packages with facts that pkg imports, transitively:
	// whose facts its passes see.
	holders map[*types.Package]bool
}

// Analyze type-checks and analyses roots and their dependencies, up to
// GOMAXPROCS packages at a time.
func Analyze(checker *load.Checker, analyzers []*analysis.Analyzer, roots []*packages.Package, opts Options) *Graph {
	order, onDeps := plan(analyzers)
	r := &run{checker: checker, opts: opts, order: order, onDeps: onDeps, facts: newFactStore(), nodes: map[*packages.Package]*node{}}
	var all []*node
	for _, p := range roots {
		r.nodes[p] = &node{pkg: p, root: true}
	}
	packages.Visit(roots, nil, func(p *packages.Package) {
		n := r.nodes[p]
		if n == nil {
			n = &node{pkg: p}
			r.nodes[p] = n
		}
		n.done = make(chan struct{})
		all = append(all, n) // post-order: imports before importers
	})

	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for _, n := range all {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(n.done)
			for _, imp := range n.pkg.Imports {
				<-r.nodes[imp].done
			}
			sem <- struct{}{}
			defer func() { <-sem }()
			r.process(n)
		}()
	}
	wg.Wait()

	g := &Graph{Packages: roots}
	for _, n := range all {
		for _, a := range order {
			if act := n.actions[a]; act != nil {
				g.all = append(g.all, act)
			}
		}
	}
	for _, p := range roots {
		for _, a := range order {
			g.Roots = append(g.Roots, r.nodes[p].actions[a])
		}
	}
	return g
}

// plan orders analyzers so that each comes after what it requires, and
// picks those that run on dependencies: users of facts, and what they
// require.
func plan(analyzers []*analysis.Analyzer) (order []*analysis.Analyzer, onDeps map[*analysis.Analyzer]bool) {
	seen := map[*analysis.Analyzer]bool{}
	for _, a := range analyzers {
		withRequired(a, seen, func(a *analysis.Analyzer) { order = append(order, a) })
	}
	onDeps = map[*analysis.Analyzer]bool{}
	for _, a := range order {
		if len(a.FactTypes) > 0 {
			withRequired(a, onDeps, func(*analysis.Analyzer) {})
		}
	}
	return order, onDeps
}

// withRequired marks a and what it requires, transitively, in seen, and
// calls f on each newly marked analyzer after its requirements.
func withRequired(a *analysis.Analyzer, seen map[*analysis.Analyzer]bool, f func(*analysis.Analyzer)) {
	if seen[a] {
		return
	}
	seen[a] = true
	for _, req := range a.Requires {
		withRequired(req, seen, f)
	}
	f(a)
}

type run struct {
	checker *load.Checker
	opts    Options
	order   []*analysis.Analyzer
	onDeps  map[*analysis.Analyzer]bool
	facts   *factStore
	nodes   map[*packages.Package]*node // written before the goroutines start
}

// process type-checks and analyses one package, then releases what is
// no longer needed.
func (r *run) process(n *node) {
	r.checker.Check(n.pkg)
	n.holders = r.factHolders(n.pkg)
	n.actions = map[*analysis.Analyzer]*Action{}
	for _, a := range r.order {
		if n.root || r.onDeps[a] {
			n.actions[a] = r.exec(n, a)
		}
	}
	switch {
	case n.root && r.opts.AfterRoot != nil:
		r.opts.AfterRoot(n.pkg)
		load.Release(n.pkg)
	case n.root:
		n.pkg.TypesInfo = nil // nothing after the analysis reads it
	default:
		load.Release(n.pkg)
		for _, act := range n.actions {
			act.Result, act.Diagnostics = nil, nil
		}
	}
}

func (r *run) exec(n *node, a *analysis.Analyzer) *Action {
	act := &Action{Analyzer: a, Package: n.pkg}
	for _, req := range a.Requires {
		act.Deps = append(act.Deps, n.actions[req])
	}
	if len(a.FactTypes) > 0 {
		for _, imp := range sortedImports(n.pkg) {
			if dep := r.nodes[imp].actions[a]; dep != nil {
				act.Deps = append(act.Deps, dep)
			}
		}
	}
	var failed []string
	for _, dep := range act.Deps {
		if dep.Err != nil {
			failed = append(failed, dep.Analyzer.Name+"@"+dep.Package.PkgPath)
		}
	}
	switch {
	case len(failed) > 0:
		act.Err = fmt.Errorf("failed prerequisites: %v", failed)
		return act
	case n.pkg.IllTyped && !a.RunDespiteErrors:
		act.Err = fmt.Errorf("analysis skipped due to errors in package")
		return act
	}

	resultOf := map[*analysis.Analyzer]any{}
	for _, req := range a.Requires {
		resultOf[req] = n.actions[req].Result
	}
	pass := &analysis.Pass{
		Analyzer:     a,
		Fset:         n.pkg.Fset,
		Files:        n.pkg.Syntax,
		OtherFiles:   n.pkg.OtherFiles,
		IgnoredFiles: n.pkg.IgnoredFiles,
		Pkg:          n.pkg.Types,
		TypesInfo:    n.pkg.TypesInfo,
		TypesSizes:   n.pkg.TypesSizes,
		TypeErrors:   n.pkg.TypeErrors,
		Module:       module(n.pkg),
		ResultOf:     resultOf,
		Report:       func(d analysis.Diagnostic) { act.Diagnostics = append(act.Diagnostics, d) },
		ReadFile:     readFile(n.pkg),
	}
	r.facts.bind(pass, n.holders)
	act.Result, act.Err = a.Run(pass)
	if act.Err == nil && a.ResultType != nil && reflect.TypeOf(act.Result) != a.ResultType {
		act.Err = fmt.Errorf("internal error: on package %s, analyzer %s returned a result of type %v, but declared ResultType %v",
			n.pkg.PkgPath, a.Name, reflect.TypeOf(act.Result), a.ResultType)
	}
	return act
}

func module(p *packages.Package) *analysis.Module {
	if p.Module == nil {
		return nil
	}
	return &analysis.Module{Path: p.Module.Path, Version: p.Module.Version, GoVersion: p.Module.GoVersion}
}

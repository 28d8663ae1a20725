package redundantiface

import (
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/go-plugin-lint/go-plugin-lint/internal/runwide"
)

// Correlate is the run-wide tier: it merges what every package of the run
// declares, implements and uses, and judges the interfaces the per-package
// tier left alone (exported ones, and unexported ones the exported API
// mentions). Implementers are matched to interfaces by method names and
// signatures, so a plugin package main that never imports the host still
// implements the host's interface.
//
// A package and its test variant both appear in the run; interfaces and
// types are merged by qualified name, and the first package (by ID: the
// plain variant sorts before "p [p.test]") supplies the position.
func Correlate(run *runwide.Run) []analysis.Diagnostic {
	if run == nil {
		return nil
	}
	var results []*Result
	for _, p := range run.Packages {
		if r, ok := p.Result.(*Result); ok && r != nil {
			results = append(results, r)
		}
	}
	if len(results) == 0 {
		return nil
	}
	w := newWorld(results[0].Config)
	seenImpl := map[string]bool{}
	type declared struct {
		it   *Iface
		path string
	}
	var ifaces []declared
	seenIface := map[string]bool{}
	for _, r := range results {
		w.addSets(r)
		for _, impl := range r.Impls {
			// A type seen from a package and its test variant is one type,
			// declared in the same file in both: its key alone dedups.
			if seenImpl[impl.Key] {
				continue
			}
			seenImpl[impl.Key] = true
			w.addImpl(impl)
		}
		for _, it := range r.Ifaces {
			if seenIface[it.Key] {
				continue
			}
			seenIface[it.Key] = true
			w.siblings[r.Path] = append(w.siblings[r.Path], it.Name)
			if it.Contract {
				w.contracts[it.Key] = true
			}
			ifaces = append(ifaces, declared{it, r.Path})
		}
	}
	if w.cfg.WholeProgram {
		w.deep = deepImplements(run)
	}
	var out []analysis.Diagnostic
	for _, d := range ifaces {
		if d.it.Local {
			continue // judged by the per-package tier
		}
		out = append(out, w.judge(d.it, d.path)...)
	}
	runwide.Sort(run.Fset, out)
	return out
}

// deepImplements returns a function that reports whether a type declared
// anywhere in the dependencies of the run's packages implements an
// interface. Values asserted to an optional-behaviour interface may be of
// any type of the program (a netConner satisfied by *tls.Conn, whose values
// arrive as net.Conn from a package that imports crypto/tls), so in
// whole-program mode the run-wide tier looks through the whole import graph
// before it calls such an interface unimplemented. The packages are
// gathered once, lazily, in path order.
func deepImplements(run *runwide.Run) func(it *Iface) bool {
	var all []*types.Package
	byPath := map[string]*types.Package{}
	gather := func() {
		seen := map[*types.Package]bool{}
		var visit func(p *types.Package)
		visit = func(p *types.Package) {
			if p == nil || seen[p] {
				return
			}
			seen[p] = true
			all = append(all, p)
			for _, imp := range p.Imports() {
				visit(imp)
			}
		}
		for _, p := range run.Packages {
			if p.Types != nil && !strings.Contains(p.ID, " [") {
				byPath[p.Path] = p.Types
			}
			visit(p.Types)
		}
		sort.SliceStable(all, func(i, j int) bool { return all[i].Path() < all[j].Path() })
	}
	return func(it *Iface) bool {
		if all == nil {
			gather()
		}
		path := strings.TrimSuffix(it.Key, "."+it.Name)
		pkg := byPath[path]
		if pkg == nil {
			return false
		}
		tn, ok := pkg.Scope().Lookup(it.Name).(*types.TypeName)
		if !ok {
			return false
		}
		iface, ok := tn.Type().Underlying().(*types.Interface)
		if !ok {
			return false
		}
		for _, p := range all {
			scope := p.Scope()
			for _, name := range scope.Names() {
				cand, ok := scope.Lookup(name).(*types.TypeName)
				if !ok || cand.IsAlias() || types.IsInterface(cand.Type()) {
					continue
				}
				if named, ok := cand.Type().(*types.Named); !ok || named.TypeParams().Len() > 0 {
					continue
				}
				if types.Implements(cand.Type(), iface) || types.Implements(types.NewPointer(cand.Type()), iface) {
					return true
				}
			}
		}
		return false
	}
}

package redundantiface

import (
	"sort"

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
	var out []analysis.Diagnostic
	for _, d := range ifaces {
		if d.it.Local {
			continue // judged by the per-package tier
		}
		out = append(out, w.judge(d.it, d.path)...)
	}
	sort.SliceStable(out, func(i, j int) bool {
		pi, pj := run.Fset.Position(out[i].Pos), run.Fset.Position(out[j].Pos)
		if pi.Filename != pj.Filename {
			return pi.Filename < pj.Filename
		}
		if pi.Offset != pj.Offset {
			return pi.Offset < pj.Offset
		}
		return out[i].Message < out[j].Message
	})
	return out
}

package abidrift

import (
	"fmt"
	"go/token"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/go-plugin-lint/go-plugin-lint/analyzers/abidrift/baseline"
	"github.com/go-plugin-lint/go-plugin-lint/internal/runwide"
)

// Correlate is the run-wide step: packages of the baseline missing from
// the run, the native-plugin note on changed shared packages, and the
// semantic-version summary of the whole run.
func Correlate(run *runwide.Run) []analysis.Diagnostic {
	// One result per package path: a package and its test variant carry
	// the same changes (test-file declarations are left out).
	var results []*Result
	seen := map[string]bool{}
	paths := map[string]bool{}
	for _, p := range run.Packages {
		paths[p.Path] = true
		res, ok := p.Result.(*Result)
		if !ok || res == nil || res.Baseline == nil || seen[res.Path] {
			continue
		}
		seen[res.Path] = true
		results = append(results, res)
	}
	if len(results) == 0 {
		return nil
	}
	base := results[0].Baseline
	// The summary goes to the first package clause of the run, preferably
	// of a package the baseline records.
	at := token.NoPos
	for _, r := range results {
		if r.Pos.IsValid() && (!at.IsValid() || base.Package(r.Path) != nil) {
			at = r.Pos
			if base.Package(r.Path) != nil {
				break
			}
		}
	}
	var out []analysis.Diagnostic
	breaking, layout, compatible := 0, 0, 0
	for _, p := range base.Packages {
		if !paths[p.Path] {
			breaking++
			if at.IsValid() {
				out = append(out, analysis.Diagnostic{Pos: at, Category: baseline.ClassBreaking,
					Message: fmt.Sprintf("breaking: package %s removed since the baseline: code that imports it no longer compiles", p.Path)})
			}
		}
	}
	shared := sharedPackages(results)
	for _, r := range results {
		breaking += r.Count(baseline.ClassBreaking)
		layout += r.Count(baseline.ClassLayout)
		compatible += r.Count(baseline.ClassCompatible)
		if who := shared[r.Path]; len(who) > 0 && len(r.Changes) > 0 && r.Pos.IsValid() {
			out = append(out, analysis.Diagnostic{Pos: r.Pos, Category: "plugin",
				Message: fmt.Sprintf("plugin: package %s changed since the baseline and is shared by a host and native plugins (%s): rebuild every plugin, since plugin.Open rejects a plugin whose copy of a shared package differs from the host's", r.Path, strings.Join(who, ", "))})
		}
	}
	all := results[0].All
	if at.IsValid() && (breaking+layout > 0 || all && compatible > 0) {
		module := base.Module
		if module == "" {
			module = results[0].ModulePath
		}
		out = append(out, analysis.Diagnostic{Pos: at, Category: "summary",
			Message: fmt.Sprintf("summary: %d breaking, %d layout, %d compatible changes since the baseline: %s",
				breaking, layout, compatible, Bump(module, base.ModuleVersion, breaking > 0, compatible > 0, layout > 0))})
	}
	return out
}

// sharedPackages returns, for each package of the run shared between a
// host and native plugins, who shares it: the plugin main packages that
// import it, and the hosts that assert plugin symbols to its interfaces.
func sharedPackages(results []*Result) map[string][]string {
	shared := map[string][]string{}
	for _, r := range results {
		if r.PluginMain {
			for _, imp := range r.Imports {
				shared[imp] = append(shared[imp], "plugin "+r.Path)
			}
		}
		for _, a := range r.Asserted {
			if a != r.Path {
				shared[a] = append(shared[a], "host "+r.Path)
			}
		}
	}
	for k, v := range shared {
		sort.Strings(v)
		shared[k] = v
	}
	return shared
}

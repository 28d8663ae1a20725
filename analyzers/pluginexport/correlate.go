package pluginexport

import (
	"fmt"
	"go/token"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/go-plugin-lint/go-plugin-lint/internal/runwide"
)

// Correlate is the run-wide cross-check, run by the standalone command once
// every package has been analysed. A host and its plugins never import each
// other, so only here can a Lookup be matched with what plugins export:
//
//   - a constant-name Lookup that no plugin of the run exports as a
//     variable or function (reported at the Lookup, with what the plugins
//     declare under that name instead, if anything);
//   - assertions on the looked-up symbol that disagree with a plugin's
//     declaration (reported at the assertion, naming the declaration);
//   - plugins that miss a symbol that every host of the run looks up
//     (reported at the plugin's package clause).
//
// Nothing is reported when the run holds no plugin or no host.
func Correlate(run *runwide.Run) []analysis.Diagnostic {
	if run == nil {
		return nil
	}
	fset := run.Fset
	if fset == nil {
		fset = token.NewFileSet()
	}
	plugins, hosts := split(run)
	if len(plugins) == 0 || len(hosts) == 0 {
		return nil
	}
	var out []analysis.Diagnostic
	for _, h := range hosts {
		for _, l := range h.Lookups {
			out = append(out, checkLookup(fset, plugins, l)...)
		}
	}
	out = append(out, missingEverywhere(fset, plugins, hosts)...)
	runwide.Sort(fset, out)
	return out
}

// split returns the plugin and host results of the run, one per package
// path (a package and its test variant carry the same shipped code; the
// variant whose ID is the path is preferred), sorted by path.
func split(run *runwide.Run) (plugins, hosts []*Result) {
	chosen := map[string]*runwide.Package{}
	for _, p := range run.Packages {
		r, ok := p.Result.(*Result)
		if !ok || r == nil {
			continue
		}
		if prev := chosen[r.Path]; prev == nil || prev.ID != prev.Path && p.ID == p.Path {
			chosen[r.Path] = p
		}
	}
	paths := make([]string, 0, len(chosen))
	for path := range chosen {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	for _, path := range paths {
		r := chosen[path].Result.(*Result)
		if r.Plugin {
			plugins = append(plugins, r)
		}
		if len(r.Lookups) > 0 {
			hosts = append(hosts, r)
		}
	}
	return plugins, hosts
}

// found reports whether plugin.Lookup finds e: an exported, non-generic
// variable or function.
func (e Export) found() bool {
	return (e.Kind == KindVar || e.Kind == KindFunc) && token.IsExported(e.Name)
}

func checkLookup(fset *token.FileSet, plugins []*Result, l Lookup) []analysis.Diagnostic {
	var providers []Export
	var others []string
	for _, p := range plugins {
		e, ok := p.Export(l.Name)
		switch {
		case ok && e.found():
			providers = append(providers, e)
		case ok:
			others = append(others, fmt.Sprintf("plugin %s declares it as %s at %s, which %s", p.Path, article(e), where(fset, e.Pos), whyNotFound(e)))
		}
	}
	if len(providers) == 0 {
		msg := fmt.Sprintf("Lookup(%q) fails for every plugin in this run: none exports %s", l.Name, l.Name)
		if len(others) > 0 {
			msg += "; " + strings.Join(others, "; ")
		} else {
			msg += fmt.Sprintf(" (plugins: %s)", pluginPaths(plugins))
		}
		return []analysis.Diagnostic{{Pos: l.Pos, Message: msg}}
	}
	// Assertions that can never succeed are the per-package rule's.
	asserts := slices.DeleteFunc(slices.Clone(l.Assertions), func(a Assertion) bool { return a.Never })
	if len(asserts) == 0 {
		return nil
	}
	var out []analysis.Diagnostic
	for _, e := range providers {
		// A host that tries several forms (a type switch, a chain of
		// comma-ok assertions) needs only one of them to match.
		if slices.ContainsFunc(asserts, func(a Assertion) bool { return agrees(a, e) }) {
			continue
		}
		a := asserts[0]
		out = append(out, analysis.Diagnostic{Pos: a.Pos, Message: mismatch(fset, a, e)})
	}
	return out
}

// agrees reports whether asserting the symbol of e to a's type succeeds.
func agrees(a Assertion, e Export) bool {
	if !a.Interface {
		return a.Type == e.Symbol
	}
	for _, m := range a.Methods {
		if _, ok := slices.BinarySearch(e.Methods, m); !ok {
			return false
		}
	}
	return true
}

func mismatch(fset *token.FileSet, a Assertion, e Export) string {
	what := "variable"
	if e.Kind == KindFunc {
		what = "function"
	}
	msg := fmt.Sprintf("assertion to %s fails for plugin %s: %s is a %s of type %s (%s), so Lookup gives %s",
		a.Source, e.Pkg, e.Name, what, e.Type, where(fset, e.Pos), e.Symbol)
	switch {
	case e.Kind == KindFunc && a.Interface:
		msg += fmt.Sprintf(", and functions have no methods: assert %s.(%s)", a.Operand, e.SymbolSource)
	case e.Kind == KindFunc:
		msg += fmt.Sprintf(": assert %s.(%s)", a.Operand, e.SymbolSource)
	case e.Local && sameName(a.Type, e.Symbol):
		msg += fmt.Sprintf(": the plugin declares its own %s instead of using %s", typeName(e.Symbol), strings.TrimLeft(a.Type, "*"))
	case e.Local:
		msg += ", whose type the plugin declares itself and no host can name: declare the variable with a type from a package both import"
	case a.Interface && e.Interface:
		msg += fmt.Sprintf(", and a pointer to an interface has no methods: assert *%s.(%s)", a.Operand, e.SymbolSource)
	case a.Interface:
		msg += fmt.Sprintf(", which does not implement %s: assert %s.(%s)", a.Source, a.Operand, e.SymbolSource)
	default:
		msg += fmt.Sprintf(": assert %s.(%s)", a.Operand, e.SymbolSource)
	}
	return msg
}

// sameName reports whether two canonical types end in the same type name.
func sameName(a, b string) bool { return typeName(a) == typeName(b) }

func typeName(s string) string {
	s = strings.TrimLeft(s, "*")
	if i := strings.LastIndex(s, "."); i >= 0 {
		return s[i+1:]
	}
	return s
}

// missingEverywhere reports, for each name that every host of the run
// looks up, the plugins that do not provide it.
func missingEverywhere(fset *token.FileSet, plugins, hosts []*Result) []analysis.Diagnostic {
	var names []string
	for _, l := range hosts[0].Lookups {
		if slices.Contains(names, l.Name) {
			continue
		}
		all := true
		for _, h := range hosts[1:] {
			all = all && h.Looks(l.Name)
		}
		if all {
			names = append(names, l.Name)
		}
	}
	sort.Strings(names)
	var out []analysis.Diagnostic
	for _, p := range plugins {
		if !p.PluginPos.IsValid() {
			continue
		}
		for _, name := range names {
			if e, ok := p.Export(name); ok && e.found() {
				continue
			}
			if !meantFor(p, hosts, name) {
				continue
			}
			first := firstLookup(hosts, name)
			out = append(out, analysis.Diagnostic{
				Pos: p.PluginPos,
				Message: fmt.Sprintf("plugin %s does not export %s, which every host in this run looks up (%s at %s): loading it fails with symbol not found",
					p.Path, name, first.host, where(fset, first.pos)),
			})
		}
	}
	return out
}

// meantFor reports whether plugin p exports some other name that a host
// looks up on the same *plugin.Plugin variable as name.
func meantFor(p *Result, hosts []*Result, name string) bool {
	for _, h := range hosts {
		for _, l := range h.Lookups {
			if l.Name != name || l.Group == 0 {
				continue
			}
			for _, other := range h.Lookups {
				if other.Group != l.Group || other.Name == name {
					continue
				}
				if e, ok := p.Export(other.Name); ok && e.found() {
					return true
				}
			}
		}
	}
	return false
}

type lookupSite struct {
	host string
	pos  token.Pos
}

func firstLookup(hosts []*Result, name string) lookupSite {
	for _, h := range hosts {
		for _, l := range h.Lookups {
			if l.Name == name {
				return lookupSite{h.Path, l.Pos}
			}
		}
	}
	return lookupSite{}
}

func article(e Export) string {
	switch e.Kind {
	case KindConst:
		return "a constant"
	case KindType:
		return "a type"
	case KindGeneric:
		return "a generic function"
	case KindVar:
		return "an unexported variable"
	case KindFunc:
		return "an unexported function"
	}
	return string(e.Kind)
}

func whyNotFound(e Export) string {
	switch e.Kind {
	case KindConst, KindType:
		return "Lookup cannot find (only variables and functions are symbols)"
	case KindGeneric:
		return "Lookup cannot find (generic functions are not symbols)"
	}
	return "Lookup cannot find (only exported names are symbols)"
}

func pluginPaths(plugins []*Result) string {
	paths := make([]string, len(plugins))
	for i, p := range plugins {
		paths[i] = p.Path
	}
	return strings.Join(paths, ", ")
}

// where prints a position as file:line with the file's base name, short
// enough for a one-line message and stable across machines.
func where(fset *token.FileSet, pos token.Pos) string {
	if fset == nil || !pos.IsValid() {
		return "unknown position"
	}
	p := fset.Position(pos)
	return fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
}

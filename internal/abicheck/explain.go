package abicheck

import (
	"debug/buildinfo"
	"fmt"
	"runtime/debug"
	"strings"
)

// settingsThatMatter are the build settings that change package
// fingerprints when they differ, with how to name them. Build tags are
// listed last: they matter only when they select other files of a package.
var settingsThatMatter = []struct{ key, what string }{
	{"-trimpath", "-trimpath"},
	{"-race", "-race"},
	{"-msan", "-msan"},
	{"-asan", "-asan"},
	{"GOEXPERIMENT", "GOEXPERIMENT"},
	{"-gcflags", "-gcflags"},
	{"-asmflags", "-asmflags"},
	{"-buildmode", ""}, // differs by design between host and plugin
	{"CGO_ENABLED", "CGO_ENABLED"},
	{"GOARCH", "GOARCH"},
	{"-tags", "build tags"},
}

// explain says, from the build information of the two files, why package
// pkg has another fingerprint in plugin than in def (the host or an
// earlier plugin, named defName). It names both sides' values.
func explain(pkg string, def, plugin *Artifact, defName string) string {
	a, b := def.Build, plugin.Build
	if a == nil || b == nil {
		return fmt.Sprintf("the package %s differs between the two builds (no Go build information to say why)", pkg)
	}
	if a.GoVersion != b.GoVersion {
		return fmt.Sprintf("different Go toolchains: %s in %s, %s in the plugin", a.GoVersion, defName, b.GoVersion)
	}
	var diffs []string
	for _, s := range settingsThatMatter {
		if s.what == "" {
			continue
		}
		va, vb := setting(a, s.key), setting(b, s.key)
		if va != vb {
			diffs = append(diffs, fmt.Sprintf("%s is %s in %s but %s in the plugin", s.what, show(va), defName, show(vb)))
		}
	}
	if len(diffs) > 0 {
		return strings.Join(diffs, "; ")
	}
	ma, mb := moduleOf(a, pkg), moduleOf(b, pkg)
	if ma != nil && mb != nil && ma.Path == mb.Path && version(ma) != version(mb) {
		return fmt.Sprintf("module %s is %s in %s but %s in the plugin", ma.Path, version(ma), defName, version(mb))
	}
	if ma != nil && mb != nil && ma.Path == mb.Path && ma.Sum != mb.Sum && ma.Sum != "" && mb.Sum != "" {
		return fmt.Sprintf("module %s has checksum %s in %s but %s in the plugin", ma.Path, ma.Sum, defName, mb.Sum)
	}
	if d := depDiffs(a, b, defName); d != "" {
		return fmt.Sprintf("%s (package %s or a package it imports may use it)", d, pkg)
	}
	if ma == nil && mb == nil && isStd(pkg) {
		return fmt.Sprintf("the standard library package %s differs although both builds report %s: the toolchains' GOROOTs differ", pkg, a.GoVersion)
	}
	return fmt.Sprintf("the source of package %s differs between %s and the plugin (Go version, build settings and module versions agree)", pkg, defName)
}

// setting returns the value of a build setting, "" when absent.
func setting(bi *buildinfo.BuildInfo, key string) string {
	for _, s := range bi.Settings {
		if s.Key == key {
			return s.Value
		}
	}
	return ""
}

func show(v string) string {
	if v == "" {
		return "unset"
	}
	return fmt.Sprintf("%q", v)
}

// moduleOf returns the module (main or dependency) whose path is the
// longest prefix of pkg, as the build saw it.
func moduleOf(bi *buildinfo.BuildInfo, pkg string) *debug.Module {
	var best *debug.Module
	consider := func(m *debug.Module) {
		if m == nil || m.Path == "" {
			return
		}
		if pkg == m.Path || strings.HasPrefix(pkg, m.Path+"/") {
			if best == nil || len(m.Path) > len(best.Path) {
				best = m
			}
		}
	}
	consider(&bi.Main)
	for _, d := range bi.Deps {
		consider(d)
	}
	return best
}

// version names a module's version, including its replacement.
func version(m *debug.Module) string {
	v := m.Version
	if v == "" {
		v = "(devel)"
	}
	if r := m.Replace; r != nil {
		to := r.Path
		if r.Version != "" && r.Version != "(devel)" {
			to += "@" + r.Version
		}
		v += " => " + to
	}
	return v
}

// isStd reports whether pkg looks like a standard-library package: no dot
// in its first element.
func isStd(pkg string) bool {
	first, _, _ := strings.Cut(pkg, "/")
	return !strings.Contains(first, ".")
}

// depDiffs names the first dependency, in path order, whose version
// differs between the two builds.
func depDiffs(a, b *buildinfo.BuildInfo, defName string) string {
	bv := map[string]*debug.Module{}
	for _, d := range b.Deps {
		bv[d.Path] = d
	}
	for _, d := range a.Deps {
		if o, ok := bv[d.Path]; ok && version(o) != version(d) {
			return fmt.Sprintf("module %s is %s in %s but %s in the plugin", d.Path, version(d), defName, version(o))
		}
	}
	return ""
}

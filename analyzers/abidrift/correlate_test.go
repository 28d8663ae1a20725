package abidrift_test

import (
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/go-plugin-lint/go-plugin-lint/analyzers/abidrift"
	"github.com/go-plugin-lint/go-plugin-lint/internal/runwide"
)

// correlate runs the pass over a fixture and the run-wide step over the
// packages whose path keep accepts, and returns "file:line: message".
func correlate(t *testing.T, f fixture, keep func(string) bool) []string {
	t.Helper()
	results := analysistest.Run(t, testdata(), analyzer(f), f.name+"/...")
	run := &runwide.Run{}
	for _, r := range results {
		run.Fset = r.Pass.Fset
		if !keep(r.Pass.Pkg.Path()) {
			continue
		}
		run.Packages = append(run.Packages, &runwide.Package{Path: r.Pass.Pkg.Path(), ID: r.Pass.Pkg.Path(), Types: r.Pass.Pkg, Result: r.Result})
	}
	sort.Slice(run.Packages, func(i, j int) bool { return run.Packages[i].ID < run.Packages[j].ID })
	var out []string
	for _, d := range abidrift.Correlate(run) {
		p := run.Fset.Position(d.Pos)
		out = append(out, filepath.Base(p.Filename)+":"+strconv.Itoa(p.Line)+": "+d.Message)
	}
	return out
}

func TestCorrelatePlugin(t *testing.T) {
	got := correlate(t, fixtureNamed(t, "abidrift_plugin"), func(string) bool { return true })
	want := []string{
		"shared.go:2: plugin: package abidrift_plugin/shared changed since the baseline and is shared by a host and native plugins (plugin abidrift_plugin/plug): rebuild every plugin, since plugin.Open rejects a plugin whose copy of a shared package differs from the host's",
		"shared.go:2: summary: 1 breaking, 0 layout, 0 compatible changes since the baseline: a major version bump is required (v1 → v2, module path example.com/abidrift_plugin/v2), or a minor one while the module is below v1",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestCorrelateRemovedPackage(t *testing.T) {
	got := correlate(t, fixtureNamed(t, "abidrift_plugin"), func(path string) bool { return !strings.HasSuffix(path, "/shared") })
	want := []string{
		"plug.go:2: breaking: package abidrift_plugin/shared removed since the baseline: code that imports it no longer compiles",
		"plug.go:2: summary: 1 breaking, 0 layout, 0 compatible changes since the baseline: a major version bump is required (v1 → v2, module path example.com/abidrift_plugin/v2), or a minor one while the module is below v1",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestCorrelateQuiet checks that no summary is given when nothing is
// reported: compatible additions without -abidrift.all, or no change.
func TestCorrelateQuiet(t *testing.T) {
	for _, name := range []string{"abidrift_quiet", "abidrift_nochange"} {
		if got := correlate(t, fixtureNamed(t, name), func(string) bool { return true }); len(got) > 0 {
			t.Errorf("%s: %s", name, strings.Join(got, "\n"))
		}
	}
}

func fixtureNamed(t *testing.T, name string) fixture {
	for _, f := range fixtures {
		if f.name == name {
			return f
		}
	}
	t.Fatalf("no fixture %s", name)
	return fixture{}
}

func TestBump(t *testing.T) {
	for _, tc := range []struct {
		module, version              string
		breaking, compatible, layout bool
		want                         string
	}{
		{"example.com/m", "v1.4.2", true, true, false, "a major version bump is required (v1.4.2 → v2.0.0, module path example.com/m/v2)"},
		{"example.com/m/v2", "v2.0.1", true, false, false, "a major version bump is required (v2.0.1 → v3.0.0, module path example.com/m/v3)"},
		{"example.com/m/v2", "", true, false, false, "a major version bump is required (v2 → v3, module path example.com/m/v3)"},
		{"example.com/m", "v0.3.1", true, false, false, "a minor version bump is required, since the module is below v1 (v0.3.1 → v0.4.0)"},
		{"example.com/m", "", true, false, false, "a major version bump is required (v1 → v2, module path example.com/m/v2), or a minor one while the module is below v1"},
		{"example.com/m", "v1.4.2", false, true, true, "a minor version bump is required (v1.4.2 → v1.5.0)"},
		{"example.com/m", "", false, true, false, "a minor version bump is required"},
		{"example.com/m", "v1.4.2", false, false, true, "a patch version bump suffices (v1.4.2 → v1.4.3) (layout changes do not change the API, but binaries sharing the structs' memory must be rebuilt)"},
		{"example.com/m", "", false, false, false, "a patch version bump suffices"},
	} {
		if got := abidrift.Bump(tc.module, tc.version, tc.breaking, tc.compatible, tc.layout); got != tc.want {
			t.Errorf("Bump(%q, %q, %v, %v, %v) = %q, want %q", tc.module, tc.version, tc.breaking, tc.compatible, tc.layout, got, tc.want)
		}
	}
}

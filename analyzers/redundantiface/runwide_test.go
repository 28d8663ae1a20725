package redundantiface_test

import (
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/go-plugin-lint/go-plugin-lint/analyzers/redundantiface"
	"github.com/go-plugin-lint/go-plugin-lint/internal/runwide"
)

// correlate loads patterns from the GOPATH-layout testdata with their test
// variants, runs a over them as the standalone command does, and returns
// the run-wide step's findings as "file:line: message" lines.
func correlate(t *testing.T, a *analysis.Analyzer, patterns ...string) []string {
	t.Helper()
	fset := token.NewFileSet()
	cfg := &packages.Config{
		Mode:  packages.LoadAllSyntax,
		Tests: true,
		Fset:  fset,
		Dir:   filepath.Join(testdata(), "src"),
		Env:   append(os.Environ(), "GOPATH="+testdata(), "GO111MODULE=off", "GOFLAGS=", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			t.Errorf("%s: %v", p.ID, e)
		}
	})
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	run := &runwide.Run{Fset: fset}
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Errorf("%s: %v", act.Package.ID, act.Err)
		}
		run.Packages = append(run.Packages, &runwide.Package{
			Path: act.Package.PkgPath, ID: act.Package.ID, Types: act.Package.Types, Result: act.Result,
		})
	}
	sort.Slice(run.Packages, func(i, j int) bool { return run.Packages[i].ID < run.Packages[j].ID })
	var out []string
	for _, d := range redundantiface.Correlate(run) {
		p := fset.Position(d.Pos)
		out = append(out, fmt.Sprintf("%s:%d: %s", filepath.ToSlash(relToSrc(p.Filename)), p.Line, d.Message))
	}
	return out
}

func relToSrc(name string) string {
	rel, err := filepath.Rel(filepath.Join(testdata(), "src"), name)
	if err != nil {
		return name
	}
	return rel
}

// expectation is a "// runwide `regexp`" comment: a finding of the
// default run; "// whole" marks the extra findings of -whole-program and
// "// nodoubles" those of -test-doubles=false.
type expectation struct {
	where string // file:line
	re    *regexp.Regexp
}

var expectRE = regexp.MustCompile("// (runwide|whole|nodoubles|pkg) `([^`]*)`")

// expectations reads the expectations of the given kinds from the Go files
// under dir (relative to testdata/src).
func expectations(t *testing.T, dir string, kinds ...string) []expectation {
	t.Helper()
	return expectationsFrom(t, filepath.Join(testdata(), "src"), dir, kinds...)
}

// expectationsIn reads expectations from the Go files under root, naming
// files relative to root.
func expectationsIn(t *testing.T, root string, kinds ...string) []expectation {
	t.Helper()
	return expectationsFrom(t, root, ".", kinds...)
}

func expectationsFrom(t *testing.T, root, dir string, kinds ...string) []expectation {
	t.Helper()
	var out []expectation
	rel := func(name string) string {
		r, err := filepath.Rel(root, name)
		if err != nil {
			return name
		}
		return r
	}
	err := filepath.Walk(filepath.Join(root, dir), func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(data), "\n") {
			for _, m := range expectRE.FindAllStringSubmatch(line, -1) {
				for _, k := range kinds {
					if m[1] == k {
						out = append(out, expectation{
							where: fmt.Sprintf("%s:%d", filepath.ToSlash(rel(path)), i+1),
							re:    regexp.MustCompile(m[2]),
						})
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// check matches findings one to one against expectations.
func check(t *testing.T, got []string, want []expectation) {
	t.Helper()
	used := make([]bool, len(want))
	for _, g := range got {
		where, msg, _ := strings.Cut(g, ": ")
		ok := false
		for i, w := range want {
			if !used[i] && w.where == where && w.re.MatchString(msg) {
				used[i], ok = true, true
				break
			}
		}
		if !ok {
			t.Errorf("unexpected run-wide finding: %s", g)
		}
	}
	for i, w := range want {
		if !used[i] {
			t.Errorf("%s: no run-wide finding matching %q", w.where, w.re)
		}
	}
}

func TestRunWide(t *testing.T) {
	a := redundantiface.New(redundantiface.Default())
	got := correlate(t, a, "redundantiface_xpkg/...")
	check(t, got, expectations(t, "redundantiface_xpkg", "runwide"))
}

func TestRunWideWholeProgram(t *testing.T) {
	cfg := redundantiface.Default()
	cfg.WholeProgram = true
	got := correlate(t, redundantiface.New(cfg), "redundantiface_xpkg/...")
	check(t, got, expectations(t, "redundantiface_xpkg", "runwide", "whole"))
}

func TestRunWideNoTestDoubles(t *testing.T) {
	cfg := redundantiface.Default()
	cfg.TestDoubles = false
	got := correlate(t, redundantiface.New(cfg), "redundantiface_xpkg/...")
	var want []expectation
	for _, e := range expectations(t, "redundantiface_xpkg", "runwide", "nodoubles") {
		if !strings.Contains(e.re.String(), "test doubles") {
			want = append(want, e)
		}
	}
	check(t, got, want)
}

// The per-package tier stays silent on every exported interface of the
// run-wide fixture: only the run-wide step may judge them.
func TestRunWideFixturePerPackageSilent(t *testing.T) {
	analysistest.Run(t, testdata(), redundantiface.New(redundantiface.Default()), "redundantiface_xpkg/...")
}

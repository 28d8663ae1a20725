package pluginexport_test

import (
	"fmt"
	"go/ast"
	"go/token"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/go-plugin-lint/go-plugin-lint/analyzers/pluginexport"
	"github.com/go-plugin-lint/go-plugin-lint/internal/runwide"
)

// runCorrelate loads the fixture packages in GOPATH mode, as analysistest
// does, runs the analyzer over them with the x/tools checker, and returns
// the run-wide step's diagnostics with the loaded files.
func runCorrelate(t *testing.T, a *analysis.Analyzer, patterns ...string) (*token.FileSet, []*ast.File, []analysis.Diagnostic) {
	t.Helper()
	dir := testdata(t)
	fset := token.NewFileSet()
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  dir,
		Fset: fset,
		Env:  append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOWORK=off", "GOPROXY=off"),
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, p := range pkgs {
		for _, e := range p.Errors {
			t.Fatalf("%s: %v", p.PkgPath, e)
		}
		files = append(files, p.Syntax...)
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	run := &runwide.Run{Fset: fset}
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Fatalf("%s: %v", act.Package.PkgPath, act.Err)
		}
		run.Packages = append(run.Packages, &runwide.Package{Path: act.Package.PkgPath, ID: act.Package.ID, Types: act.Package.Types, Result: act.Result})
	}
	sort.Slice(run.Packages, func(i, j int) bool { return run.Packages[i].ID < run.Packages[j].ID })
	return fset, files, pluginexport.Correlate(run)
}

var wantrunRE = regexp.MustCompile("wantrun((?: `[^`]*`)+)")
var backquoted = regexp.MustCompile("`([^`]*)`")

// checkWantrun matches diagnostics with the `// wantrun "re"...` comments
// on their lines, the way analysistest matches `// want`.
func checkWantrun(t *testing.T, fset *token.FileSet, files []*ast.File, diags []analysis.Diagnostic) {
	t.Helper()
	type key struct {
		file string
		line int
	}
	want := map[key][]*regexp.Regexp{}
	for _, f := range files {
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				m := wantrunRE.FindStringSubmatch(c.Text)
				if m == nil {
					continue
				}
				p := fset.Position(c.Pos())
				for _, q := range backquoted.FindAllStringSubmatch(m[1], -1) {
					want[key{p.Filename, p.Line}] = append(want[key{p.Filename, p.Line}], regexp.MustCompile(q[1]))
				}
			}
		}
	}
	for _, d := range diags {
		p := fset.Position(d.Pos)
		k := key{p.Filename, p.Line}
		found := false
		for i, re := range want[k] {
			if re.MatchString(d.Message) {
				want[k] = append(want[k][:i], want[k][i+1:]...)
				found = true
				break
			}
		}
		if !found {
			t.Errorf("%s: unexpected run-wide diagnostic: %s", p, d.Message)
		}
	}
	var missing []string
	for k, res := range want {
		for _, re := range res {
			missing = append(missing, fmt.Sprintf("%s:%d: no run-wide diagnostic matching %q", k.file, k.line, re))
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Error(strings.Join(missing, "\n"))
	}
}

func TestCorrelate(t *testing.T) {
	fset, files, diags := runCorrelate(t, pluginexport.New(pluginexport.Default()), "pluginexport_xcheck/...")
	checkWantrun(t, fset, files, diags)

	// Deterministic: a second run gives the same messages in the same order.
	_, _, again := runCorrelate(t, pluginexport.New(pluginexport.Default()), "pluginexport_xcheck/...")
	if len(again) != len(diags) {
		t.Fatalf("second run: %d diagnostics, first %d", len(again), len(diags))
	}
	for i := range diags {
		if diags[i].Message != again[i].Message {
			t.Errorf("diagnostic %d differs between runs:\n%s\n%s", i, diags[i].Message, again[i].Message)
		}
	}
}

func TestCorrelateNeedsBothSides(t *testing.T) {
	// Hosts alone (no plugin in the run) and plugins alone: nothing to say.
	for _, pattern := range []string{"pluginexport_xcheck/host", "pluginexport_xcheck/pvar"} {
		if _, _, diags := runCorrelate(t, pluginexport.New(pluginexport.Default()), pattern); len(diags) > 0 {
			t.Errorf("%s: unexpected run-wide diagnostics: %v", pattern, diags[0].Message)
		}
	}
	if diags := pluginexport.Correlate(nil); diags != nil {
		t.Errorf("Correlate(nil) = %v", diags)
	}
	if diags := pluginexport.Correlate(&runwide.Run{Packages: []*runwide.Package{{Path: "x", ID: "x"}}}); diags != nil {
		t.Errorf("Correlate with nil results = %v", diags)
	}
}

func TestCorrelateKindsOfPlugins(t *testing.T) {
	fset, files, diags := runCorrelate(t, pluginexport.New(pluginexport.Default()), "pluginexport_xcheck2/...")
	checkWantrun(t, fset, files, diags)
}

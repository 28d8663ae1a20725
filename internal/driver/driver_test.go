package driver_test

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/go-plugin-lint/go-plugin-lint/analyzers"
	"github.com/go-plugin-lint/go-plugin-lint/internal/driver"
	"github.com/go-plugin-lint/go-plugin-lint/internal/load"
)

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// marked is a fact on functions whose doc says "// marked".
type marked struct{}

func (*marked) AFact()         {}
func (*marked) String() string { return "marked" }

// markers exports a fact on every function documented "marked", and
// reports the calls of a marked function of another package.
var markers = &analysis.Analyzer{
	Name:      "markers",
	Doc:       "markers: test",
	FactTypes: []analysis.Fact{new(marked)},
	Run: func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			for _, d := range f.Decls {
				if fn, ok := d.(*ast.FuncDecl); ok && fn.Doc != nil && strings.Contains(fn.Doc.Text(), "marked") {
					pass.ExportObjectFact(pass.TypesInfo.Defs[fn.Name], new(marked))
				}
			}
			ast.Inspect(f, func(n ast.Node) bool {
				if sel, ok := n.(*ast.SelectorExpr); ok {
					if obj := pass.TypesInfo.Uses[sel.Sel]; obj != nil && pass.ImportObjectFact(obj, new(marked)) {
						pass.Reportf(sel.Pos(), "call of marked %s", obj.Name())
					}
				}
				return true
			})
		}
		return len(pass.AllObjectFacts()), nil
	},
	ResultType: reflect.TypeFor[int](),
}

// seen records the packages each analyzer ran on.
type seen map[string][]string

func (s seen) analyzer(name string, requires ...*analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{Name: name, Doc: name + ": test", Requires: requires,
		Run: func(pass *analysis.Pass) (any, error) {
			s[name] = append(s[name], pass.Pkg.Path())
			return nil, nil
		}}
}

const twoPackages = `-- go.mod --
module example.com/m

go 1.26
-- a/a.go --
package a

// Hook is marked.
func Hook() {}

func Plain() {}
-- b/b.go --
package b

import "example.com/m/a"

func Use() {
	a.Hook()
	a.Plain()
}
`

func parseArchive(s string) map[string]string {
	files := map[string]string{}
	var name string
	for _, line := range strings.SplitAfter(s, "\n") {
		if strings.HasPrefix(line, "-- ") && strings.HasSuffix(line, " --\n") {
			name = strings.TrimSuffix(strings.TrimPrefix(line, "-- "), " --\n")
			continue
		}
		files[name] += line
	}
	return files
}

func TestFactsFlowAndDependenciesAreReleased(t *testing.T) {
	dir := writeFiles(t, parseArchive(twoPackages))
	s := seen{}
	plain := s.analyzer("plain")
	g, err := driver.Run(token.NewFileSet(), load.Config{Dir: dir}, []*analysis.Analyzer{markers, plain}, driver.Options{}, "./b")
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Packages) != 1 || g.Packages[0].PkgPath != "example.com/m/b" {
		t.Fatalf("roots %v, want example.com/m/b", g.Packages)
	}
	var diags []string
	for _, act := range g.Roots {
		if act.Err != nil {
			t.Errorf("%s: %v", act.Analyzer.Name, act.Err)
		}
		for _, d := range act.Diagnostics {
			diags = append(diags, d.Message)
		}
		if act.Analyzer == markers && act.Result != 1 {
			t.Errorf("AllObjectFacts in b saw %v facts, want a.Hook's 1", act.Result)
		}
	}
	if !slices.Equal(diags, []string{"call of marked Hook"}) {
		t.Errorf("diagnostics %q, want the call of a.Hook only (a fact exported in a dependency)", diags)
	}
	if !slices.Equal(s["plain"], []string{"example.com/m/b"}) {
		t.Errorf("an analyzer without facts ran on %v, want the root only", s["plain"])
	}
	root := g.Packages[0]
	if len(root.Syntax) == 0 {
		t.Error("the root lost its syntax")
	}
	dep := root.Imports["example.com/m/a"]
	if dep.Syntax != nil || dep.TypesInfo != nil {
		t.Error("the dependency's syntax and type information were kept after its analysis")
	}
	if dep.Types == nil || dep.Types.Scope().Lookup("Hook") == nil {
		t.Error("the dependency's types were dropped")
	}
	for act := range g.All() {
		if act.Package == dep && (act.Result != nil || act.Diagnostics != nil) {
			t.Errorf("%s on the dependency kept its result or diagnostics", act.Analyzer.Name)
		}
	}
}

func TestErrorsSkipAndPropagate(t *testing.T) {
	files := parseArchive(twoPackages)
	files["a/a.go"] += "\nvar broken int = \"not an int\"\n"
	dir := writeFiles(t, files)
	s := seen{}
	tolerant := s.analyzer("tolerant")
	tolerant.RunDespiteErrors = true
	needsMarkers := s.analyzer("needsmarkers", markers)
	g, err := driver.Run(token.NewFileSet(), load.Config{Dir: dir}, []*analysis.Analyzer{needsMarkers, tolerant}, driver.Options{}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for act := range g.All() {
		msg := "ok"
		if act.Err != nil {
			msg = act.Err.Error()
		}
		got[act.Analyzer.Name+" "+act.Package.PkgPath] = msg
	}
	want := map[string]string{
		"markers example.com/m/a":      "analysis skipped due to errors in package",
		"needsmarkers example.com/m/a": "failed prerequisites: [markers@example.com/m/a]",
		"tolerant example.com/m/a":     "ok",
		// b is ill-typed through its import; markers' own
		// prerequisite, markers on a, failed first.
		"markers example.com/m/b":      "failed prerequisites: [markers@example.com/m/a]",
		"needsmarkers example.com/m/b": "failed prerequisites: [markers@example.com/m/b]",
		"tolerant example.com/m/b":     "ok",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("actions:\n%v\nwant\n%v", got, want)
	}
	a := g.Packages[0]
	if a.PkgPath != "example.com/m/a" || !a.IllTyped || len(a.TypeErrors) != 1 {
		t.Errorf("package a: ill-typed %v, type errors %v; want one type error", a.IllTyped, a.TypeErrors)
	}
}

// TestSameFindingsAsChecker runs the whole suite over the examples module
// with the driver and with x/tools' checker over a full load: the findings
// must be the same.
func TestSameFindingsAsChecker(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the examples module twice")
	}
	dir, err := filepath.Abs("../../examples")
	if err != nil {
		t.Fatal(err)
	}
	cfg := load.Config{Dir: dir, Tests: true}
	suite := analyzers.Analyzers(analyzers.Suite())

	fset := token.NewFileSet()
	g, err := driver.Run(fset, cfg, suite, driver.Options{}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	var viaDriver []string
	for _, act := range g.Roots {
		viaDriver = append(viaDriver, describe(fset, act.Analyzer, act.Package.ID, act.Err, act.Diagnostics)...)
	}

	cfset := token.NewFileSet()
	pkgs, err := load.Packages(cfset, cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	cg, err := checker.Analyze(suite, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var viaChecker []string
	for _, act := range cg.Roots {
		viaChecker = append(viaChecker, describe(cfset, act.Analyzer, act.Package.ID, act.Err, act.Diagnostics)...)
	}
	sort.Strings(viaDriver)
	sort.Strings(viaChecker)
	if len(viaDriver) == 0 {
		t.Fatal("no findings on the examples module")
	}
	if !slices.Equal(viaDriver, viaChecker) {
		t.Errorf("driver:\n%s\nchecker:\n%s", strings.Join(viaDriver, "\n"), strings.Join(viaChecker, "\n"))
	}
}

func describe(fset *token.FileSet, a *analysis.Analyzer, id string, err error, diags []analysis.Diagnostic) []string {
	if err != nil {
		return []string{fmt.Sprintf("%s %s: error %v", id, a.Name, err)}
	}
	var out []string
	for _, d := range diags {
		out = append(out, fmt.Sprintf("%s %s %s: %s", id, a.Name, fset.Position(d.Pos), d.Message))
	}
	return out
}

// An object fact about another package's object is a bug in the analyzer:
// the driver refuses it, as the checker does.
func TestForeignFactPanics(t *testing.T) {
	dir := writeFiles(t, parseArchive(twoPackages))
	bad := &analysis.Analyzer{Name: "bad", Doc: "bad: test", FactTypes: []analysis.Fact{new(marked)},
		Run: func(pass *analysis.Pass) (any, error) {
			if pass.Pkg.Path() != "example.com/m/b" {
				return nil, nil
			}
			defer func() {
				if recover() == nil {
					t.Error("exporting a fact about a.Hook from b did not panic")
				}
			}()
			hook := pass.Pkg.Imports()[0].Scope().Lookup("Hook").(*types.Func)
			pass.ExportObjectFact(hook, new(marked))
			return nil, nil
		}}
	if _, err := driver.Run(token.NewFileSet(), load.Config{Dir: dir}, []*analysis.Analyzer{bad}, driver.Options{}, "./b"); err != nil {
		t.Fatal(err)
	}
}

// TestAfterRoot: the hook sees each root with its syntax, once, and the
// syntax goes after it; without the hook, roots keep their syntax.
func TestAfterRoot(t *testing.T) {
	dir := writeFiles(t, parseArchive(twoPackages))
	var mu sync.Mutex
	seen := map[string]int{}
	hook := driver.Options{AfterRoot: func(p *packages.Package) {
		mu.Lock()
		defer mu.Unlock()
		if len(p.Syntax) == 0 {
			t.Errorf("%s reached the hook without its syntax", p.PkgPath)
		}
		seen[p.PkgPath]++
	}}
	g, err := driver.Run(token.NewFileSet(), load.Config{Dir: dir}, []*analysis.Analyzer{markers}, hook, "./...")
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]int{"example.com/m/a": 1, "example.com/m/b": 1}; !reflect.DeepEqual(seen, want) {
		t.Errorf("hook calls %v, want %v", seen, want)
	}
	for _, p := range g.Packages {
		if p.Syntax != nil || p.TypesInfo != nil || p.Types == nil {
			t.Errorf("%s after the hook: syntax %v, types.Info %v, types %v; want only types", p.PkgPath, p.Syntax != nil, p.TypesInfo != nil, p.Types != nil)
		}
	}
	g, err = driver.Run(token.NewFileSet(), load.Config{Dir: dir}, []*analysis.Analyzer{markers}, driver.Options{}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range g.Packages {
		if len(p.Syntax) == 0 {
			t.Errorf("%s lost its syntax without a hook", p.PkgPath)
		}
	}
}

// TestFactsOfNonImportsAreInvisible: AllObjectFacts in a package lists the
// facts of what it imports, transitively, never those of a package
// analysed in the same run that it does not import.
func TestFactsOfNonImportsAreInvisible(t *testing.T) {
	files := parseArchive(twoPackages)
	files["c/c.go"] = "package c\n\n// Other is marked.\nfunc Other() {}\n"
	files["d/d.go"] = "package d\n\nimport _ \"example.com/m/b\"\n"
	dir := writeFiles(t, files)
	g, err := driver.Run(token.NewFileSet(), load.Config{Dir: dir}, []*analysis.Analyzer{markers}, driver.Options{}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]any{}
	for _, act := range g.Roots {
		got[act.Package.PkgPath] = act.Result
	}
	// a and c see their own fact; b and d (through b) see a's only.
	want := map[string]any{"example.com/m/a": 1, "example.com/m/b": 1, "example.com/m/c": 1, "example.com/m/d": 1}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("facts seen %v, want %v", got, want)
	}
}

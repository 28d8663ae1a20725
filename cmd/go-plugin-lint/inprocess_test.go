package main

import (
	"go/ast"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/go-plugin-lint/go-plugin-lint/analyzers"
	"github.com/go-plugin-lint/go-plugin-lint/internal/driver"
	"github.com/go-plugin-lint/go-plugin-lint/internal/load"
	"github.com/go-plugin-lint/go-plugin-lint/internal/runwide"
)

// These tests drive the pipeline in-process with tiny test-only analyzers,
// to reach what the real suite cannot be made to do on purpose: panic,
// propose conflicting fixes.

const fixSrc = `package p

func old()   {}
func other() {}
func fresh() {}

func f() {
	old()
	old()
}
`

// writeModule writes a one-package module example.com/p and loads it.
// loadModule writes a one-package module holding src.
func loadModule(t *testing.T, src string) (dir string, fset *token.FileSet) {
	t.Helper()
	dir = t.TempDir()
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/p\n\ngo 1.26\n"), 0o666)
	os.WriteFile(filepath.Join(dir, "p.go"), []byte(src), 0o666)
	return dir, token.NewFileSet()
}

// callsOf returns the calls of the function called name.
func callsOf(pass *analysis.Pass, name string) []*ast.CallExpr {
	var out []*ast.CallExpr
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok {
				if id, ok := c.Fun.(*ast.Ident); ok && id.Name == name {
					out = append(out, c)
				}
			}
			return true
		})
	}
	return out
}

func fixer(name string, report func(pass *analysis.Pass, call *ast.CallExpr, first bool)) *analysis.Analyzer {
	return &analysis.Analyzer{Name: name, Doc: name + ": test", Run: func(pass *analysis.Pass) (any, error) {
		for i, c := range callsOf(pass, "old") {
			report(pass, c, i == 0)
		}
		return nil, nil
	}}
}

func fixAnalyzers() []analyzers.Member {
	edit := func(pos, end token.Pos, text string) []analysis.SuggestedFix {
		return []analysis.SuggestedFix{{Message: "fix", TextEdits: []analysis.TextEdit{{Pos: pos, End: end, NewText: []byte(text)}}}}
	}
	// rename renames every call of old to fresh.
	rename := fixer("rename", func(pass *analysis.Pass, c *ast.CallExpr, _ bool) {
		pass.Report(analysis.Diagnostic{Pos: c.Pos(), Message: "call of old", SuggestedFixes: edit(c.Fun.Pos(), c.Fun.End(), "fresh")})
	})
	// wrap replaces the whole first call: it overlaps rename's edit.
	wrap := fixer("wrap", func(pass *analysis.Pass, c *ast.CallExpr, first bool) {
		if first {
			pass.Report(analysis.Diagnostic{Pos: c.Pos(), Message: "first call", SuggestedFixes: edit(c.Pos(), c.End(), "other()")})
		}
	})
	// same proposes rename's very edit from another position: applied once.
	same := fixer("same", func(pass *analysis.Pass, c *ast.CallExpr, first bool) {
		if first {
			pass.Report(analysis.Diagnostic{Pos: c.Rparen, Message: "same edit", SuggestedFixes: edit(c.Fun.Pos(), c.Fun.End(), "fresh")})
		}
	})
	return []analyzers.Member{{Analyzer: rename}, {Analyzer: wrap}, {Analyzer: same}}
}

// capture runs f with os.Stdout and os.Stderr redirected, and returns them.
func capture(t *testing.T, f func()) (stdout, stderr string) {
	t.Helper()
	outR, outW, _ := os.Pipe()
	errR, errW, _ := os.Pipe()
	oldOut, oldErr := os.Stdout, os.Stderr
	os.Stdout, os.Stderr = outW, errW
	done := make(chan [2]string)
	go func() {
		o, _ := io.ReadAll(outR)
		e, _ := io.ReadAll(errR)
		done <- [2]string{string(o), string(e)}
	}()
	defer func() {
		os.Stdout, os.Stderr = oldOut, oldErr
	}()
	f()
	outW.Close()
	errW.Close()
	r := <-done
	return r[0], r[1]
}

// analyse runs members over the module in dir, as the command does.
func analyse(t *testing.T, fset *token.FileSet, dir string, members []analyzers.Member) (*collected, string) {
	t.Helper()
	var c *collected
	_, stderr := capture(t, func() {
		c = newCollected()
		graph, err := driver.Run(fset, load.Config{Dir: dir}, guard(analyzers.Analyzers(members)), driver.Options{AfterRoot: c.keepRoot(fset)}, "./...")
		if err != nil {
			t.Error(err)
			return
		}
		if len(graph.Packages) != 1 || len(graph.Packages[0].Errors) > 0 {
			t.Errorf("loading: %v", graph.Packages)
			return
		}
		collect(fset, graph, members, c)
	})
	if c == nil {
		t.FailNow()
	}
	return c, stderr
}

func TestFixEngine(t *testing.T) {
	dir, fset := loadModule(t, fixSrc)
	file := filepath.Join(dir, "p.go")
	c, _ := analyse(t, fset, dir, fixAnalyzers())
	findings := sortFindings(c.findings)
	paths := &pathBase{root: dir, cwd: dir}

	// -diff prints and changes nothing.
	out, _ := capture(t, func() {
		if _, err := applyFixes(findings, true, paths); err != nil {
			t.Error(err)
		}
	})
	if data, _ := os.ReadFile(file); string(data) != fixSrc {
		t.Fatalf("-diff changed the file:\n%s", data)
	}
	if !strings.Contains(out, "--- a/p.go\n+++ b/p.go\n") || strings.Count(out, "\n-\told()\n") != 1 || strings.Count(out, "\n+\tfresh()\n") != 1 {
		t.Errorf("diff:\n%s", out)
	}

	var remaining []finding
	_, stderr := capture(t, func() {
		var err error
		if remaining, err = applyFixes(findings, false, paths); err != nil {
			t.Error(err)
		}
	})
	data, _ := os.ReadFile(file)
	if want := strings.ReplaceAll(fixSrc, "\told()", "\tfresh()"); string(data) != want {
		t.Errorf("fixed file:\n%s\nwant:\n%s", data, want)
	}
	if len(remaining) != 1 || remaining[0].analyzer != "wrap" {
		t.Errorf("remaining findings %v, want wrap's, whose fix conflicts", remaining)
	}
	if lines := strings.Split(strings.TrimSpace(stderr), "\n"); len(lines) != 1 || !strings.Contains(lines[0], "warning: skipping the fix") || !strings.Contains(lines[0], "conflicts") {
		t.Errorf("want one warning about the conflicting fix, got:\n%s", stderr)
	}
}

func TestFixLeavesChangedFilesAlone(t *testing.T) {
	dir, fset := loadModule(t, fixSrc)
	file := filepath.Join(dir, "p.go")
	c, _ := analyse(t, fset, dir, fixAnalyzers()[:1])
	changed := fixSrc + "\n// edited after loading\n"
	os.WriteFile(file, []byte(changed), 0o666)
	var remaining []finding
	_, stderr := capture(t, func() {
		remaining, _ = applyFixes(sortFindings(c.findings), false, &pathBase{root: dir, cwd: dir})
	})
	if data, _ := os.ReadFile(file); string(data) != changed {
		t.Errorf("a file changed since loading was rewritten:\n%s", data)
	}
	if len(remaining) != 2 || !strings.Contains(stderr, "changed since it was loaded") {
		t.Errorf("remaining %d findings, stderr %q", len(remaining), stderr)
	}
}

func TestOverlap(t *testing.T) {
	e := func(start, end int, text string) edit { return edit{"f", start, end, text, 100} }
	tests := []struct {
		a, b edit
		want bool
	}{
		{e(0, 5, "x"), e(5, 8, "y"), false}, // adjacent
		{e(0, 5, "x"), e(4, 8, "y"), true},
		{e(3, 3, "x"), e(3, 3, "x"), false}, // the same insertion
		{e(3, 3, "x"), e(3, 3, "y"), true},  // order would be arbitrary
		{e(3, 3, "x"), e(1, 5, "y"), true},  // insertion inside a replacement
		{e(5, 5, "x"), e(1, 5, "y"), false}, // insertion at its end
		{e(1, 1, "x"), e(1, 5, "y"), false}, // insertion at its start
	}
	for _, tt := range tests {
		if got := overlap(tt.a, tt.b); got != tt.want {
			t.Errorf("overlap(%v, %v) = %v", tt.a, tt.b, got)
		}
		if got := overlap(tt.b, tt.a); got != tt.want {
			t.Errorf("overlap(%v, %v) = %v (swapped)", tt.b, tt.a, got)
		}
	}
	if got := string(apply([]byte("0123456789"), []edit{e(5, 5, "+"), e(1, 3, "ab"), e(5, 7, "")})); got != "0ab34+789" {
		t.Errorf("apply = %q", got)
	}
	if why := conflict([]edit{e(90, 120, "")}, nil); why == "" {
		t.Errorf("an edit past the end of the file was accepted")
	}
}

// TestAnalyzerPanics proves that a panicking analyzer or run-wide step
// becomes one error line, while other analyzers' findings and results (a
// required analyzer's result reaches its dependant through the guard) survive.
func TestAnalyzerPanics(t *testing.T) {
	dir, fset := loadModule(t, fixSrc)
	helper := &analysis.Analyzer{Name: "helper", Doc: "helper: test", ResultType: reflect.TypeOf(0),
		Run: func(*analysis.Pass) (any, error) { return 42, nil }}
	needs := &analysis.Analyzer{Name: "needs", Doc: "needs: test", Requires: []*analysis.Analyzer{helper},
		Run: func(pass *analysis.Pass) (any, error) {
			if pass.Analyzer.Name != "needs" {
				t.Errorf("the pass names analyzer %v", pass.Analyzer)
			}
			pass.Reportf(pass.Files[0].Package, "helper said %d", pass.ResultOf[helper].(int))
			return nil, nil
		}}
	boom := &analysis.Analyzer{Name: "boom", Doc: "boom: test",
		Run: func(*analysis.Pass) (any, error) { panic("kaboom") }}
	wide := &analysis.Analyzer{Name: "wide", Doc: "wide: test", Run: func(*analysis.Pass) (any, error) { return nil, nil }}
	members := []analyzers.Member{
		{Analyzer: needs},
		{Analyzer: boom},
		{Analyzer: wide, Correlate: func(*runwide.Run) []analysis.Diagnostic { panic("run-wide kaboom") }},
	}
	c, stderr := analyse(t, fset, dir, members)
	if len(c.findings) != 1 || c.findings[0].message != "helper said 42" {
		t.Errorf("findings %v, want needs' one, computed from helper's result", c.findings)
	}
	if !c.failed {
		t.Error("a panic did not fail the run")
	}
	want := []string{
		progname + ": example.com/p: boom: internal error in boom on example.com/p: kaboom",
		progname + ": internal error in wide on the run-wide step: run-wide kaboom",
	}
	if got := strings.Split(strings.TrimSpace(stderr), "\n"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr, strings.Join(want, "\n"))
	}
	if helper.Run == nil || boom.Requires != nil {
		t.Error("guard changed the original analyzers")
	}
}

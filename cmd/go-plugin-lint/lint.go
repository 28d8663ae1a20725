package main

import (
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/token"
	"os"
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/go-plugin-lint/go-plugin-lint/analyzers"
	"github.com/go-plugin-lint/go-plugin-lint/internal/fileclass"
	"github.com/go-plugin-lint/go-plugin-lint/internal/runwide"
)

// A finding is one diagnostic, located, attributed and ready to print.
type finding struct {
	analyzer string
	pkgID    string
	posn     token.Position
	end      token.Position
	message  string
	category string
	decl     string // enclosing top-level declaration, for baseline keys
	fixes    []analysis.SuggestedFix
}

func lintMain(args []string) int {
	suite := analyzers.Suite()
	fs, opts := newLintFlags(suite)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return helpMain(nil)
		}
		return fail("%v (run '%s help' for usage)", err, progname)
	}
	patterns := fs.Args()
	if len(patterns) == 0 {
		return fail("no packages given (try '%s ./...')", progname)
	}
	if opts.cpuprofile != "" {
		f, err := os.Create(opts.cpuprofile)
		if err != nil {
			return fail("%v", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fail("cpuprofile: %v", err)
		}
		defer pprof.StopCPUProfile()
	}
	members := opts.selected(suite)

	fset := token.NewFileSet()
	pkgs, err := load(fset, patterns, opts)
	if err != nil {
		return fail("%v", err)
	}
	loadFailed := reportPackageErrors(pkgs)

	graph, err := checker.Analyze(analyzers.Analyzers(members), pkgs, nil)
	if err != nil {
		return fail("%v", err)
	}
	findings, analysisFailed := collect(fset, graph, members)

	if opts.memprofile != "" {
		if err := writeHeapProfile(opts.memprofile); err != nil {
			return fail("memprofile: %v", err)
		}
	}

	findings = dropGenerated(fset, pkgs, findings)
	findings = sortFindings(findings)

	if err := emit(os.Stdout, findings, opts); err != nil {
		return fail("%v", err)
	}
	switch {
	case loadFailed || analysisFailed:
		return exitError
	case len(findings) > 0:
		return exitFindings
	}
	return exitClean
}

func load(fset *token.FileSet, patterns []string, opts *lintOptions) ([]*packages.Package, error) {
	cfg := &packages.Config{
		Mode:  packages.LoadAllSyntax | packages.NeedModule,
		Tests: opts.tests,
		Fset:  fset,
	}
	if opts.tags != "" {
		cfg.BuildFlags = []string{"-tags=" + opts.tags}
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, fmt.Errorf("loading packages: %v", err)
	}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("no packages match %s", strings.Join(patterns, " "))
	}
	return pkgs, nil
}

// reportPackageErrors prints, once each, the errors of the packages that
// failed to load, parse or type-check, and reports whether there were any.
// Those packages are not analysed; the others are.
func reportPackageErrors(pkgs []*packages.Package) bool {
	seen := map[string]bool{}
	failed := false
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			line := e.Error()
			if seen[line] {
				continue
			}
			seen[line] = true
			failed = true
			fmt.Fprintf(os.Stderr, "%s: %s: %s\n", progname, p.PkgPath, line)
		}
	})
	return failed
}

// collect gathers the per-package diagnostics of the root actions, runs
// each member's run-wide step over its results, and reports analysis
// errors other than the skips caused by package errors (already reported).
func collect(fset *token.FileSet, graph *checker.Graph, members []analyzers.Member) ([]finding, bool) {
	files := map[*token.File]*ast.File{}
	var out []finding
	failed := false
	runs := map[*analysis.Analyzer]*runwide.Run{}
	for _, act := range graph.Roots {
		for _, f := range act.Package.Syntax {
			files[fset.File(f.FileStart)] = f
		}
		if act.Err != nil {
			if len(act.Package.Errors) == 0 {
				fmt.Fprintf(os.Stderr, "%s: %s: %s: %v\n", progname, act.Package.PkgPath, act.Analyzer.Name, act.Err)
				failed = true
			}
		}
		for _, d := range act.Diagnostics {
			out = append(out, newFinding(fset, act.Analyzer.Name, act.Package.ID, d))
		}
		run := runs[act.Analyzer]
		if run == nil {
			run = &runwide.Run{Fset: fset}
			runs[act.Analyzer] = run
		}
		run.Packages = append(run.Packages, &runwide.Package{
			Path:   act.Package.PkgPath,
			ID:     act.Package.ID,
			Types:  act.Package.Types,
			Result: act.Result,
		})
	}
	for _, m := range members {
		run := runs[m.Analyzer]
		if m.Correlate == nil || run == nil {
			continue
		}
		sort.Slice(run.Packages, func(i, j int) bool { return run.Packages[i].ID < run.Packages[j].ID })
		for _, d := range m.Correlate(run) {
			out = append(out, newFinding(fset, m.Analyzer.Name, "", d))
		}
	}
	for i := range out {
		out[i].decl = enclosingDecl(fset, files, out[i].posn, out[i].message)
	}
	return out, failed
}

func newFinding(fset *token.FileSet, analyzer, pkgID string, d analysis.Diagnostic) finding {
	f := finding{
		analyzer: analyzer,
		pkgID:    pkgID,
		posn:     fset.Position(d.Pos),
		message:  d.Message,
		category: d.Category,
		fixes:    d.SuggestedFixes,
	}
	if d.End.IsValid() {
		f.end = fset.Position(d.End)
	}
	return f
}

// enclosingDecl names the top-level declaration holding posn, so that a
// baseline entry survives lines inserted above it.
func enclosingDecl(fset *token.FileSet, files map[*token.File]*ast.File, posn token.Position, _ string) string {
	for tf, f := range files {
		if tf.Name() != posn.Filename {
			continue
		}
		pos := tf.Pos(posn.Offset)
		for _, d := range f.Decls {
			if d.Pos() <= pos && pos < d.End() {
				return declName(d)
			}
		}
		return "package " + f.Name.Name
	}
	return ""
}

func declName(d ast.Decl) string {
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv != nil && len(d.Recv.List) > 0 {
			return "func (" + recvTypeName(d.Recv.List[0].Type) + ") " + d.Name.Name
		}
		return "func " + d.Name.Name
	case *ast.GenDecl:
		var names []string
		for _, s := range d.Specs {
			switch s := s.(type) {
			case *ast.TypeSpec:
				names = append(names, s.Name.Name)
			case *ast.ValueSpec:
				for _, n := range s.Names {
					names = append(names, n.Name)
				}
			}
		}
		return d.Tok.String() + " " + strings.Join(names, ",")
	}
	return ""
}

func recvTypeName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.StarExpr:
		return "*" + recvTypeName(e.X)
	case *ast.IndexExpr:
		return recvTypeName(e.X)
	case *ast.IndexListExpr:
		return recvTypeName(e.X)
	case *ast.Ident:
		return e.Name
	}
	return "?"
}

// dropGenerated removes findings inside generated files: they are never
// reported there, whatever an analyzer does.
func dropGenerated(fset *token.FileSet, pkgs []*packages.Package, in []finding) []finding {
	generated := map[string]bool{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, f := range p.Syntax {
			if fileclass.Of(fset, f).IsGenerated() {
				generated[fset.File(f.FileStart).Name()] = true
			}
		}
	})
	out := in[:0]
	for _, f := range in {
		if !generated[f.posn.Filename] {
			out = append(out, f)
		}
	}
	return out
}

// sortFindings orders findings by position, analyzer and message, and
// drops the duplicates that a package and its test variant both report.
func sortFindings(in []finding) []finding {
	sort.SliceStable(in, func(i, j int) bool {
		a, b := in[i], in[j]
		if a.posn.Filename != b.posn.Filename {
			return a.posn.Filename < b.posn.Filename
		}
		if a.posn.Line != b.posn.Line {
			return a.posn.Line < b.posn.Line
		}
		if a.posn.Column != b.posn.Column {
			return a.posn.Column < b.posn.Column
		}
		if a.analyzer != b.analyzer {
			return a.analyzer < b.analyzer
		}
		if a.message != b.message {
			return a.message < b.message
		}
		return a.pkgID < b.pkgID
	})
	out := in[:0]
	for i, f := range in {
		if i > 0 {
			p := out[len(out)-1]
			if p.posn == f.posn && p.analyzer == f.analyzer && p.message == f.message {
				continue
			}
		}
		out = append(out, f)
	}
	return out
}

func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	runtime.GC()
	return pprof.WriteHeapProfile(f)
}

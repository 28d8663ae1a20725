package main

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"os"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/go-plugin-lint/go-plugin-lint/analyzers"
	"github.com/go-plugin-lint/go-plugin-lint/internal/driver"
	"github.com/go-plugin-lint/go-plugin-lint/internal/fileclass"
	"github.com/go-plugin-lint/go-plugin-lint/internal/runwide"
)

// traceback prints the stack of recovered panics, for whoever debugs an
// analyzer: GO_PLUGIN_LINT_TRACEBACK=1.
var traceback = os.Getenv("GO_PLUGIN_LINT_TRACEBACK") != ""

// A finding is one diagnostic, located, attributed and ready to print.
type finding struct {
	analyzer string
	pkgID    string
	posn     token.Position
	end      token.Position
	message  string
	category string
	decl     string // enclosing top-level declaration, for baseline keys
	fixes    []fix
	related  []related
}

// fix is a suggested fix with its edits resolved to byte offsets.
type fix struct {
	message string
	edits   []edit
}

type edit struct {
	file       string
	start, end int // byte offsets
	new        string
	size       int // the file's size when loaded, to detect later changes
}

type related struct {
	posn, end token.Position
	message   string
}

// actionError is an analysis that failed, for the JSON output.
type actionError struct {
	pkgID, analyzer, message string
}

// collected is what the analysis produced.
type collected struct {
	findings []finding
	errors   []actionError
	failed   bool // an analysis failed for a reason not already reported
	// files maps each file name of the root packages to what later steps
	// read of its syntax, kept by keepRoot: the comments (directives,
	// generated-file headers) and the spans of its declarations. fileIDs
	// are the files' packages' IDs, to attribute run-wide findings.
	mu      sync.Mutex
	files   map[string]*ast.File
	decls   map[string][]declSpan
	fileIDs map[string]string
}

// declSpan is a top-level declaration's extent and name (baseline keys).
type declSpan struct {
	pos, end token.Pos
	name     string
}

func newCollected() *collected {
	return &collected{files: map[string]*ast.File{}, decls: map[string][]declSpan{}, fileIDs: map[string]string{}}
}

// keepRoot is the driver's AfterRoot hook: it keeps what the findings
// pipeline reads of a root's files, so that their syntax can go. A file
// is kept as a skeleton holding its comments, package clause and extent.
func (c *collected) keepRoot(fset *token.FileSet) func(*packages.Package) {
	return func(pkg *packages.Package) {
		c.mu.Lock()
		defer c.mu.Unlock()
		for _, f := range pkg.Syntax {
			name := fileclass.Name(fset, f)
			// A file of a package and its test variant goes to the
			// package, whose ID sorts first.
			if id, ok := c.fileIDs[name]; !ok || pkg.ID < id {
				c.fileIDs[name] = pkg.ID
			}
			if c.files[name] != nil {
				continue
			}
			c.files[name] = &ast.File{FileStart: f.FileStart, FileEnd: f.FileEnd, Package: f.Package, Name: f.Name, Comments: f.Comments}
			spans := make([]declSpan, len(f.Decls))
			for i, d := range f.Decls {
				spans[i] = declSpan{d.Pos(), d.End(), declName(d)}
			}
			c.decls[name] = spans
		}
	}
}

// collect gathers the per-package diagnostics of the root actions, runs
// each member's run-wide step over its results, and gathers analysis
// errors into c, which keepRoot filled during the run. On stderr it
// reports only root causes: not skips caused by package errors (already
// reported), nor actions whose prerequisites failed.
func collect(fset *token.FileSet, graph *driver.Graph, members []analyzers.Member, c *collected) {
	byName := map[string]analyzers.Member{}
	for _, m := range members {
		byName[m.Analyzer.Name] = m
	}
	runs := map[string]*runwide.Run{}
	for _, act := range graph.Roots {
		pkg := act.Package
		for _, d := range act.Diagnostics {
			c.findings = append(c.findings, newFinding(fset, act.Analyzer.Name, pkg.ID, d))
		}
		run := runs[act.Analyzer.Name]
		if run == nil {
			run = &runwide.Run{Fset: fset}
			runs[act.Analyzer.Name] = run
		}
		var result any
		if act.Err == nil {
			result = act.Result
		}
		run.Packages = append(run.Packages, &runwide.Package{Path: pkg.PkgPath, ID: pkg.ID, Types: pkg.Types, Result: result})
	}
	var causes []cause
	for act := range graph.All() {
		if act.Err == nil {
			continue
		}
		c.errors = append(c.errors, actionError{act.Package.ID, act.Analyzer.Name, act.Err.Error()})
		if len(act.Package.Errors) > 0 || act.Package.IllTyped || depFailed(act) {
			continue
		}
		causes = append(causes, cause{act.Package.PkgPath, act.Analyzer.Name, oneLine(act.Err.Error())})
		c.failed = true
	}
	printCauses(causes)
	for _, m := range members {
		run := runs[m.Analyzer.Name]
		if m.Correlate == nil || run == nil {
			continue
		}
		sort.Slice(run.Packages, func(i, j int) bool { return run.Packages[i].ID < run.Packages[j].ID })
		diags, err := correlate(m, run)
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", progname, err)
			c.errors = append(c.errors, actionError{"run-wide", m.Analyzer.Name, err.Error()})
			c.failed = true
		}
		for _, d := range diags {
			f := newFinding(fset, m.Analyzer.Name, "", d)
			f.pkgID = c.packageOf(f.posn.Filename)
			c.findings = append(c.findings, f)
		}
	}
	sort.Slice(c.errors, func(i, j int) bool {
		a, b := c.errors[i], c.errors[j]
		return a.pkgID < b.pkgID || a.pkgID == b.pkgID && a.analyzer < b.analyzer
	})
	for i := range c.findings {
		c.findings[i].decl = c.enclosingDecl(fset, c.findings[i].posn)
	}
}

// packageOf returns the ID of the root package holding file, so that
// run-wide findings sit under a real package in the JSON output; findings
// outside the root packages go under the file's directory.
func (c *collected) packageOf(file string) string {
	if id, ok := c.fileIDs[file]; ok {
		return id
	}
	if file == "" {
		return "run-wide"
	}
	return dirOf(file)
}

func dirOf(file string) string {
	if i := strings.LastIndexAny(file, `/\`); i >= 0 {
		return file[:i]
	}
	return "."
}

// correlate runs a run-wide step, turning a panic into an error.
func correlate(m analyzers.Member, run *runwide.Run) (diags []analysis.Diagnostic, err error) {
	defer func() {
		if r := recover(); r != nil {
			if traceback {
				debug.PrintStack()
			}
			diags, err = nil, fmt.Errorf("internal error in %s on the run-wide step: %v", m.Analyzer.Name, r)
		}
	}()
	return m.Correlate(run), nil
}

// A cause is an analysis error not explained by errors in the input.
type cause struct{ pkgPath, analyzer, message string }

// printCauses prints each analysis error once: an error shared by many
// packages (a flag naming an unreadable file, say) is one line naming how
// many packages it stopped, not one line per package.
func printCauses(causes []cause) {
	type key struct{ analyzer, message string }
	pkgs := map[key][]string{}
	var order []key
	for _, e := range causes {
		k := key{e.analyzer, e.message}
		if pkgs[k] == nil {
			order = append(order, k)
		}
		pkgs[k] = append(pkgs[k], e.pkgPath)
	}
	for _, k := range order {
		paths := pkgs[k]
		sort.Strings(paths)
		paths = slices.Compact(paths)
		if len(paths) == 1 {
			fmt.Fprintf(os.Stderr, "%s: %s: %s: %s\n", progname, paths[0], k.analyzer, k.message)
			continue
		}
		fmt.Fprintf(os.Stderr, "%s: %s: %s (in %d packages, %s first)\n", progname, k.analyzer, k.message, len(paths), paths[0])
	}
}

func depFailed(act *driver.Action) bool {
	for _, d := range act.Deps {
		if d.Err != nil {
			return true
		}
	}
	return false
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func newFinding(fset *token.FileSet, analyzer, pkgID string, d analysis.Diagnostic) finding {
	f := finding{
		analyzer: analyzer,
		pkgID:    pkgID,
		posn:     fset.Position(d.Pos),
		message:  d.Message,
		category: d.Category,
	}
	if d.End.IsValid() {
		f.end = fset.Position(d.End)
	}
	for _, sf := range d.SuggestedFixes {
		fx := fix{message: sf.Message}
		for _, e := range sf.TextEdits {
			start, end := fset.Position(e.Pos), fset.Position(cmp.Or(e.End, e.Pos))
			size := -1
			if tf := fset.File(e.Pos); tf != nil {
				size = tf.Size()
			}
			fx.edits = append(fx.edits, edit{start.Filename, start.Offset, end.Offset, string(e.NewText), size})
		}
		f.fixes = append(f.fixes, fx)
	}
	for _, r := range d.Related {
		f.related = append(f.related, related{fset.Position(r.Pos), fset.Position(cmp.Or(r.End, r.Pos)), r.Message})
	}
	return f
}

// enclosingDecl names the top-level declaration holding posn, so that a
// baseline entry survives lines inserted above it.
func (c *collected) enclosingDecl(fset *token.FileSet, posn token.Position) string {
	f := c.files[posn.Filename]
	if f == nil {
		return ""
	}
	pos := fset.File(f.FileStart).Pos(posn.Offset)
	for _, d := range c.decls[posn.Filename] {
		if d.pos <= pos && pos < d.end {
			return d.name
		}
	}
	return "package " + f.Name.Name
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
	case *ast.ParenExpr:
		return recvTypeName(e.X)
	case *ast.Ident:
		return e.Name
	}
	return "?"
}

// reportPackageErrors prints, once each and one per line, the errors of the
// packages that failed to load, parse or type-check, and reports whether
// there were any. Those packages are not analysed; the others are.
func reportPackageErrors(pkgs []*packages.Package, paths *pathBase) bool {
	seen := map[string]bool{}
	failed := false
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			line := oneLine(e.Error())
			if e.Pos == "" || e.Pos == "-" {
				// go/packages writes "-" for "no position" (a missing
				// package or directory): say only the message.
				line = oneLine(e.Msg)
			} else if file, rest := splitPos(e.Pos); file != "" {
				line = oneLine(paths.display(file) + rest + ": " + e.Msg)
			}
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

// splitPos splits "file:line:col" (or "file:line") into the file and the
// rest from the first of those colons, counting from the right so that a
// Windows drive letter stays in the file.
func splitPos(pos string) (file, rest string) {
	i := strings.LastIndex(pos, ":")
	if i <= 0 {
		return "", ""
	}
	if j := strings.LastIndex(pos[:i], ":"); j > 0 && isDigits(pos[j+1:i]) {
		i = j
	}
	return pos[:i], pos[i:]
}

func isDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

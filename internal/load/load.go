// Package load loads the packages of a run the way every front end of the
// suite that drives the x/tools checker needs them: with syntax and types for
// the packages matched and all their dependencies (fact-exporting passes run
// on dependencies too), one shared FileSet, and test variants on request.
//
// Loading, not analysis, dominates the standalone command's time and memory:
// type-checking every dependency's function bodies from source is most of the
// work, and the passes gain nothing from it. Facts about dependencies come
// from declarations (contracts, exported types, method sets); summaries of
// function bodies matter only for the user's own code. So files of the
// standard library, the module cache and vendor directories are parsed with
// their function bodies replaced by a stub, unless they belong to a package
// the user asked for. Generic functions and methods of generic types keep
// their bodies, since importers instantiate them. The stubs leave imports
// used only by the removed bodies unused; those soft errors, which the load
// itself caused, are dropped from the stripped packages.
//
// The price, documented in the analyzers: a function of a third-party module
// is not summarised (statecoupling does not follow calls into another
// module's code to find writes to that module's globals).
package load

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/packages"
)

// Mode is the go/packages mode of a run.
const Mode = packages.LoadAllSyntax | packages.NeedModule

// Config says what to load.
type Config struct {
	Dir        string   // working directory; "" for the current one
	Tests      bool     // also load test files and test packages
	BuildFlags []string // e.g. -tags=...
	// KeepAllBodies disables body stripping (for measurements).
	KeepAllBodies bool
}

// Packages loads the packages matching patterns into fset.
func Packages(fset *token.FileSet, cfg Config, patterns ...string) ([]*packages.Package, error) {
	pcfg := &packages.Config{
		Mode:       Mode,
		Dir:        cfg.Dir,
		Tests:      cfg.Tests,
		BuildFlags: cfg.BuildFlags,
		Fset:       fset,
	}
	var s *stripper
	if !cfg.KeepAllBodies {
		var err error
		s, err = newStripper(cfg, patterns)
		if err != nil {
			return nil, err
		}
		pcfg.ParseFile = s.parse
	}
	pkgs, err := packages.Load(pcfg, patterns...)
	if err != nil {
		return nil, err
	}
	if s != nil {
		s.dropInducedErrors(pkgs)
	}
	return pkgs, nil
}

// stripper decides which files keep their function bodies.
type stripper struct {
	keep     map[string]bool // files of the packages asked for
	external []string        // directory prefixes of code that is not the user's
}

func newStripper(cfg Config, patterns []string) (*stripper, error) {
	// A cheap listing of the packages asked for (no dependencies, no
	// types) tells which files must keep their bodies even when they live
	// in GOROOT or the module cache (go-plugin-lint std, or a run inside
	// the module cache).
	roots, err := packages.Load(&packages.Config{
		Mode:       packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles,
		Dir:        cfg.Dir,
		Tests:      cfg.Tests,
		BuildFlags: cfg.BuildFlags,
	}, patterns...)
	if err != nil {
		return nil, err
	}
	s := &stripper{keep: map[string]bool{}}
	for _, p := range roots {
		for _, f := range p.CompiledGoFiles {
			s.keep[f] = true
		}
		for _, f := range p.GoFiles {
			s.keep[f] = true
		}
	}
	for _, dir := range []string{goEnv("GOROOT"), goEnv("GOMODCACHE")} {
		if dir != "" {
			s.external = append(s.external, filepath.Clean(dir)+string(filepath.Separator))
		}
	}
	return s, nil
}

func goEnv(name string) string {
	if v := os.Getenv(name); v != "" && name != "GOROOT" {
		return v
	}
	out, err := runGoEnv(name)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(out)
}

// strip reports whether filename's function bodies may be stubbed out.
func (s *stripper) strip(filename string) bool {
	if s.keep[filename] {
		return false
	}
	if strings.Contains(filename, string(filepath.Separator)+"vendor"+string(filepath.Separator)) {
		return true
	}
	for _, prefix := range s.external {
		if strings.HasPrefix(filename, prefix) {
			return true
		}
	}
	return false
}

const parseMode = parser.AllErrors | parser.ParseComments | parser.SkipObjectResolution

func (s *stripper) parse(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
	f, err := parser.ParseFile(fset, filename, src, parseMode)
	if err != nil || f == nil || !s.strip(filename) {
		return f, err
	}
	stubBodies(f)
	return f, nil
}

// stubBodies replaces the body of every non-generic function and method
// with `panic(nil)`: it type-checks whatever the results, and no pass of a
// dependency needs to look inside.
func stubBodies(f *ast.File) {
	for _, d := range f.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Body == nil || generic(fn) {
			continue
		}
		fn.Body = &ast.BlockStmt{
			Lbrace: fn.Body.Lbrace,
			List: []ast.Stmt{&ast.ExprStmt{X: &ast.CallExpr{
				Fun:    &ast.Ident{Name: "panic", NamePos: fn.Body.Lbrace},
				Lparen: fn.Body.Lbrace,
				Args:   []ast.Expr{&ast.Ident{Name: "nil", NamePos: fn.Body.Lbrace}},
				Rparen: fn.Body.Lbrace,
			}}},
			Rbrace: fn.Body.Rbrace,
		}
		markStripped(f)
	}
}

func generic(fn *ast.FuncDecl) bool {
	if fn.Type.TypeParams != nil && len(fn.Type.TypeParams.List) > 0 {
		return true
	}
	if fn.Recv == nil || len(fn.Recv.List) == 0 {
		return false
	}
	t := fn.Recv.List[0].Type
	if star, ok := t.(*ast.StarExpr); ok {
		t = star.X
	}
	switch t.(type) {
	case *ast.IndexExpr, *ast.IndexListExpr:
		return true
	}
	return false
}

// strippedMarker is added to the comments of a stripped file so that
// dropInducedErrors can tell the stripped packages apart without a shared,
// concurrently written map (go/packages parses files in parallel).
const strippedMarker = "//go-plugin-lint:bodies-stripped"

func markStripped(f *ast.File) {
	for _, g := range f.Comments {
		for _, c := range g.List {
			if c.Text == strippedMarker {
				return
			}
		}
	}
	f.Comments = append(f.Comments, &ast.CommentGroup{List: []*ast.Comment{{Slash: f.FileEnd, Text: strippedMarker}}})
}

func isStripped(f *ast.File) bool {
	if len(f.Comments) == 0 {
		return false
	}
	last := f.Comments[len(f.Comments)-1]
	return len(last.List) == 1 && last.List[0].Text == strippedMarker
}

// dropInducedErrors removes the "imported and not used" errors that
// stubbing bodies caused, then recomputes IllTyped, which go/packages
// propagates from dependencies to importers.
func (s *stripper) dropInducedErrors(pkgs []*packages.Package) {
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		stripped := false
		for _, f := range p.Syntax {
			if isStripped(f) {
				stripped = true
				break
			}
		}
		if stripped {
			kept := p.Errors[:0]
			for _, e := range p.Errors {
				if e.Kind == packages.TypeError && strings.Contains(e.Msg, "imported") && strings.HasSuffix(e.Msg, "and not used") {
					continue
				}
				kept = append(kept, e)
			}
			p.Errors = kept
			if len(p.Errors) == 0 {
				p.TypeErrors = nil
			}
		}
		ill := len(p.Errors) > 0
		for _, imp := range p.Imports {
			ill = ill || imp.IllTyped
		}
		p.IllTyped = ill
	})
}

// Describe is a one-line summary of a load, for -v style diagnostics.
func Describe(pkgs []*packages.Package) string {
	n := 0
	packages.Visit(pkgs, nil, func(*packages.Package) { n++ })
	return fmt.Sprintf("%d packages matched, %d loaded", len(pkgs), n)
}

// Package load loads the packages of a run: Metadata lists them (go list,
// nothing parsed), and a Checker parses and type-checks one package at a
// time, once its imports are checked, into one shared FileSet, filling the
// same fields as go/packages in LoadAllSyntax mode. internal/driver
// interleaves that with analysis and drops each dependency after it;
// Packages checks everything and keeps it, for tests and tools that want
// x/tools' checker.
//
// Loading, not analysis, dominates the standalone command's time and memory:
// type-checking every dependency's function bodies from source is most of the
// work, and the passes gain nothing from it. Facts about dependencies come
// from declarations (contracts, exported types, method sets); summaries of
// function bodies matter only for the user's own code. So files of the
// standard library, the module cache and vendor directories are parsed with
// their function bodies replaced by a stub, and the elements of their
// package-level composite literals (lookup tables) removed, unless they
// belong to a package the user asked for. Generic functions and methods of generic types keep
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

// metadataMode lists packages, their files and imports, without parsing.
const metadataMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedDeps | packages.NeedModule | packages.NeedTypesSizes

// Config says what to load.
type Config struct {
	Dir        string   // working directory; "" for the current one
	Tests      bool     // also load test files and test packages
	BuildFlags []string // e.g. -tags=...
	// KeepAllBodies disables body stripping (for measurements).
	KeepAllBodies bool
}

// Metadata lists the packages matching patterns and, through Imports, all
// their dependencies: names, files and module, nothing parsed yet. A
// Checker then parses and type-checks them one at a time.
func Metadata(cfg Config, patterns ...string) ([]*packages.Package, error) {
	return packages.Load(&packages.Config{
		Mode:       metadataMode,
		Dir:        cfg.Dir,
		Tests:      cfg.Tests,
		BuildFlags: cfg.BuildFlags,
	}, patterns...)
}

// Packages loads the packages matching patterns and type-checks all of
// them into fset, as go/packages.LoadAllSyntax would, and keeps everything.
// The command uses Metadata and Checker instead, to drop each dependency's
// syntax once it is analysed.
func Packages(fset *token.FileSet, cfg Config, patterns ...string) ([]*packages.Package, error) {
	roots, err := Metadata(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	c := NewChecker(fset, cfg, roots)
	packages.Visit(roots, nil, c.Check) // post-order: imports first
	return roots, nil
}

// stripper decides which files keep their function bodies.
type stripper struct {
	keep     map[string]bool // files of the packages asked for
	external []string        // directory prefixes of code that is not the user's
}

// newStripper keeps the bodies of the packages asked for, even when they
// live in GOROOT or the module cache (go-plugin-lint std, or a run inside
// the module cache).
func newStripper(roots []*packages.Package) *stripper {
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
	return s
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

// strip reports whether filename's function bodies may be stubbed out;
// false for a nil stripper, which keeps every body.
func (s *stripper) strip(filename string) bool {
	if s == nil || s.keep[filename] {
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
	emptyTables(f)
	return f, nil
}

// emptyTables removes the elements of composite literals that initialise
// package-level variables: lookup tables (Unicode ranges, public suffixes,
// protobuf descriptors) are the bulk of what stays of a dependency once its
// bodies are stubbed, and their elements cannot change a declaration's type.
// A literal of an array whose length comes from its elements ([...]T) keeps
// them, since the length is part of the type.
func emptyTables(f *ast.File) {
	for _, d := range f.Decls {
		gen, ok := d.(*ast.GenDecl)
		if !ok || gen.Tok != token.VAR {
			continue
		}
		for _, spec := range gen.Specs {
			for _, v := range spec.(*ast.ValueSpec).Values {
				emptyLiteral(v)
			}
		}
	}
}

// emptyLiteral empties the composite literal e, or the one e takes the
// address of.
func emptyLiteral(e ast.Expr) {
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = u.X
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok || lit.Type == nil {
		return
	}
	if arr, ok := lit.Type.(*ast.ArrayType); ok {
		if _, dots := arr.Len.(*ast.Ellipsis); dots {
			return
		}
	}
	lit.Elts = nil
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

// Describe is a one-line summary of a load, for -v style diagnostics.
func Describe(pkgs []*packages.Package) string {
	n := 0
	packages.Visit(pkgs, nil, func(*packages.Package) { n++ })
	return fmt.Sprintf("%d packages matched, %d loaded", len(pkgs), n)
}

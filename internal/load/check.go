package load

import (
	"errors"
	"fmt"
	"go/ast"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"strings"

	"golang.org/x/tools/go/packages"
)

// A Checker parses and type-checks the packages of a Metadata load, one
// package at a time, after its imports. It fills the fields that
// go/packages fills in LoadAllSyntax mode (Fset, Syntax, Types, TypesInfo,
// TypeErrors, Errors, IllTyped), with the same error kinds and positions,
// so that what runs on a package cannot tell the difference. Check may be
// called from several goroutines for packages whose imports are checked.
type Checker struct {
	fset  *token.FileSet
	strip *stripper // nil: every body is kept
}

// NewChecker returns a Checker for the packages reachable from roots, the
// packages the user asked for.
func NewChecker(fset *token.FileSet, cfg Config, roots []*packages.Package) *Checker {
	c := &Checker{fset: fset}
	if !cfg.KeepAllBodies {
		c.strip = newStripper(roots)
	}
	return c
}

// Check parses and type-checks p. Every package p imports must have been
// checked already.
func (c *Checker) Check(p *packages.Package) {
	p.Fset = c.fset
	p.TypesInfo = newInfo()
	if p.PkgPath == "unsafe" {
		p.Types = types.Unsafe
		p.Syntax = []*ast.File{}
		return
	}
	p.Types = types.NewPackage(p.PkgPath, p.Name)

	stripped := false
	for _, name := range p.CompiledGoFiles {
		f, err := c.parse(name)
		for _, e := range parseErrors(name, err) {
			p.Errors = append(p.Errors, e)
		}
		if f != nil {
			p.Syntax = append(p.Syntax, f)
			stripped = stripped || c.strip.strip(name)
		}
	}

	conf := &types.Config{
		Importer: importer(p),
		Sizes:    p.TypesSizes,
		Error: func(err error) {
			var te types.Error
			if !errors.As(err, &te) {
				p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
				return
			}
			// Stubbed bodies leave imports unused: an error the load
			// itself caused, not one in the user's code.
			if stripped && strings.Contains(te.Msg, "imported") && strings.HasSuffix(te.Msg, "and not used") {
				return
			}
			p.TypeErrors = append(p.TypeErrors, te)
			p.Errors = append(p.Errors, packages.Error{Pos: c.fset.Position(te.Pos).String(), Msg: te.Msg, Kind: packages.TypeError})
		},
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		conf.GoVersion = "go" + p.Module.GoVersion
	}
	// Errors go through conf.Error; the returned one repeats the first.
	_ = types.NewChecker(conf, c.fset, p.Types, p.TypesInfo).Files(p.Syntax)

	ill := len(p.Errors) > 0
	for _, imp := range p.Imports {
		ill = ill || imp.IllTyped
	}
	p.IllTyped = ill
}

func (c *Checker) parse(name string) (*ast.File, error) {
	src, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return c.strip.parse(c.fset, name, src)
}

// parseErrors converts what parsing a file returned into package errors.
func parseErrors(name string, err error) []packages.Error {
	var list scanner.ErrorList
	var pathErr *os.PathError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &list):
		out := make([]packages.Error, 0, len(list))
		for _, e := range list {
			out = append(out, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
		}
		return out
	case errors.As(err, &pathErr):
		return []packages.Error{{Pos: name + ":1", Msg: pathErr.Err.Error(), Kind: packages.ParseError}}
	}
	return []packages.Error{{Pos: name + ":1", Msg: err.Error(), Kind: packages.ParseError}}
}

// importer resolves p's imports to the types of the packages Metadata
// listed for them.
func importer(p *packages.Package) types.Importer {
	return importerFunc(func(path string) (*types.Package, error) {
		if path == "unsafe" {
			return types.Unsafe, nil
		}
		imp := p.Imports[path]
		if imp == nil {
			return nil, fmt.Errorf("no metadata for %s", path)
		}
		if imp.Types == nil {
			return nil, fmt.Errorf("%s was not type-checked before its importer %s", path, p.PkgPath)
		}
		return imp.Types, nil
	})
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

func newInfo() *types.Info {
	return &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Instances:    map[*ast.Ident]types.Instance{},
		Scopes:       map[ast.Node]*types.Scope{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		FileVersions: map[*ast.File]string{},
	}
}

// Release drops p's syntax and type information, keeping its types, which
// importers still use. The driver calls it once a dependency is analysed:
// the syntax of dependencies is most of a load's memory.
func Release(p *packages.Package) {
	p.Syntax = nil
	p.TypesInfo = nil
}

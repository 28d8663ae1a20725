package main

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/packages"

	"github.com/go-plugin-lint/go-plugin-lint/internal/fileclass"
)

func isGenerated(fset *token.FileSet, f *ast.File) bool {
	return fileclass.Of(fset, f).IsGenerated()
}

// generatedFiles classifies every loaded file; used only when a run-wide
// finding points outside the root packages.
func generatedFiles(fset *token.FileSet, pkgs []*packages.Package) map[string]bool {
	out := map[string]bool{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, f := range p.Syntax {
			if isGenerated(fset, f) {
				out[fset.File(f.FileStart).Name()] = true
			}
		}
	})
	return out
}

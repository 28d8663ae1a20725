package main

import (
	"go/ast"
	"go/parser"
	"go/token"

	"github.com/go-plugin-lint/go-plugin-lint/internal/fileclass"
)

func isGenerated(fset *token.FileSet, f *ast.File) bool {
	return fileclass.Of(fset, f).IsGenerated()
}

// generatedOnDisk classifies a file outside the root packages, whose syntax
// the run has dropped, by parsing its header again: the "Code generated"
// comment must precede the package clause. Used only when a run-wide
// finding points outside the roots.
func generatedOnDisk(name string) bool {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, nil, parser.PackageClauseOnly|parser.ParseComments)
	return err == nil && isGenerated(fset, f)
}

// Package directive reads the suite's comment directives.
//
// Directives are line comments of the form //pluginlint:<name> with no space
// after the slashes, the convention the Go toolchain uses for //go: and
// //lint: directives, so that gofmt and godoc leave them out of prose.
package directive

import (
	"go/ast"
	"iter"
	"strings"
)

// Directive names understood by the suite.
const (
	// Contract marks an interface (or named func type) as a contract: an
	// interface that plugins implement and a host calls.
	Contract = "contract"
	// Once marks a contract method as a lifecycle hook that the host calls
	// once and not concurrently (Init, Close).
	Once = "once"
)

const prefix = "//pluginlint:"

// Has reports whether the comment group holds //pluginlint:<name>.
func Has(doc *ast.CommentGroup, name string) bool {
	if doc == nil {
		return false
	}
	for _, c := range doc.List {
		rest, ok := strings.CutPrefix(c.Text, prefix)
		if !ok {
			continue
		}
		word, _, _ := strings.Cut(rest, " ")
		if strings.TrimSpace(word) == name {
			return true
		}
	}
	return false
}

// TypeDocs yields each package-level type declared in files with the
// comment that documents it, where directives on a type are read: the
// spec's own doc, or the declaration's when the declaration holds that one
// type (type ( ... ) groups document each spec).
func TypeDocs(files []*ast.File) iter.Seq2[*ast.TypeSpec, *ast.CommentGroup] {
	return func(yield func(*ast.TypeSpec, *ast.CommentGroup) bool) {
		for _, file := range files {
			for _, decl := range file.Decls {
				gen, ok := decl.(*ast.GenDecl)
				if !ok {
					continue
				}
				for _, spec := range gen.Specs {
					ts, ok := spec.(*ast.TypeSpec)
					if !ok {
						continue
					}
					doc := ts.Doc
					if doc == nil && len(gen.Specs) == 1 {
						doc = gen.Doc
					}
					if !yield(ts, doc) {
						return
					}
				}
			}
		}
	}
}

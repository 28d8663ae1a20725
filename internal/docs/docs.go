// Package docs turns an analyzer's doc.go into its Analyzer.Doc, so that the
// documentation is written once: in the package comment that godoc shows,
// in `go-plugin-lint help <name>`, and in the generated README table.
package docs

import (
	"fmt"
	"go/parser"
	"go/token"
	"strings"
)

// URL returns the documentation address of the analyzer called name.
func URL(name string) string {
	return "https://github.com/go-plugin-lint/go-plugin-lint#" + name
}

// FromDocGo returns the package comment of a doc.go source file as plain
// text, starting with the analyzer's name as the x/tools convention wants
// ("name: summary"). It panics when the source has no package comment: that
// is a bug in the suite, caught by every test that builds the analyzer.
func FromDocGo(name, src string) string {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", src, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil || f.Doc == nil {
		panic(fmt.Sprintf("docs: doc.go of %s has no package comment: %v", name, err))
	}
	text := strings.TrimSpace(f.Doc.Text())
	// "Package name finds ..." reads as "name: finds ..." in tool output.
	if rest, ok := strings.CutPrefix(text, "Package "+name+" "); ok {
		text = name + ": " + rest
	}
	return text
}

// Summary returns the first sentence of an analyzer's Doc, without the
// "name: " prefix, for tables and SARIF short descriptions.
func Summary(doc string) string {
	first, _, _ := strings.Cut(doc, "\n\n")
	first = strings.Join(strings.Fields(first), " ")
	if _, rest, ok := strings.Cut(first, ": "); ok {
		first = rest
	}
	if i := strings.Index(first, ". "); i >= 0 {
		first = first[:i+1]
	}
	return first
}

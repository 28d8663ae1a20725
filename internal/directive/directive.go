// Package directive reads the suite's comment directives.
//
// Directives are line comments of the form //pluginlint:<name> with no space
// after the slashes, the convention the Go toolchain uses for //go: and
// //lint: directives, so that gofmt and godoc leave them out of prose.
package directive

import (
	"go/ast"
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

package directive_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"testing"

	"github.com/go-plugin-lint/go-plugin-lint/internal/directive"
)

func group(lines ...string) *ast.CommentGroup {
	g := &ast.CommentGroup{}
	for _, l := range lines {
		g.List = append(g.List, &ast.Comment{Text: l})
	}
	return g
}

func TestHas(t *testing.T) {
	for _, tc := range []struct {
		doc  *ast.CommentGroup
		name string
		want bool
	}{
		{nil, directive.Contract, false},
		{group("// Processor is a plugin.", "//", "//pluginlint:contract"), directive.Contract, true},
		{group("//pluginlint:contract some trailing words"), directive.Contract, true},
		{group("//pluginlint:once"), directive.Contract, false},
		{group("//pluginlint:contractual"), directive.Contract, false},
		// A space after the slashes makes it prose, as with //go: directives.
		{group("// pluginlint:contract"), directive.Contract, false},
		{group("/* pluginlint:contract */"), directive.Contract, false},
		{group("//pluginlint:once"), directive.Once, true},
	} {
		if got := directive.Has(tc.doc, tc.name); got != tc.want {
			t.Errorf("Has(%v, %q) = %v, want %v", tc.doc, tc.name, got, tc.want)
		}
	}
}

func TestTypeDocs(t *testing.T) {
	src := `package p

//pluginlint:contract
type Single interface{ M() }

// Group's comment documents the group, not its types.
//
//pluginlint:contract
type (
	//pluginlint:contract
	First interface{ M() }
	Second interface{ M() }
)

var v int
`
	f, err := parser.ParseFile(token.NewFileSet(), "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for ts, doc := range directive.TypeDocs([]*ast.File{f}) {
		got[ts.Name.Name] = directive.Has(doc, directive.Contract)
	}
	want := map[string]bool{"Single": true, "First": true, "Second": false}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("contracts %v, want %v", got, want)
	}
}

package runwide_test

import (
	"go/token"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/go-plugin-lint/go-plugin-lint/internal/runwide"
)

// Sort must order by file name and offset, not by token.Pos, which follows
// the order files happened to be parsed in.
func TestSort(t *testing.T) {
	fset := token.NewFileSet()
	b := fset.AddFile("b.go", -1, 100) // parsed first: lower Pos
	a := fset.AddFile("a.go", -1, 100)
	ds := []analysis.Diagnostic{
		{Pos: b.Pos(5), Message: "b5"},
		{Pos: a.Pos(9), Message: "a9 y"},
		{Pos: a.Pos(9), Message: "a9 x"},
		{Pos: a.Pos(1), Message: "a1"},
	}
	runwide.Sort(fset, ds)
	want := []string{"a1", "a9 x", "a9 y", "b5"}
	for i, d := range ds {
		if d.Message != want[i] {
			t.Fatalf("order %d = %q, want %q", i, d.Message, want[i])
		}
	}
}

package load_test

import (
	"go/ast"
	"go/token"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/go-plugin-lint/go-plugin-lint/internal/load"
)

// writeModule writes a tiny module whose package uses the standard library,
// including a generic package, and returns its directory.
func writeModule(t *testing.T) string {
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/m\n\ngo 1.26\n",
		"m.go": `package m

import (
	"net/url"
	"slices"
	"strings"
)

func Clean(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", err
	}
	parts := strings.Split(u.Path, "/")
	slices.Sort(parts)
	return strings.Join(parts, "/"), nil
}
`,
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// bodyLen returns the number of statements in the body of the function
// called name declared in pkg, or -1 when there is none.
func bodyLen(pkg *packages.Package, name string) int {
	for _, f := range pkg.Syntax {
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && fn.Name.Name == name && fn.Body != nil {
				return len(fn.Body.List)
			}
		}
	}
	return -1
}

func find(pkgs []*packages.Package, path string) *packages.Package {
	var out *packages.Package
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if p.PkgPath == path && out == nil {
			out = p
		}
	})
	return out
}

func TestDependencyBodiesStubbed(t *testing.T) {
	dir := writeModule(t)
	pkgs, err := load.Packages(token.NewFileSet(), load.Config{Dir: dir}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			t.Errorf("%s: %v (stubbing must not leave errors behind)", p.PkgPath, e)
		}
		if p.IllTyped {
			t.Errorf("%s is marked ill-typed", p.PkgPath)
		}
	})
	if n := bodyLen(find(pkgs, "example.com/m"), "Clean"); n != 5 {
		t.Errorf("the root's own function lost its body: %d statements", n)
	}
	if n := bodyLen(find(pkgs, "strings"), "TrimSpace"); n != 1 {
		t.Errorf("strings.TrimSpace of a dependency has %d statements, want the 1-statement stub", n)
	}
	if n := bodyLen(find(pkgs, "slices"), "Sort"); n < 2 {
		t.Errorf("generic slices.Sort must keep its body, has %d statements", n)
	}
}

func TestRootsKeepBodiesEvenInGOROOT(t *testing.T) {
	pkgs, err := load.Packages(token.NewFileSet(), load.Config{}, "strings")
	if err != nil {
		t.Fatal(err)
	}
	if n := bodyLen(find(pkgs, "strings"), "TrimSpace"); n <= 1 {
		t.Errorf("strings, asked for, has a stubbed TrimSpace (%d statements)", n)
	}
	if n := bodyLen(find(pkgs, "unicode/utf8"), "RuneLen"); n != 1 {
		t.Errorf("its dependency unicode/utf8 keeps RuneLen's body (%d statements)", n)
	}
}

func TestKeepAllBodies(t *testing.T) {
	dir := writeModule(t)
	pkgs, err := load.Packages(token.NewFileSet(), load.Config{Dir: dir, KeepAllBodies: true}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	if n := bodyLen(find(pkgs, "strings"), "TrimSpace"); n <= 1 {
		t.Errorf("KeepAllBodies stubbed strings.TrimSpace (%d statements)", n)
	}
}

// valueElts returns the number of elements of the composite literal that
// initialises the package-level variable name in pkg, or -1.
func valueElts(pkg *packages.Package, name string) int {
	for _, f := range pkg.Syntax {
		for _, d := range f.Decls {
			gen, ok := d.(*ast.GenDecl)
			if !ok {
				continue
			}
			for _, spec := range gen.Specs {
				vs, ok := spec.(*ast.ValueSpec)
				if !ok || len(vs.Values) == 0 || vs.Names[0].Name != name {
					continue
				}
				v := vs.Values[0]
				if u, ok := v.(*ast.UnaryExpr); ok {
					v = u.X
				}
				if lit, ok := v.(*ast.CompositeLit); ok {
					return len(lit.Elts)
				}
			}
		}
	}
	return -1
}

func TestDependencyTablesEmptied(t *testing.T) {
	pkgs, err := load.Packages(token.NewFileSet(), load.Config{}, "strings")
	if err != nil {
		t.Fatal(err)
	}
	uni := find(pkgs, "unicode")
	if uni == nil || uni.IllTyped {
		t.Fatalf("unicode missing or ill-typed: %v", uni)
	}
	// var _L = &RangeTable{R16: ..., R32: ..., LatinOffset: ...}
	if n := valueElts(uni, "_L"); n != 0 {
		t.Errorf("unicode._L, a dependency's table, keeps %d elements", n)
	}
	if n := valueElts(find(pkgs, "strings"), "asciiSpace"); n <= 0 {
		t.Errorf("strings.asciiSpace, in a package asked for, lost its elements (%d)", n)
	}
}

package baseline

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// Stub returns the package's recorded declarations as a Go source file.
func (p *Package) Stub() string {
	var b strings.Builder
	fmt.Fprintf(&b, "package %s\n\n", p.Name)
	for _, im := range p.Imports {
		fmt.Fprintf(&b, "import %s %s\n", im.Name, strconv.Quote(im.Path))
	}
	for _, d := range p.Decls {
		b.WriteString("\n")
		b.WriteString(d.Go)
		b.WriteString("\n")
	}
	return b.String()
}

// A Resolver returns the current *types.Package of an import path, or nil
// when it is not at hand. The packages it returns are only read.
type Resolver func(path string) *types.Package

// ImportedBy returns a Resolver over the packages that pkg imports,
// directly or not: the current versions of what the old API named.
func ImportedBy(pkg *types.Package) Resolver {
	var byPath map[string]*types.Package
	return func(path string) *types.Package {
		if byPath == nil {
			byPath = map[string]*types.Package{}
			var walk func(p *types.Package)
			walk = func(p *types.Package) {
				for _, q := range p.Imports() {
					if byPath[q.Path()] == nil {
						byPath[q.Path()] = q
						walk(q)
					}
				}
			}
			walk(pkg)
		}
		return byPath[path]
	}
}

// Rebuild type-checks the package's recorded declarations and returns the
// old API as a package of the recorded path. Imported packages come from
// resolve when it knows them and they still declare every type the
// declarations name; the others are stood in for by packages built from
// the recorded references, which is enough for apidiff, since it matches
// types of other packages by path and name.
func (p *Package) Rebuild(resolve Resolver) (*types.Package, error) {
	pkg, err := p.rebuild(resolve)
	if err != nil && resolve != nil {
		// A dependency that changed the kind of a type the old API names
		// (say, a constant's type) makes the old declarations invalid
		// against it; the recorded references still describe it.
		if pkg2, err2 := p.rebuild(nil); err2 == nil {
			return pkg2, nil
		}
	}
	return pkg, err
}

func (p *Package) rebuild(resolve Resolver) (*types.Package, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, p.Path+".stub.go", p.Stub(), parser.SkipObjectResolution)
	if err != nil {
		return nil, fmt.Errorf("baseline of %s does not parse: %s", p.Path, oneLine(err))
	}
	imports := map[string]*types.Package{}
	for _, im := range p.Imports {
		var real *types.Package
		if resolve != nil {
			real = resolve(im.Path)
		}
		if real != nil && declaresAll(real, im.Types) {
			imports[im.Path] = real
		} else {
			imports[im.Path] = standIn(im)
		}
	}
	var firstErr error
	conf := types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			if pkg := imports[path]; pkg != nil {
				return pkg, nil
			}
			return nil, fmt.Errorf("import %q not recorded", path)
		}),
		Error: func(err error) {
			if firstErr == nil {
				firstErr = err
			}
		},
	}
	pkg, _ := conf.Check(p.Path, fset, []*ast.File{f}, nil)
	if firstErr != nil {
		return pkg, fmt.Errorf("baseline of %s does not type-check: %s", p.Path, oneLine(firstErr))
	}
	return pkg, nil
}

type importerFunc func(string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// declaresAll reports whether pkg still declares every referenced type
// with the same number of type parameters.
func declaresAll(pkg *types.Package, refs []*Ref) bool {
	for _, r := range refs {
		tn, ok := pkg.Scope().Lookup(r.Name).(*types.TypeName)
		if !ok {
			return false
		}
		n := 0
		switch t := tn.Type().(type) {
		case *types.Named:
			n = t.TypeParams().Len()
		case *types.Alias:
			n = t.TypeParams().Len()
		}
		if n != r.TypeParams {
			return false
		}
	}
	return true
}

// standIn builds a package holding opaque types of the referenced names.
func standIn(im *Import) *types.Package {
	pkg := types.NewPackage(im.Path, im.Name)
	for _, r := range im.Types {
		tn := types.NewTypeName(token.NoPos, pkg, r.Name, nil)
		var under types.Type = types.NewStruct(nil, nil)
		switch r.Underlying {
		case "interface":
			under = types.NewInterfaceType(nil, nil).Complete()
		case "other":
		default:
			if b, ok := types.Universe.Lookup(r.Underlying).(*types.TypeName); ok {
				if basic, ok := b.Type().(*types.Basic); ok {
					under = basic
				}
			} else if r.Underlying == "unsafe.Pointer" {
				under = types.Typ[types.UnsafePointer]
			}
		}
		named := types.NewNamed(tn, under, nil)
		if r.TypeParams > 0 {
			any := types.Universe.Lookup("any").Type()
			tps := make([]*types.TypeParam, r.TypeParams)
			for i := range tps {
				tps[i] = types.NewTypeParam(types.NewTypeName(token.NoPos, pkg, fmt.Sprintf("T%d", i), nil), any)
			}
			named.SetTypeParams(tps)
		}
		pkg.Scope().Insert(tn)
	}
	pkg.MarkComplete()
	return pkg
}

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
	pkg, broken, err := p.rebuildLenient(resolve)
	if err == nil && len(broken) > 0 {
		err = fmt.Errorf("baseline of %s does not type-check: %s", p.Path, broken[0].msg)
	}
	return pkg, err
}

// brokenDecl is a recorded declaration that does not type-check.
type brokenDecl struct{ name, msg string }

// rebuildLenient rebuilds the old API and returns the declarations that
// do not type-check, so that the comparison can leave them out instead of
// failing the package. It tries the current packages first, then
// stand-ins only: a dependency that changed the kind of a type the old
// API names (say, a constant's type) makes the old declarations invalid
// against it, while the recorded references still describe it.
func (p *Package) rebuildLenient(resolve Resolver) (*types.Package, []brokenDecl, error) {
	pkg, broken, err := p.rebuild(resolve)
	if err != nil || len(broken) == 0 || resolve == nil {
		return pkg, broken, err
	}
	if pkg2, broken2, err2 := p.rebuild(nil); err2 == nil && len(broken2) < len(broken) {
		return pkg2, broken2, nil
	}
	return pkg, broken, nil
}

func (p *Package) rebuild(resolve Resolver) (*types.Package, []brokenDecl, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, p.Path+".stub.go", p.Stub(), parser.SkipObjectResolution)
	if err != nil {
		return nil, nil, fmt.Errorf("baseline of %s does not parse: %s", p.Path, oneLine(err))
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
	// Stub lays out one declaration per line after a blank line.
	firstDeclLine := 4 + len(p.Imports)
	var broken []brokenDecl
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
			name := "?"
			if te, ok := err.(types.Error); ok {
				if i := (fset.Position(te.Pos).Line - firstDeclLine) / 2; i >= 0 && i < len(p.Decls) {
					name = p.Decls[i].Name
					if typ, _, ok := strings.Cut(name, "."); ok {
						name = typ // a broken method taints its type
					}
				}
			}
			broken = append(broken, brokenDecl{name, oneLine(err)})
		},
	}
	pkg, _ := conf.Check(p.Path, fset, []*ast.File{f}, nil)
	return pkg, broken, nil
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

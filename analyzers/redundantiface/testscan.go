package redundantiface

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// The per-package tier runs twice on a package with tests: once on the
// package alone and once on its test variant. Test files may hold an
// interface's only implementations (test doubles) or its only callers, so
// the package alone cannot judge it; yet both runs must agree, or go vet
// and analysistest would see different findings for one file. The pass
// over the package alone therefore reads the package's own _test.go files
// from disk and reads them syntactically: the methods their types declare
// (and the interfaces they embed), and every selected name (conservatively
// taken as a call).

// testFiles parses the in-package _test.go files beside the package's
// files when the pass did not load them; nil when it did, or when there
// are none.
type testFile struct {
	syntax *ast.File
	base   string
}

func testFiles(pass *analysis.Pass) []testFile {
	if len(pass.Files) == 0 {
		return nil
	}
	dir := ""
	for _, f := range pass.Files {
		name := pass.Fset.File(f.FileStart).Name()
		if strings.HasSuffix(name, "_test.go") {
			return nil // the test variant: the pass has typed test files
		}
		if dir == "" {
			dir = filepath.Dir(name)
		}
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*_test.go"))
	sort.Strings(names)
	fset := token.NewFileSet()
	var out []testFile
	for _, name := range names {
		if _, err := os.Stat(name); err != nil {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil || f.Name.Name != pass.Pkg.Name() {
			continue
		}
		out = append(out, testFile{f, filepath.Base(name)})
	}
	return out
}

// scanTests returns syntactic implementers from the unloaded test files
// (each type with the names of the methods declared on it, matched by
// name) and every name they select.
func scanTests(pass *analysis.Pass) ([]*Impl, []string) {
	files := testFiles(pass)
	if files == nil {
		return nil, nil
	}
	impls := map[string]*Impl{}
	get := func(name, file string) *Impl {
		impl := impls[name]
		if impl == nil {
			impl = &Impl{Key: pass.Pkg.Path() + "." + name, Name: name, File: file, Double: true, Methods: map[string]ImplMethod{}}
			impls[name] = impl
		}
		return impl
	}
	embeds := map[string][]string{}
	var selected []string
	for _, tf := range files {
		file := tf.base
		ast.Inspect(tf.syntax, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				selected = append(selected, sel.Sel.Name)
			}
			return true
		})
		for _, decl := range tf.syntax.Decls {
			switch decl := decl.(type) {
			case *ast.FuncDecl:
				if decl.Recv == nil || len(decl.Recv.List) == 0 {
					continue
				}
				impl := get(recvName(decl.Recv.List[0].Type), file)
				impl.Methods[syntacticID(pass, decl.Name.Name)] = ImplMethod{}
			case *ast.GenDecl:
				for _, spec := range decl.Specs {
					ts, ok := spec.(*ast.TypeSpec)
					if !ok {
						continue
					}
					st, ok := ts.Type.(*ast.StructType)
					if !ok {
						continue
					}
					get(ts.Name.Name, file)
					for _, field := range st.Fields.List {
						if len(field.Names) == 0 {
							embeds[ts.Name.Name] = append(embeds[ts.Name.Name], recvName(field.Type))
						}
					}
				}
			}
		}
	}
	// A test type embedding an interface or a type of the package gets
	// its methods: add the embedded interface's or type's method IDs.
	var out []*Impl
	names := make([]string, 0, len(impls))
	for name := range impls {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		impl := impls[name]
		for _, emb := range embeds[name] {
			for _, id := range embeddedIDs(pass, emb, impls) {
				impl.Methods[id] = ImplMethod{}
			}
		}
		if len(impl.Methods) > 0 {
			out = append(out, impl)
		}
	}
	return out, selected
}

// embeddedIDs lists the method IDs that embedding the type called name
// promotes: from the package's own declarations or from another test type.
func embeddedIDs(pass *analysis.Pass, name string, impls map[string]*Impl) []string {
	var out []string
	if tn, ok := pass.Pkg.Scope().Lookup(name).(*types.TypeName); ok {
		t := tn.Type()
		if !types.IsInterface(t) {
			t = types.NewPointer(t)
		}
		ms := types.NewMethodSet(t)
		for sel := range ms.Methods() {
			if fn, ok := sel.Obj().(*types.Func); ok {
				out = append(out, methodID(fn))
			}
		}
	}
	if impl := impls[name]; impl != nil {
		for id := range impl.Methods {
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out
}

func syntacticID(pass *analysis.Pass, name string) string {
	if ast.IsExported(name) {
		return name
	}
	return pass.Pkg.Path() + "." + name
}

func recvName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.StarExpr:
		return recvName(e.X)
	case *ast.IndexExpr:
		return recvName(e.X)
	case *ast.IndexListExpr:
		return recvName(e.X)
	case *ast.ParenExpr:
		return recvName(e.X)
	case *ast.Ident:
		return e.Name
	}
	return ""
}

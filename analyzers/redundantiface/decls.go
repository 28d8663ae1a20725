package redundantiface

import (
	"go/ast"
	"go/types"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/go-plugin-lint/go-plugin-lint/internal/contracts"
	"github.com/go-plugin-lint/go-plugin-lint/internal/fileclass"
)

// collectDecls records the package's named interfaces and its concrete
// types with methods (package-level and local, test files and generated
// files included: generated types still count as implementers).
func collectDecls(pass *analysis.Pass, files *fileclass.Index, cr *contracts.Result, r *Result) {
	internal := isInternal(pass.Pkg.Path())
	main := pass.Pkg.Name() == "main"
	for _, file := range pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok {
				return true
			}
			tn, _ := pass.TypesInfo.Defs[ts.Name].(*types.TypeName)
			if tn == nil || tn.IsAlias() {
				return true
			}
			named, ok := tn.Type().(*types.Named)
			if !ok {
				return true
			}
			class := files.At(ts.Pos())
			base := filepath.Base(pass.Fset.Position(ts.Pos()).Filename)
			if iface, ok := named.Underlying().(*types.Interface); ok {
				if tn.Parent() != pass.Pkg.Scope() {
					return true // a local interface: nothing outside its function can use it
				}
				r.Ifaces = append(r.Ifaces, &Iface{
					Key:        qualified(tn),
					Name:       tn.Name(),
					Pos:        ts.Name.Pos(),
					File:       base,
					Exported:   tn.Exported(),
					Generated:  class.IsGenerated(),
					Test:       class.IsTestDouble(),
					Contract:   cr.Contract(tn),
					Constraint: !iface.IsMethodSet(),
					Generic:    named.TypeParams().Len() > 0,
					Internal:   internal,
					Main:       main,
					Methods:    ifaceMethods(tn, iface),
				})
				return true
			}
			if impl := implOf(tn, named); impl != nil {
				if tn.Parent() != pass.Pkg.Scope() {
					// A type local to a function: its name may repeat.
					impl.Key += "@" + strconv.Itoa(pass.Fset.Position(ts.Pos()).Line) + ":" + base
				}
				impl.File = base
				impl.Double = class.IsTestDouble()
				r.Impls = append(r.Impls, impl)
			}
			return true
		})
	}
}

// ifaceMethods lists the method set of the interface tn, with the
// declaring interface of each method.
func ifaceMethods(tn *types.TypeName, iface *types.Interface) []Method {
	var out []Method
	for m := range iface.Methods() {
		sig, _ := m.Type().(*types.Signature)
		if sig == nil {
			continue
		}
		key := methodKey(m)
		meth := Method{
			ID:     methodID(m),
			Name:   m.Name(),
			Key:    key,
			Sig:    sigString(sig),
			Pos:    m.Pos(),
			Own:    key == qualified(tn)+"."+m.Name(),
			Loose:  mentionsTypeParam(sig),
			Params: sig.Params().Len(),
			Res:    sig.Results().Len(),
		}
		meth.Exempt = exemptMethod(m, sig, meth.Sig)
		out = append(out, meth)
	}
	return out
}

// implOf describes a concrete type by the method set of its pointer, which
// holds the value methods too: T or *T may be the implementation.
func implOf(tn *types.TypeName, named *types.Named) *Impl {
	ms := types.NewMethodSet(types.NewPointer(named))
	if ms.Len() == 0 {
		return nil
	}
	impl := &Impl{
		Key:     qualified(tn),
		Name:    tn.Name(),
		Generic: named.TypeParams().Len() > 0,
		Methods: make(map[string]ImplMethod, ms.Len()),
	}
	for sel := range ms.Methods() {
		fn, ok := sel.Obj().(*types.Func)
		if !ok {
			continue
		}
		sig, ok := sel.Type().(*types.Signature)
		if !ok {
			continue
		}
		im := ImplMethod{Sig: sigString(sig), Params: sig.Params().Len(), Res: sig.Results().Len()}
		if mentionsTypeParam(sig) {
			impl.Generic = true
		}
		impl.Methods[methodID(fn)] = im
	}
	return impl
}

// methodKey names the interface that declares the interface method m
// ("pkg/path.Iface.Method"), or "" when m is not a method of a named
// interface (a concrete method, or one declared in an interface literal).
func methodKey(m *types.Func) string {
	if m == nil {
		return ""
	}
	m = m.Origin()
	sig, ok := m.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return ""
	}
	named, ok := types.Unalias(sig.Recv().Type()).(*types.Named)
	if !ok || !types.IsInterface(named) {
		return ""
	}
	return qualified(named.Origin().Obj()) + "." + m.Name()
}

// ifaceKey names a named interface type, or "" when t is not one.
func ifaceKey(t types.Type) string {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || !types.IsInterface(named) {
		return ""
	}
	if _, ok := named.Underlying().(*types.Interface); !ok {
		return ""
	}
	return qualified(named.Origin().Obj())
}

// methodID identifies a method for matching across packages: its name,
// qualified by its package when unexported (only that package's types can
// provide it).
func methodID(m *types.Func) string {
	if m.Exported() || m.Pkg() == nil {
		return m.Name()
	}
	return m.Pkg().Path() + "." + m.Name()
}

func qualified(tn *types.TypeName) string {
	if tn.Pkg() == nil {
		return tn.Name()
	}
	return tn.Pkg().Path() + "." + tn.Name()
}

// sigString writes a signature without parameter names, with package
// paths and without aliases, so that an interface method and a concrete
// method compare equal exactly when their types are identical.
func sigString(sig *types.Signature) string {
	var b strings.Builder
	writeSig(&b, sig, 0)
	return b.String()
}

// mentionsTypeParam reports whether a signature mentions a type
// parameter, in which case its string depends on the parameter's name.
func mentionsTypeParam(sig *types.Signature) bool {
	found := false
	var visit func(t types.Type, depth int)
	visit = func(t types.Type, depth int) {
		if found || t == nil || depth > 8 {
			return
		}
		switch t := t.(type) {
		case *types.TypeParam:
			found = true
		case *types.Pointer:
			visit(t.Elem(), depth+1)
		case *types.Slice:
			visit(t.Elem(), depth+1)
		case *types.Array:
			visit(t.Elem(), depth+1)
		case *types.Map:
			visit(t.Key(), depth+1)
			visit(t.Elem(), depth+1)
		case *types.Chan:
			visit(t.Elem(), depth+1)
		case *types.Tuple:
			for v := range t.Variables() {
				visit(v.Type(), depth+1)
			}
		case *types.Signature:
			visit(t.Params(), depth+1)
			visit(t.Results(), depth+1)
		case *types.Named:
			for a := range t.TypeArgs().Types() {
				visit(a, depth+1)
			}
		case *types.Alias:
			visit(types.Unalias(t), depth+1)
		}
	}
	visit(sig, 0)
	return found
}

func isInternal(path string) bool {
	for _, elem := range strings.Split(path, "/") {
		if elem == "internal" {
			return true
		}
	}
	return false
}

package baseline

import (
	"go/constant"
	"go/types"
	"sort"
	"strconv"
	"strings"
)

// Scopes.
const (
	// ScopeAPI records every exported declaration.
	ScopeAPI = "api"
	// ScopeContracts records contracts and the types they reach.
	ScopeContracts = "contracts"
)

// FromPackage records the API of pkg: the top-level objects named by
// names (see Names), plus the package's own types they need, with struct
// layouts for targets.
func FromPackage(pkg *types.Package, names []string, targets []Target) *Package {
	pr := newPrinter(pkg)
	var decls []*Decl
	done := map[*types.TypeName]bool{}
	scope := pkg.Scope()
	for _, name := range names {
		switch obj := scope.Lookup(name).(type) {
		case *types.Const:
			decls = append(decls, &Decl{Kind: KindConst, Name: name, Go: pr.constDecl(obj)})
		case *types.Var:
			decls = append(decls, &Decl{Kind: KindVar, Name: name, Go: "var " + name + " " + pr.typ(obj.Type())})
		case *types.Func:
			sig := obj.Type().(*types.Signature)
			var b strings.Builder
			b.WriteString("func " + name + pr.typeParams(sig.TypeParams()))
			pr.signature(&b, sig, nil)
			b.WriteString(" { panic(0) }")
			decls = append(decls, &Decl{Kind: KindFunc, Name: name, Go: b.String()})
		case *types.TypeName:
			done[obj] = true
			decls = append(decls, pr.typeDecls(obj, targets)...)
		}
	}
	// The package's own types that the declarations name, exported or
	// not: the stub must declare them to type-check.
	for len(pr.need) > 0 {
		tn := pr.need[0]
		pr.need = pr.need[1:]
		if done[tn] || tn.Parent() != scope {
			continue
		}
		done[tn] = true
		decls = append(decls, pr.typeDecls(tn, targets)...)
	}
	if decls == nil {
		decls = []*Decl{} // "decls": [] rather than null
	}
	p := &Package{Path: pkg.Path(), Name: pkg.Name(), Decls: decls}
	p.Imports = pr.finish(decls)
	sort.SliceStable(p.Decls, func(i, j int) bool { return p.Decls[i].Name < p.Decls[j].Name })
	return p
}

// Names returns the names of pkg's top-level declarations in scope:
// every exported one for ScopeAPI, and for ScopeContracts the types of
// pkg that are reached.
func Names(pkg *types.Package, scope string, reached map[*types.TypeName]bool) []string {
	var out []string
	for _, name := range pkg.Scope().Names() { // sorted
		obj := pkg.Scope().Lookup(name)
		if !obj.Exported() {
			continue
		}
		if scope == ScopeContracts {
			tn, ok := obj.(*types.TypeName)
			if !ok || !reached[tn] {
				continue
			}
		}
		out = append(out, name)
	}
	return out
}

// typeDecls returns the declaration of a type and of its methods.
func (pr *printer) typeDecls(tn *types.TypeName, targets []Target) []*Decl {
	name := tn.Name()
	d := &Decl{Kind: KindType, Name: name}
	switch t := tn.Type().(type) {
	case *types.Alias:
		d.Go = "type " + name + pr.typeParams(t.TypeParams()) + " = " + pr.typ(t.Rhs())
		if t.TypeParams().Len() == 0 {
			d.Go = "type " + name + " = " + pr.typ(types.Unalias(t))
		}
		return []*Decl{d}
	case *types.Named:
		d.Go = "type " + name + pr.typeParams(t.TypeParams()) + " " + pr.typ(t.Underlying())
		if iface, ok := t.Underlying().(*types.Interface); ok {
			for m := range iface.Methods() {
				if !m.Exported() {
					d.Sealed = true
				}
			}
		}
		if _, ok := t.Underlying().(*types.Struct); ok && t.TypeParams().Len() == 0 {
			d.Layout = Layouts(t, targets)
		}
		out := []*Decl{d}
		for m := range t.Methods() {
			out = append(out, pr.methodDecl(name, m))
		}
		return out
	}
	d.Go = "type " + name + " " + pr.typ(tn.Type().Underlying())
	return []*Decl{d}
}

func (pr *printer) methodDecl(typeName string, m *types.Func) *Decl {
	sig := m.Type().(*types.Signature)
	recv := typeName
	if tps := sig.RecvTypeParams(); tps.Len() > 0 {
		var names []string
		for i := 0; i < tps.Len(); i++ {
			names = append(names, tps.At(i).Obj().Name())
		}
		recv += "[" + strings.Join(names, ", ") + "]"
	}
	if r := sig.Recv(); r != nil {
		if _, ptr := types.Unalias(r.Type()).(*types.Pointer); ptr {
			recv = "*" + recv
		}
	}
	var b strings.Builder
	b.WriteString("func (" + recv + ") " + m.Name())
	pr.signature(&b, sig, nil)
	b.WriteString(" { panic(0) }")
	return &Decl{Kind: KindMethod, Name: typeName + "." + m.Name(), Go: b.String()}
}

// constDecl writes a constant with its exact value and its type (an
// untyped constant keeps its kind through the literal's form).
func (pr *printer) constDecl(c *types.Const) string {
	val := constLiteral(c.Val())
	if b, ok := c.Type().(*types.Basic); ok && b.Info()&types.IsUntyped != 0 {
		switch b.Kind() {
		case types.UntypedRune:
			if v, ok := constant.Int64Val(c.Val()); ok {
				val = strconv.QuoteRune(rune(v))
			}
		case types.UntypedFloat:
			if !strings.ContainsAny(val, "./eE") {
				val += ".0"
			}
		}
		return "const " + c.Name() + " = " + val
	}
	return "const " + c.Name() + " " + pr.typ(c.Type()) + " = " + val
}

func constLiteral(v constant.Value) string {
	switch v.Kind() {
	case constant.String:
		return strconv.Quote(constant.StringVal(v))
	case constant.Bool:
		return v.ExactString()
	case constant.Float:
		s := v.ExactString()
		if strings.Contains(s, "/") {
			return "(" + strings.Replace(s, "/", ".0/", 1) + ")"
		}
		return s
	case constant.Unknown:
		return "0"
	}
	return v.ExactString()
}

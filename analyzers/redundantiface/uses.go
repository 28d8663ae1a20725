package redundantiface

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/go-plugin-lint/go-plugin-lint/internal/contracts"
)

// uses collects how a package's code uses interfaces.
type uses struct {
	pass        *analysis.Pass
	assertedIDs map[string]bool // "methodID signature" of every method an assertion checks for
	// assertedTypes maps the keys of asserted named interfaces to their types.
	assertedTypes map[string]*types.Interface
	used          map[string]bool // method keys
	asserted      map[string]bool // interface keys: type-assertion targets
	constraints   map[string]bool // interface keys used as constraints
	implemented   map[string]bool // interface keys: values of foreign types converted to them
	funcs         []*types.Signature
}

func collectUses(pass *analysis.Pass) *uses {
	u := &uses{
		pass:          pass,
		assertedIDs:   map[string]bool{},
		assertedTypes: map[string]*types.Interface{},
		used:          map[string]bool{},
		asserted:      map[string]bool{},
		constraints:   map[string]bool{},
		implemented:   map[string]bool{},
	}
	for _, obj := range pass.TypesInfo.Defs {
		tn, ok := obj.(*types.TypeName)
		if !ok {
			continue
		}
		if tp, ok := tn.Type().(*types.TypeParam); ok {
			u.constraint(tp.Constraint(), 0)
		}
	}
	for _, file := range pass.Files {
		u.file(file)
	}
	return u
}

// constraint records the named interfaces a constraint is or embeds.
func (u *uses) constraint(t types.Type, depth int) {
	if depth > 8 {
		return
	}
	if key := ifaceKey(t); key != "" {
		u.constraints[key] = true
	}
	if iface, ok := types.Unalias(t).Underlying().(*types.Interface); ok {
		for i := 0; i < iface.NumEmbeddeds(); i++ {
			u.constraint(iface.EmbeddedType(i), depth+1)
		}
	}
}

func (u *uses) file(file *ast.File) {
	info := u.pass.TypesInfo
	var stack []ast.Node
	ast.Inspect(file, func(n ast.Node) bool {
		if n == nil {
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if _, ok := top.(*ast.FuncDecl); ok {
				u.funcs = u.funcs[:len(u.funcs)-1]
			} else if _, ok := top.(*ast.FuncLit); ok {
				u.funcs = u.funcs[:len(u.funcs)-1]
			}
			return true
		}
		stack = append(stack, n)
		switch n := n.(type) {
		case *ast.FuncDecl:
			sig, _ := typeOfObj(info.Defs[n.Name]).(*types.Signature)
			u.funcs = append(u.funcs, sig)
		case *ast.FuncLit:
			sig, _ := info.TypeOf(n).(*types.Signature)
			u.funcs = append(u.funcs, sig)
		case *ast.SelectorExpr:
			// A call, a method value or a method expression through an
			// interface, a type parameter or an embedded interface field.
			if sel := info.Selections[n]; sel != nil {
				if fn, ok := sel.Obj().(*types.Func); ok {
					u.use(methodKey(fn))
				}
			}
		case *ast.TypeAssertExpr:
			// A host asserting a plugin.Symbol to a contract is how it
			// obtains the plugin's value, not an optional-behaviour check:
			// the methods it needs are the ones it then calls, so the
			// dead-contract check still sees the others.
			if n.Type != nil && !contracts.IsPluginSymbol(info.TypeOf(n.X)) {
				u.assert(info.TypeOf(n.Type))
			}
		case *ast.TypeSwitchStmt:
			for _, stmt := range n.Body.List {
				if cc, ok := stmt.(*ast.CaseClause); ok {
					for _, e := range cc.List {
						u.assert(info.TypeOf(e))
					}
				}
			}
		case *ast.CallExpr:
			u.call(n)
		case *ast.AssignStmt:
			if n.Tok == token.ASSIGN || n.Tok == token.DEFINE {
				u.assign(n.Lhs, n.Rhs)
			}
		case *ast.ValueSpec:
			if n.Type != nil {
				t := info.TypeOf(n.Type)
				blank := len(n.Names) > 0 && n.Names[0].Name == "_"
				for _, v := range n.Values {
					// var _ I = (*T)(nil) is a compile-time assertion,
					// not a use of I's methods.
					u.convert(info.TypeOf(v), t, !blank)
				}
			}
		case *ast.ReturnStmt:
			if len(u.funcs) > 0 && u.funcs[len(u.funcs)-1] != nil {
				res := u.funcs[len(u.funcs)-1].Results()
				u.exprsTo(n.Results, func(i int) types.Type {
					if i < res.Len() {
						return res.At(i).Type()
					}
					return nil
				})
			}
		case *ast.CompositeLit:
			u.composite(n)
		case *ast.SendStmt:
			if ch, ok := typeUnder(info.TypeOf(n.Chan)).(*types.Chan); ok {
				u.convert(info.TypeOf(n.Value), ch.Elem(), true)
			}
		}
		return true
	})
}

func typeOfObj(obj types.Object) types.Type {
	if obj == nil {
		return nil
	}
	return obj.Type()
}

func typeUnder(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	return t.Underlying()
}

func (u *uses) use(key string) {
	if key != "" {
		u.used[key] = true
	}
}

// assert records an optional-behaviour check: asserting to an interface
// tests for its methods, so each of them is needed.
// Any other interface method with the same name and signature may be
// found by the check too, on values of its implementations.
func (u *uses) assert(t types.Type) {
	if t == nil {
		return
	}
	iface, ok := t.Underlying().(*types.Interface)
	if !ok {
		return
	}
	if key := ifaceKey(t); key != "" {
		u.asserted[key] = true
		u.assertedTypes[key] = iface
	}
	for m := range iface.Methods() {
		u.use(methodKey(m))
		if sig, ok := m.Type().(*types.Signature); ok {
			u.assertedIDs[methodID(m)+" "+sigString(sig)] = true
		}
	}
}

func (u *uses) call(call *ast.CallExpr) {
	info := u.pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) == 1 {
			u.convert(info.TypeOf(call.Args[0]), tv.Type, true)
		}
		return
	}
	sig, ok := typeUnder(info.TypeOf(call.Fun)).(*types.Signature)
	if !ok {
		return
	}
	params := sig.Params()
	u.exprsTo(call.Args, func(i int) types.Type {
		n := params.Len()
		switch {
		case sig.Variadic() && i >= n-1 && call.Ellipsis == token.NoPos:
			if s, ok := params.At(n - 1).Type().(*types.Slice); ok {
				return s.Elem()
			}
			return nil
		case i < n:
			return params.At(i).Type()
		}
		return nil
	})
}

func (u *uses) assign(lhs, rhs []ast.Expr) {
	info := u.pass.TypesInfo
	u.exprsTo(rhs, func(i int) types.Type {
		if i < len(lhs) {
			return info.TypeOf(lhs[i])
		}
		return nil
	})
}

// exprsTo converts each value of exprs (spreading a single tuple-valued
// expression) to the type target(i) gives for its index.
func (u *uses) exprsTo(exprs []ast.Expr, target func(int) types.Type) {
	info := u.pass.TypesInfo
	if len(exprs) == 1 {
		if tuple, ok := info.TypeOf(exprs[0]).(*types.Tuple); ok {
			for i := 0; i < tuple.Len(); i++ {
				u.convert(tuple.At(i).Type(), target(i), true)
			}
			return
		}
	}
	for i, e := range exprs {
		u.convert(info.TypeOf(e), target(i), true)
	}
}

func (u *uses) composite(lit *ast.CompositeLit) {
	info := u.pass.TypesInfo
	t := info.TypeOf(lit)
	if p, ok := typeUnder(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	switch ut := typeUnder(t).(type) {
	case *types.Struct:
		for i, e := range lit.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok {
					if f, ok := info.Uses[id].(*types.Var); ok {
						u.convert(info.TypeOf(kv.Value), f.Type(), true)
					}
				}
				continue
			}
			if i < ut.NumFields() {
				u.convert(info.TypeOf(e), ut.Field(i).Type(), true)
			}
		}
	case *types.Slice, *types.Array, *types.Map:
		var key, elem types.Type
		switch ut := ut.(type) {
		case *types.Slice:
			elem = ut.Elem()
		case *types.Array:
			elem = ut.Elem()
		case *types.Map:
			key, elem = ut.Key(), ut.Elem()
		}
		for _, e := range lit.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				if key != nil {
					u.convert(info.TypeOf(kv.Key), key, true)
				}
				e = kv.Value
			}
			if _, nested := e.(*ast.CompositeLit); nested {
				continue // typed by elision; visited on its own
			}
			u.convert(info.TypeOf(e), elem, true)
		}
	}
}

// convert records a value of type from becoming a value of interface type
// to. The methods of to that from provides through an interface (from is
// an interface, or embeds one) are needed; a foreign or interface-typed
// source is evidence that to is implemented.
func (u *uses) convert(from, to types.Type, use bool) {
	if from == nil || to == nil {
		return
	}
	if _, ok := to.(*types.TypeParam); ok {
		return
	}
	iface, ok := to.Underlying().(*types.Interface)
	if !ok || types.Identical(from, to) {
		return
	}
	if b, ok := from.(*types.Basic); ok && b.Kind() == types.UntypedNil {
		return
	}
	if key := ifaceKey(to); key != "" && u.foreign(from) {
		u.implemented[key] = true
	}
	if !use {
		return
	}
	for m := range iface.Methods() {
		obj, _, _ := types.LookupFieldOrMethod(from, true, m.Pkg(), m.Name())
		if fn, ok := obj.(*types.Func); ok {
			u.use(methodKey(fn))
		}
	}
}

// foreign reports whether values of t come from somewhere other than a
// concrete type declared in this package (whose implementations the
// package's own declarations already show).
func (u *uses) foreign(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	t = types.Unalias(t)
	if types.IsInterface(t) {
		return true // another interface, or a type parameter
	}
	named, ok := t.(*types.Named)
	if !ok {
		return true // a struct literal type embedding an implementation
	}
	return named.Obj().Pkg() != u.pass.Pkg
}

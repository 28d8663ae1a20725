package statecoupling

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/go-plugin-lint/go-plugin-lint/internal/contracts"
)

// entry is a function the host may call concurrently (or, for a
// lifecycle hook, once): the root of the writes to report.
type entry struct {
	fn   *fnInfo     // the function in this package, or nil
	ext  *types.Func // a function of another package passed as a handler
	pos  token.Pos   // declaration, or where an external function is passed
	name string      // how messages name it
	why  string      // the contract that makes it one
	hook bool        // a //pluginlint:once lifecycle hook: only stashes count
}

// findEntryLits finds the function values passed where a contract func
// type (http.HandlerFunc, reconcile.Func, ...) or http.HandleFunc expects a
// handler, so that the walk treats literals among them as roots.
func (a *analyzerRun) findEntryValues() {
	info := a.pass.TypesInfo
	for _, file := range a.files {
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			// Conversion: http.HandlerFunc(f), reconcile.Func(f).
			if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
				if len(call.Args) == 1 && a.isContractFunc(tv.Type) {
					a.entryValue(call.Args[0], contractName(tv.Type))
				}
				return true
			}
			// http.HandleFunc and (*http.ServeMux).HandleFunc serve their
			// handler concurrently although its type is a plain func.
			if fn := typeutil.StaticCallee(info, call); fn != nil && fn.Pkg() != nil &&
				fn.Pkg().Path() == "net/http" && fn.Name() == "HandleFunc" && len(call.Args) == 2 {
				a.entryValue(call.Args[1], "net/http.HandleFunc")
				return true
			}
			// Implicit conversion of an argument to a contract func type.
			sig, ok := info.TypeOf(call.Fun).(*types.Signature)
			if !ok {
				return true
			}
			for i, arg := range call.Args {
				var pt types.Type
				switch {
				case sig.Variadic() && i >= sig.Params().Len()-1:
					if s, ok := sig.Params().At(sig.Params().Len() - 1).Type().(*types.Slice); ok && !call.Ellipsis.IsValid() {
						pt = s.Elem()
					}
				case i < sig.Params().Len():
					pt = sig.Params().At(i).Type()
				}
				if pt != nil && a.isContractFunc(pt) {
					if _, named := types.Unalias(info.TypeOf(arg)).(*types.Named); !named {
						a.entryValue(arg, contractName(pt))
					}
				}
			}
			return true
		})
	}
}

// isContractFunc reports whether t is a contract whose underlying type is
// a func type.
func (a *analyzerRun) isContractFunc(t types.Type) bool {
	if _, ok := t.Underlying().(*types.Signature); !ok {
		return false
	}
	return a.res.ContractType(t)
}

func contractName(t types.Type) string {
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return qualifiedShort(n.Origin().Obj())
	}
	return types.TypeString(t, nil)
}

func qualifiedShort(tn *types.TypeName) string {
	if tn.Pkg() == nil {
		return tn.Name()
	}
	return tn.Pkg().Name() + "." + tn.Name()
}

// entryValue records the function value e as an entry point.
func (a *analyzerRun) entryValue(e ast.Expr, why string) {
	info := a.pass.TypesInfo
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.FuncLit:
		if !a.entryLits[x] {
			a.entryLits[x] = true
			a.litWhy[x] = why
		}
		return
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[x]; ok {
			if fn, ok := sel.Obj().(*types.Func); ok {
				a.valueEntry(fn.Origin(), e.Pos(), why)
			}
			return
		}
		if fn, ok := info.Uses[x.Sel].(*types.Func); ok {
			a.valueEntry(fn.Origin(), e.Pos(), why)
		}
	case *ast.Ident:
		if fn, ok := info.Uses[x].(*types.Func); ok {
			a.valueEntry(fn.Origin(), e.Pos(), why)
		}
	case *ast.IndexExpr: // generic function instantiated explicitly
		a.entryValue(x.X, why)
	case *ast.IndexListExpr:
		a.entryValue(x.X, why)
	}
}

func (a *analyzerRun) valueEntry(fn *types.Func, pos token.Pos, why string) {
	for _, v := range a.values {
		if v.fn == fn && v.pos == pos {
			return
		}
	}
	a.values = append(a.values, valueUse{fn: fn, pos: pos, why: why})
}

// valueUse is a declared function passed as a handler.
type valueUse struct {
	fn  *types.Func
	pos token.Pos
	why string
}

// entries lists the roots: contract methods implemented in this package,
// handler values, and lifecycle hooks, in source order.
func (a *analyzerRun) entries() []*entry {
	var out []*entry
	seen := map[*fnInfo]bool{}
	for _, fn := range a.funcs {
		if fn.obj == nil {
			continue
		}
		if tn, ok := a.res.EntryPoint(fn.obj); ok {
			out = append(out, &entry{fn: fn, pos: fn.obj.Pos(), name: fn.name, why: qualifiedShort(tn)})
			seen[fn] = true
		} else if tn := a.onceHook(fn.obj); tn != nil {
			out = append(out, &entry{fn: fn, pos: fn.obj.Pos(), name: fn.name, why: qualifiedShort(tn), hook: true})
		}
	}
	for _, v := range a.values {
		if fn := a.byObj[v.fn]; fn != nil {
			if !seen[fn] {
				seen[fn] = true
				out = append(out, &entry{fn: fn, pos: fn.obj.Pos(), name: fn.name, why: v.why})
			}
			continue
		}
		if v.fn.Pkg() != a.pass.Pkg {
			out = append(out, &entry{ext: v.fn, pos: v.pos, name: funcName(v.fn, a.pass.Pkg), why: v.why})
		}
	}
	for _, fn := range a.lits {
		out = append(out, &entry{fn: fn, pos: fn.body.Pos(), name: fn.name, why: a.litWhyOf[fn]})
	}
	return out
}

// onceHook returns the contract whose //pluginlint:once method m
// implements, or nil.
func (a *analyzerRun) onceHook(m *types.Func) *types.TypeName {
	sig, ok := m.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || types.IsInterface(sig.Recv().Type()) {
		return nil
	}
	for _, tn := range a.res.All() {
		iface, ok := tn.Type().Underlying().(*types.Interface)
		if !ok {
			continue
		}
		for im := range iface.Methods() {
			if im.Name() == m.Name() && a.res.IsOnce(im) && contracts.Implements(sig.Recv().Type(), tn) {
				return tn
			}
		}
	}
	return nil
}

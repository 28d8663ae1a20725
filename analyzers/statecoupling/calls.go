package statecoupling

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// callExpr handles one call; it returns whether to walk the arguments.
func (w *walker) callExpr(call *ast.CallExpr, st *lockState) bool {
	info := w.info()
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		return true // a conversion
	}
	if op, lock := lockOp(info, call); op != "" {
		st.apply(op, lock)
		return false
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok {
			switch b.Name() {
			case "delete", "clear":
				if len(call.Args) > 0 {
					w.write(call.Args[0], nil, st)
				}
			}
			return true
		}
	}
	callee := typeutil.StaticCallee(info, call)
	if callee != nil && isOnceBody(callee) {
		// sync.Once.Do, sync.OnceFunc, OnceValue, OnceValues: the body
		// runs once, before any caller proceeds.
		return false
	}
	w.call(call, st)
	return true
}

// isOnceBody reports whether fn runs its function argument once.
func isOnceBody(fn *types.Func) bool {
	if fn.Pkg() == nil || fn.Pkg().Path() != "sync" {
		return false
	}
	switch fn.Name() {
	case "Do", "OnceFunc", "OnceValue", "OnceValues":
		return true
	}
	return false
}

// call records a static call with its bindings.
func (w *walker) call(call *ast.CallExpr, st *lockState) {
	callee := typeutil.StaticCallee(w.info(), call)
	if callee == nil {
		return
	}
	callee = callee.Origin()
	mode, lock := st.mode()
	cs := &callSite{callee: callee, name: funcName(callee, w.a.pass.Pkg), pos: call.Lparen, held: mode, lock: lock}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s, ok := w.info().Selections[sel]; ok && s.Kind() == types.MethodVal {
			w.bind(cs, -1, sel.X)
		}
	}
	sig, _ := callee.Type().(*types.Signature)
	for i, arg := range call.Args {
		p := i
		if sig != nil && sig.Variadic() && p >= sig.Params().Len()-1 {
			p = sig.Params().Len() - 1
		}
		w.bind(cs, p, arg)
	}
	w.fn.calls = append(w.fn.calls, cs)
}

// bind records that the callee's parameter p receives state rooted at
// the caller's target. A local copy of a value (not a pointer, map or
// slice) passes its own copy, so it binds nothing.
func (w *walker) bind(cs *callSite, p int, arg ast.Expr) {
	r := w.root(arg)
	if !r.ok {
		return
	}
	if r.aliased && !r.indirect {
		return
	}
	if cs.bind == nil {
		cs.bind = map[int]target{}
	}
	if _, dup := cs.bind[p]; !dup {
		cs.bind[p] = r.tgt
	}
}

func isReference(t types.Type) bool {
	if t == nil {
		return false
	}
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Map, *types.Slice:
		return true
	}
	return false
}

package statecoupling

import (
	"go/ast"
	"go/token"
	"go/types"
)

// rooted is the result of root.
type rooted struct {
	tgt      target
	indirect bool // the access path follows a pointer, map or slice
	aliased  bool // the root is a local copy of tgt
	ok       bool
}

// root follows selectors, index expressions and dereferences from e down
// to the variable they start from.
func (w *walker) root(e ast.Expr) rooted {
	info := w.info()
	indirect := false
	for {
		switch x := e.(type) {
		case *ast.ParenExpr:
			e = x.X
		case *ast.StarExpr:
			indirect = true
			e = x.X
		case *ast.UnaryExpr:
			if x.Op != token.AND {
				return rooted{}
			}
			e = x.X
		case *ast.IndexExpr:
			tv, ok := info.Types[x.X]
			if !ok || tv.IsType() {
				return rooted{}
			}
			switch u := tv.Type.Underlying().(type) {
			case *types.Map, *types.Slice, *types.Pointer:
				indirect = true
			case *types.Array:
			default:
				_ = u
				return rooted{}
			}
			e = x.X
		case *ast.SliceExpr:
			indirect = true
			e = x.X
		case *ast.SelectorExpr:
			if sel, ok := info.Selections[x]; ok {
				if sel.Kind() != types.FieldVal {
					return rooted{}
				}
				if sel.Indirect() {
					indirect = true
				}
				e = x.X
				continue
			}
			return w.objRoot(info.Uses[x.Sel], indirect)
		case *ast.Ident:
			return w.objRoot(info.Uses[x], indirect)
		default:
			return rooted{}
		}
	}
}

func (w *walker) objRoot(obj types.Object, indirect bool) rooted {
	v, ok := obj.(*types.Var)
	if !ok || v.IsField() {
		return rooted{}
	}
	if isPackageLevel(v) {
		return rooted{tgt: target{global: v}, indirect: indirect, ok: true}
	}
	if i, ok := w.params[v]; ok {
		return rooted{tgt: target{param: i}, indirect: indirect, ok: true}
	}
	if t, ok := w.alias[v]; ok {
		// A local pointer, map or slice shares what it was copied from.
		return rooted{tgt: t, indirect: indirect || isReference(v.Type()), aliased: true, ok: true}
	}
	return rooted{}
}

func isPackageLevel(v *types.Var) bool {
	return v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
}

// write records the write of lhs (storing rhs, when known).
func (w *walker) write(lhs, rhs ast.Expr, st *lockState) {
	r := w.root(lhs)
	if !r.ok {
		return
	}
	// A write through a parameter or a local copy changes shared state
	// only when it goes through a pointer, map or slice; a write to a
	// package-level variable always does.
	if (!r.tgt.isGlobal() || r.aliased) && !r.indirect {
		return
	}
	mode, lock := st.mode()
	base := effect{tgt: r.tgt, pos: lhs.Pos(), in: w.fn.name, inFn: w.fn.obj}
	if rhs != nil && r.tgt.isGlobal() {
		if what := w.a.requestScoped(w.info().TypeOf(rhs)); what != "" {
			e := base
			e.kind, e.what = stash, what
			w.fn.writes = append(w.fn.writes, &e)
		} else if id, ok := ast.Unparen(rhs).(*ast.Ident); ok {
			if v, ok := w.info().Uses[id].(*types.Var); ok {
				if _, isParam := w.params[v]; isParam && isHandle(v.Type()) {
					e := base
					e.kind, e.what = hostStash, v.Name()+" ("+types.TypeString(v.Type(), types.RelativeTo(w.a.pass.Pkg))+")"
					w.fn.writes = append(w.fn.writes, &e)
				}
			}
		}
	}
	if mode == writeLocked {
		return
	}
	e := base
	e.mode = mode
	switch {
	case mode == readLocked:
		e.lock = lock
	case r.tgt.isGlobal() && w.lazy[r.tgt.global] > 0:
		e.kind = lazyWrite
	case len(st.released) > 0:
		e.kind, e.lock = afterUnlock, st.releasedName()
	}
	w.fn.writes = append(w.fn.writes, &e)
}

// isHandle reports whether a parameter of type t can be a host handle: a
// pointer, interface, map, channel or func value that refers to state.
func isHandle(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Interface, *types.Map, *types.Chan, *types.Signature:
		return true
	}
	return false
}

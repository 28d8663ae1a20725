package statecoupling

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// callSite is a static call found by the walk, with the lock state at it.
type callSite struct {
	callee *types.Func // generic origin
	name   string
	pos    token.Pos
	held   lockMode
	lock   string         // read lock held, for messages
	bind   map[int]target // callee parameter (receiver -1) -> caller's target
}

// fnInfo is the local knowledge of one function body: its own writes and
// its static calls, each with the locks held there.
type fnInfo struct {
	obj    *types.Func // nil for a function literal
	name   string
	body   *ast.BlockStmt
	writes []*effect
	calls  []*callSite
}

// walker walks one function body in statement order, tracking locks.
type walker struct {
	a      *analyzerRun
	fn     *fnInfo
	params map[*types.Var]int
	alias  map[*types.Var]target // locals copied from package-level state or parameters
	lazy   map[*types.Var]int    // globals checked against nil by an enclosing if
}

func (a *analyzerRun) walkFunc(fn *fnInfo, recv *ast.FieldList, ftype *ast.FuncType) {
	w := &walker{a: a, fn: fn, params: map[*types.Var]int{}, alias: map[*types.Var]target{}, lazy: map[*types.Var]int{}}
	if recv != nil {
		for _, f := range recv.List {
			for _, n := range f.Names {
				if v, ok := a.pass.TypesInfo.Defs[n].(*types.Var); ok {
					w.params[v] = -1
				}
			}
		}
	}
	i := 0
	if ftype != nil && ftype.Params != nil {
		for _, f := range ftype.Params.List {
			if len(f.Names) == 0 {
				i++
				continue
			}
			for _, n := range f.Names {
				if v, ok := a.pass.TypesInfo.Defs[n].(*types.Var); ok {
					w.params[v] = i
				}
				i++
			}
		}
	}
	if fn.body != nil {
		w.block(fn.body.List, newLockState())
	}
}

func (w *walker) info() *types.Info { return w.a.pass.TypesInfo }

// block walks statements in order and reports whether control cannot
// fall out of the end of the list.
func (w *walker) block(list []ast.Stmt, st *lockState) bool {
	for _, s := range list {
		if w.stmt(s, st) {
			return true
		}
	}
	return false
}

func (w *walker) stmt(s ast.Stmt, st *lockState) (terminates bool) {
	switch s := s.(type) {
	case *ast.BlockStmt:
		return w.block(s.List, st)
	case *ast.ExprStmt:
		w.expr(s.X, st)
		if call, ok := ast.Unparen(s.X).(*ast.CallExpr); ok {
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && id.Name == "panic" {
				if _, ok := w.info().Uses[id].(*types.Builtin); ok {
					return true
				}
			}
		}
	case *ast.AssignStmt:
		w.assign(s, st)
	case *ast.IncDecStmt:
		w.expr(s.X, st)
		w.write(s.X, nil, st)
	case *ast.DeclStmt:
		if gd, ok := s.Decl.(*ast.GenDecl); ok && gd.Tok == token.VAR {
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				for _, v := range vs.Values {
					w.expr(v, st)
				}
				if len(vs.Names) == len(vs.Values) {
					for i, n := range vs.Names {
						w.define(n, vs.Values[i])
					}
				}
			}
		}
	case *ast.ReturnStmt:
		for _, r := range s.Results {
			w.expr(r, st)
		}
		return true
	case *ast.BranchStmt:
		return s.Tok != token.FALLTHROUGH
	case *ast.IfStmt:
		return w.ifStmt(s, st)
	case *ast.ForStmt:
		if s.Init != nil {
			w.stmt(s.Init, st)
		}
		if s.Cond != nil {
			w.expr(s.Cond, st)
		}
		body := st.copy()
		w.block(s.Body.List, body)
		if s.Post != nil {
			w.stmt(s.Post, body)
		}
		st.merge(body)
	case *ast.RangeStmt:
		w.expr(s.X, st)
		if s.Tok == token.DEFINE {
			if id, ok := s.Value.(*ast.Ident); ok {
				w.define(id, s.X)
			}
		} else if s.Tok == token.ASSIGN {
			for _, e := range []ast.Expr{s.Key, s.Value} {
				if e != nil {
					w.write(e, nil, st)
				}
			}
		}
		body := st.copy()
		w.block(s.Body.List, body)
		st.merge(body)
	case *ast.SwitchStmt:
		if s.Init != nil {
			w.stmt(s.Init, st)
		}
		if s.Tag != nil {
			w.expr(s.Tag, st)
		}
		return w.clauses(s.Body, st)
	case *ast.TypeSwitchStmt:
		if s.Init != nil {
			w.stmt(s.Init, st)
		}
		w.stmt(s.Assign, st)
		return w.clauses(s.Body, st)
	case *ast.SelectStmt:
		return w.clauses(s.Body, st)
	case *ast.LabeledStmt:
		return w.stmt(s.Stmt, st)
	case *ast.GoStmt:
		// The new goroutine holds none of the caller's locks.
		for _, arg := range s.Call.Args {
			w.expr(arg, st)
		}
		if lit, ok := ast.Unparen(s.Call.Fun).(*ast.FuncLit); ok {
			if !w.a.entryLits[lit] {
				w.block(lit.Body.List, newLockState())
			}
		} else {
			w.call(s.Call, newLockState())
		}
	case *ast.DeferStmt:
		// A deferred call runs at return, usually still under the locks
		// held here; its own lock operations (defer mu.Unlock()) do not
		// change the state of the statements that follow.
		if op, _ := lockOp(w.info(), s.Call); op != "" {
			return false
		}
		w.expr(s.Call, st.copy())
	case *ast.SendStmt:
		w.expr(s.Chan, st)
		w.expr(s.Value, st)
	}
	return false
}

// clauses walks the clauses of a switch or select; each starts from st,
// and st becomes the union of those that fall out of the statement.
func (w *walker) clauses(body *ast.BlockStmt, st *lockState) bool {
	out := newLockState()
	falls := false
	hasDefault := false
	for _, c := range body.List {
		cs := st.copy()
		var list []ast.Stmt
		switch c := c.(type) {
		case *ast.CaseClause:
			if c.List == nil {
				hasDefault = true
			}
			for _, e := range c.List {
				w.expr(e, cs)
			}
			list = c.Body
		case *ast.CommClause:
			if c.Comm == nil {
				hasDefault = true
			} else {
				w.stmt(c.Comm, cs)
			}
			list = c.Body
		}
		if !w.block(list, cs) {
			out.merge(cs)
			falls = true
		}
	}
	if !hasDefault {
		out.merge(st)
		falls = true
	}
	if !falls {
		return true
	}
	st.set(out)
	return false
}

func (w *walker) ifStmt(s *ast.IfStmt, st *lockState) bool {
	if s.Init != nil {
		w.stmt(s.Init, st)
	}
	w.expr(s.Cond, st)
	thenSt := st.copy()
	g := w.nilCheck(s.Cond)
	if g != nil {
		w.lazy[g]++
	}
	thenTerm := w.block(s.Body.List, thenSt)
	if g != nil {
		w.lazy[g]--
	}
	elseSt := st.copy()
	elseTerm := false
	if s.Else != nil {
		elseTerm = w.stmt(s.Else, elseSt)
	}
	switch {
	case thenTerm && elseTerm:
		return true
	case thenTerm:
		st.set(elseSt)
	case elseTerm:
		st.set(thenSt)
	default:
		thenSt.merge(elseSt)
		st.set(thenSt)
	}
	return false
}

// nilCheck returns the package-level variable G of a condition "G == nil"
// (or "G[k] == nil", "G.f == nil"), the check of a check-then-set.
func (w *walker) nilCheck(cond ast.Expr) *types.Var {
	be, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || be.Op != token.EQL {
		return nil
	}
	x := be.X
	if w.isNil(be.X) {
		x = be.Y
	} else if !w.isNil(be.Y) {
		return nil
	}
	r := w.root(x)
	if r.ok && r.tgt.isGlobal() && !r.aliased && !r.indirect {
		return r.tgt.global
	}
	return nil
}

func (w *walker) isNil(e ast.Expr) bool {
	tv, ok := w.info().Types[e]
	return ok && tv.IsNil()
}

func (w *walker) assign(s *ast.AssignStmt, st *lockState) {
	for _, r := range s.Rhs {
		w.expr(r, st)
	}
	for _, l := range s.Lhs {
		// Calls in index expressions on the left.
		if _, ok := l.(*ast.Ident); !ok {
			w.expr(l, st)
		}
	}
	paired := len(s.Lhs) == len(s.Rhs)
	for i, l := range s.Lhs {
		var rhs ast.Expr
		if paired {
			rhs = s.Rhs[i]
		}
		if s.Tok == token.DEFINE {
			if id, ok := l.(*ast.Ident); ok && rhs != nil {
				w.define(id, rhs)
			}
			continue
		}
		if id, ok := ast.Unparen(l).(*ast.Ident); ok && s.Tok == token.ASSIGN {
			if v, ok := w.info().Uses[id].(*types.Var); ok && w.isLocal(v) {
				if rhs != nil {
					w.define(id, rhs)
				}
				continue
			}
		}
		if s.Tok != token.ASSIGN && s.Tok != token.DEFINE {
			rhs = nil // x += v stores no new value identity
		}
		w.write(l, rhs, st)
	}
}

// isLocal reports whether v is a local variable of the walked function
// (not package-level, not one of its parameters).
func (w *walker) isLocal(v *types.Var) bool {
	if v.IsField() || isPackageLevel(v) {
		return false
	}
	_, isParam := w.params[v]
	return !isParam
}

// define records that local id now holds a copy of (or a reference to)
// package-level state or a parameter, when rhs is rooted there.
func (w *walker) define(id *ast.Ident, rhs ast.Expr) {
	v, ok := w.info().Defs[id].(*types.Var)
	if !ok {
		v, ok = w.info().Uses[id].(*types.Var)
	}
	if !ok || v == nil {
		return
	}
	r := w.root(rhs)
	if r.ok {
		w.alias[v] = r.tgt
	} else {
		delete(w.alias, v)
	}
}

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

// expr walks the calls inside e.
func (w *walker) expr(e ast.Expr, st *lockState) {
	if e == nil {
		return
	}
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			// A literal that is an entry point of its own is walked as
			// such; any other runs (if at all) under the locks held where
			// it is written, the common case of callbacks.
			if !w.a.entryLits[n] {
				w.block(n.Body.List, st.copy())
			}
			return false
		case *ast.CallExpr:
			return w.callExpr(n, st)
		}
		return true
	})
}

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

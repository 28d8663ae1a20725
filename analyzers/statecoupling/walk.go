package statecoupling

import (
	"go/ast"
	"go/token"
	"go/types"
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

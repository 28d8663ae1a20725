package pluginexport

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/go-plugin-lint/go-plugin-lint/internal/contracts"
	"github.com/go-plugin-lint/go-plugin-lint/internal/fileclass"
)

// host holds the state of the host-side checks of one package.
type host struct {
	pass    *analysis.Pass
	classes *fileclass.Index
	root    inspector.Cursor
	res     *Result
	groups  map[types.Object]int // *plugin.Plugin variables, numbered
}

// checkHost runs the host-side rules: unchecked errors from plugin.Open and
// Lookup, single-value assertions on a plugin.Symbol, assertions that can
// never succeed; and it records constant-name lookups for the cross-check.
func (h *host) check() {
	for cur := range h.root.Preorder((*ast.CallExpr)(nil), (*ast.TypeAssertExpr)(nil), (*ast.TypeSwitchStmt)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			if which := pluginCall(h.pass.TypesInfo, n); which != "" {
				h.checkErrorUse(cur, n, which)
				if which == "Lookup" {
					h.recordLookup(cur, n)
				}
			}
		case *ast.TypeAssertExpr:
			if n.Type == nil || !contracts.IsPluginSymbol(h.pass.TypesInfo.TypeOf(n.X)) {
				continue
			}
			h.checkNever(n.Type, "assertion")
			if !commaOK(cur) && h.classes.At(n.Pos()) == fileclass.Production {
				h.reportSingleValue(cur, n)
			}
		case *ast.TypeSwitchStmt:
			if x := typeSwitchOperand(n); x != nil && contracts.IsPluginSymbol(h.pass.TypesInfo.TypeOf(x)) {
				for _, stmt := range n.Body.List {
					if cc, ok := stmt.(*ast.CaseClause); ok {
						for _, e := range cc.List {
							h.checkNever(e, "type switch case")
						}
					}
				}
			}
		}
	}
}

// pluginCall says whether call calls plugin.Open ("Open") or
// (*plugin.Plugin).Lookup ("Lookup"), or neither ("").
func pluginCall(info *types.Info, call *ast.CallExpr) string {
	var id *ast.Ident
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		id = fun.Sel
	case *ast.Ident:
		id = fun
	default:
		return ""
	}
	fn, ok := info.Uses[id].(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "plugin" {
		return ""
	}
	sig, _ := fn.Type().(*types.Signature)
	switch {
	case fn.Name() == "Open" && sig != nil && sig.Recv() == nil:
		return "Open"
	case fn.Name() == "Lookup" && sig != nil && sig.Recv() != nil:
		return "Lookup"
	}
	return ""
}

func typeSwitchOperand(ts *ast.TypeSwitchStmt) ast.Expr {
	var e ast.Expr
	switch s := ts.Assign.(type) {
	case *ast.ExprStmt:
		e = s.X
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 {
			e = s.Rhs[0]
		}
	}
	if ta, ok := ast.Unparen(e).(*ast.TypeAssertExpr); ok {
		return ta.X
	}
	return nil
}

// commaOK reports whether the assertion at cur is the single right-hand
// side of a two-value assignment or declaration (v, ok := sym.(T)).
func commaOK(cur inspector.Cursor) bool {
	parent := cur.Parent()
	for {
		if _, ok := parent.Node().(*ast.ParenExpr); !ok {
			break
		}
		parent = parent.Parent()
	}
	switch p := parent.Node().(type) {
	case *ast.AssignStmt:
		return len(p.Lhs) == 2 && len(p.Rhs) == 1
	case *ast.ValueSpec:
		return len(p.Names) == 2 && len(p.Values) == 1
	}
	return false
}

// checkNever reports an asserted type that no plugin symbol can ever have:
// Lookup returns a pointer for a variable and a function value of an
// unnamed signature type for a function, so only pointers, unnamed func
// types and interfaces (which *T may satisfy) can match.
func (h *host) checkNever(texpr ast.Expr, what string) {
	t := h.pass.TypesInfo.TypeOf(texpr)
	if t == nil || h.classes.At(texpr.Pos()).IsGenerated() {
		return
	}
	if !never(t) {
		return
	}
	src := types.ExprString(texpr)
	switch u := t.Underlying().(type) {
	case *types.Signature:
		h.pass.Report(analysis.Diagnostic{
			Pos: texpr.Pos(), End: texpr.End(),
			Message: fmt.Sprintf("%s of plugin.Symbol to named func type %s never succeeds: an exported function's symbol has an unnamed signature type (assert to %s) and a variable's symbol is a pointer (assert to *%s)",
				what, src, canonical(u, nameQualifier), src),
		})
	default:
		h.pass.Report(analysis.Diagnostic{
			Pos: texpr.Pos(), End: texpr.End(),
			Message: fmt.Sprintf("%s of plugin.Symbol to %s never succeeds: Lookup of a variable returns a pointer to it, so assert to *%s", what, src, src),
		})
	}
}

// never reports whether no plugin symbol can have type t: symbols are
// pointers (variables) or values of unnamed func types (functions), and
// an interface may match either.
func never(t types.Type) bool {
	switch t := types.Unalias(t).(type) {
	case *types.TypeParam:
		return false // known only per instantiation
	case *types.Basic:
		if t.Kind() == types.UntypedNil || t.Kind() == types.Invalid {
			return false // case nil; or a type error, the driver's business
		}
	}
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Interface:
		return false
	case *types.Signature:
		_, named := types.Unalias(t).(*types.Named)
		return named
	}
	return true
}

// recordLookup records a Lookup with a constant name for the cross-check,
// with the assertions made on the variable that receives its symbol.
// Lookups in test files are left out: tests may probe missing symbols.
func (h *host) recordLookup(cur inspector.Cursor, call *ast.CallExpr) {
	if len(call.Args) != 1 || h.classes.At(call.Pos()) != fileclass.Production {
		return
	}
	tv, ok := h.pass.TypesInfo.Types[call.Args[0]]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return // a name from configuration cannot be checked
	}
	l := Lookup{Name: constant.StringVal(tv.Value), Pos: call.Pos(), Group: h.group(call)}
	if sym := symbolVar(h.pass.TypesInfo, cur); sym != nil {
		body := enclosingBody(cur)
		if body != nil {
			l.Assertions = h.assertionsOn(*body, sym, call.End())
		}
	}
	h.res.Lookups = append(h.res.Lookups, l)
}

// group returns the number of the variable that the Lookup call is made
// on, or 0 when it is not made on a plain variable.
func (h *host) group(call *ast.CallExpr) int {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return 0
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return 0
	}
	v, ok := h.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return 0
	}
	if h.groups == nil {
		h.groups = map[types.Object]int{}
	}
	if _, ok := h.groups[v]; !ok {
		h.groups[v] = len(h.groups) + 1
	}
	return h.groups[v]
}

// symbolVar returns the variable that the Lookup call at cur assigns its
// symbol to, if any.
func symbolVar(info *types.Info, cur inspector.Cursor) *types.Var {
	var lhs ast.Expr
	switch p := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		if len(p.Lhs) == 2 && len(p.Rhs) == 1 {
			lhs = p.Lhs[0]
		}
	case *ast.ValueSpec:
		if len(p.Names) == 2 && len(p.Values) == 1 {
			lhs = p.Names[0]
		}
	}
	id, ok := lhs.(*ast.Ident)
	if !ok {
		return nil
	}
	obj := info.ObjectOf(id)
	v, _ := obj.(*types.Var)
	return v
}

// assertionsOn collects the assertions and type switch cases on sym after
// pos, up to the next assignment to sym, so that a variable reused for
// several lookups attributes each assertion to the right one.
func (h *host) assertionsOn(body inspector.Cursor, sym *types.Var, after token.Pos) []Assertion {
	info := h.pass.TypesInfo
	isSym := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[id] == sym
	}
	stop := token.NoPos
	for cur := range body.Preorder((*ast.AssignStmt)(nil)) {
		as := cur.Node().(*ast.AssignStmt)
		if as.Pos() <= after {
			continue
		}
		for _, l := range as.Lhs {
			if isSym(l) && (!stop.IsValid() || as.Pos() < stop) {
				stop = as.Pos()
			}
		}
	}
	var out []Assertion
	add := func(texpr ast.Expr) {
		if texpr.Pos() <= after || stop.IsValid() && texpr.Pos() >= stop {
			return
		}
		t := info.TypeOf(texpr)
		if t == nil {
			return
		}
		a := Assertion{Pos: texpr.Pos(), Type: canonical(t, pathQualifier), Source: types.ExprString(texpr), Operand: sym.Name(), Never: never(t)}
		if iface, ok := t.Underlying().(*types.Interface); ok {
			a.Interface = true
			a.Methods = interfaceKeys(iface)
		}
		out = append(out, a)
	}
	for cur := range body.Preorder((*ast.TypeAssertExpr)(nil), (*ast.TypeSwitchStmt)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.TypeAssertExpr:
			if n.Type != nil && isSym(n.X) {
				add(n.Type)
			}
		case *ast.TypeSwitchStmt:
			if x := typeSwitchOperand(n); x != nil && isSym(x) {
				for _, stmt := range n.Body.List {
					if cc, ok := stmt.(*ast.CaseClause); ok {
						for _, e := range cc.List {
							if tv := info.Types[e]; !tv.IsNil() {
								add(e)
							}
						}
					}
				}
			}
		}
	}
	return out
}

// enclosingBody returns the body of the innermost function holding cur.
func enclosingBody(cur inspector.Cursor) *inspector.Cursor {
	for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		var body *ast.BlockStmt
		switch f := fn.Node().(type) {
		case *ast.FuncDecl:
			body = f.Body
		case *ast.FuncLit:
			body = f.Body
		}
		if body == nil {
			return nil
		}
		c := fn.Child(body)
		return &c
	}
	return nil
}

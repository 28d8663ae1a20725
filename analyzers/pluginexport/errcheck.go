package pluginexport

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/go-plugin-lint/go-plugin-lint/internal/fileclass"
)

// checkErrorUse reports a plugin.Open or Lookup whose error is discarded or
// never read before it is overwritten: a failed Open leaves a nil
// *plugin.Plugin, a failed Lookup a nil plugin.Symbol, and the next use
// panics far from the cause. Test files are left alone: a test that
// panics fails anyway.
func (h *host) checkErrorUse(cur inspector.Cursor, call *ast.CallExpr, which string) {
	if h.classes.At(call.Pos()) != fileclass.Production {
		return
	}
	what := "plugin.Open"
	consequence := "a failed Open leaves a nil *plugin.Plugin and its next use panics"
	if which == "Lookup" {
		what = "Lookup"
		if len(call.Args) == 1 {
			if tv := h.pass.TypesInfo.Types[call.Args[0]]; tv.Value != nil && tv.Value.Kind() == constant.String {
				what = fmt.Sprintf("Lookup(%s)", tv.Value.ExactString())
			}
		}
		consequence = "a missing symbol gives a nil plugin.Symbol and its use panics"
	}
	report := func(how string) {
		h.pass.Report(analysis.Diagnostic{
			Pos: call.Pos(), End: call.End(),
			Message: fmt.Sprintf("error from %s is %s: %s", what, how, consequence),
		})
	}

	var errExpr ast.Expr
	var stmt ast.Node
	switch p := cur.Parent().Node().(type) {
	case *ast.ExprStmt:
		report("discarded")
		return
	case *ast.GoStmt, *ast.DeferStmt:
		report("discarded")
		return
	case *ast.AssignStmt:
		if len(p.Lhs) == 2 && len(p.Rhs) == 1 {
			errExpr, stmt = p.Lhs[1], p
		}
	case *ast.ValueSpec:
		if len(p.Names) == 2 && len(p.Values) == 1 {
			errExpr, stmt = p.Names[1], p
		}
	}
	id, ok := errExpr.(*ast.Ident)
	if !ok {
		return // returned, passed on, or stored in a field: the caller's business
	}
	if id.Name == "_" {
		report("assigned to the blank identifier")
		return
	}
	v, ok := h.pass.TypesInfo.ObjectOf(id).(*types.Var)
	if !ok || v.Parent() == nil || v.Parent() == h.pass.Pkg.Scope() {
		return
	}
	body := enclosingBody(cur)
	if body == nil || isResult(body, h.pass.TypesInfo, v) {
		return // a named result reaches the caller through a bare return
	}
	if !readBeforeOverwrite(h.pass.TypesInfo, *body, v, stmt) {
		report(fmt.Sprintf("stored in %s but never checked", v.Name()))
	}
}

// isResult reports whether v is a result parameter of the function whose
// body is body.
func isResult(body *inspector.Cursor, info *types.Info, v *types.Var) bool {
	var ft *ast.FuncType
	switch f := body.Parent().Node().(type) {
	case *ast.FuncDecl:
		ft = f.Type
	case *ast.FuncLit:
		ft = f.Type
	}
	if ft == nil || ft.Results == nil {
		return false
	}
	for _, f := range ft.Results.List {
		for _, n := range f.Names {
			if info.Defs[n] == v {
				return true
			}
		}
	}
	return false
}

// readBeforeOverwrite reports whether v is read after stmt before it is
// assigned again, in source order. Inside a loop, a read anywhere in the
// loop counts, since the next iteration may read it.
func readBeforeOverwrite(info *types.Info, body inspector.Cursor, v *types.Var, stmt ast.Node) bool {
	writes := map[*ast.Ident]bool{}
	for cur := range body.Preorder((*ast.AssignStmt)(nil)) {
		for _, l := range cur.Node().(*ast.AssignStmt).Lhs {
			if id, ok := l.(*ast.Ident); ok {
				writes[id] = true
			}
		}
	}
	after := stmt.End()
	firstRead, firstWrite := token.NoPos, token.NoPos
	var reads []token.Pos
	for cur := range body.Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		if info.Uses[id] != v {
			continue
		}
		if writes[id] {
			if id.Pos() >= after && !firstWrite.IsValid() {
				firstWrite = id.Pos()
			}
			continue
		}
		reads = append(reads, id.Pos())
		if id.Pos() >= after && !firstRead.IsValid() {
			firstRead = id.Pos()
		}
	}
	if firstRead.IsValid() && (!firstWrite.IsValid() || firstRead < firstWrite) {
		return true
	}
	// A loop around stmt may read v at its top on the next iteration.
	stmtCur, ok := body.FindNode(stmt)
	if !ok {
		return false
	}
	for loop := range stmtCur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)) {
		if !body.Contains(loop) {
			break
		}
		n := loop.Node()
		for _, r := range reads {
			if n.Pos() <= r && r < stmt.Pos() {
				return true
			}
		}
	}
	return false
}

package pluginexport

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// reportSingleValue reports sym.(T) outside the comma-ok form: when the
// plugin exports something else (or was built against another version of
// the package declaring T) the host panics.
func (h *host) reportSingleValue(cur inspector.Cursor, ta *ast.TypeAssertExpr) {
	src := types.ExprString(ta.Type)
	d := analysis.Diagnostic{
		Pos: ta.Pos(), End: ta.End(),
		Message: fmt.Sprintf("single-value assertion %s.(%s) on a plugin.Symbol panics when the plugin exports another type; use the comma-ok form and return an error",
			types.ExprString(ta.X), src),
	}
	if fix, ok := h.commaOKFix(cur, ta); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	h.pass.Report(d)
}

// commaOKFix rewrites
//
//	v := sym.(T)
//
// into
//
//	v, ok := sym.(T)
//	if !ok {
//		return <zero values>, fmt.Errorf("plugin symbol has type %T, want T", sym)
//	}
//
// only where that is certainly safe: a plain short variable declaration
// statement in a block, in a function whose last result is error and whose
// other results have literal zero values, in a file that imports fmt under
// its own name where fmt is not shadowed, and where ok is free or a bool
// of the same scope.
func (h *host) commaOKFix(cur inspector.Cursor, ta *ast.TypeAssertExpr) (analysis.SuggestedFix, bool) {
	info := h.pass.TypesInfo
	as, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || as.Tok != token.DEFINE || len(as.Lhs) != 1 || len(as.Rhs) != 1 || as.Rhs[0] != ta {
		return analysis.SuggestedFix{}, false
	}
	if _, ok := cur.Parent().Parent().Node().(*ast.BlockStmt); !ok {
		return analysis.SuggestedFix{}, false // if/for/switch init: no room for a statement
	}
	v, ok := as.Lhs[0].(*ast.Ident)
	if !ok || v.Name == "_" {
		return analysis.SuggestedFix{}, false
	}
	symID, ok := ta.X.(*ast.Ident)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	scope := h.pass.Pkg.Scope().Innermost(as.Pos())
	if scope == nil {
		return analysis.SuggestedFix{}, false
	}
	if _, obj := scope.LookupParent("fmt", as.Pos()); !isPkgName(obj, "fmt") {
		return analysis.SuggestedFix{}, false
	}
	if s, obj := scope.LookupParent("ok", as.Pos()); obj != nil {
		ov, isVar := obj.(*types.Var)
		if !isVar || s != scope || !types.Identical(ov.Type(), types.Typ[types.Bool]) {
			return analysis.SuggestedFix{}, false
		}
	}
	body := enclosingBody(cur)
	if body == nil {
		return analysis.SuggestedFix{}, false
	}
	var sig *types.Signature
	switch f := body.Parent().Node().(type) {
	case *ast.FuncDecl:
		if fn, ok := info.Defs[f.Name].(*types.Func); ok {
			sig, _ = fn.Type().(*types.Signature)
		}
	case *ast.FuncLit:
		sig, _ = info.TypeOf(f).(*types.Signature)
	}
	if sig == nil {
		return analysis.SuggestedFix{}, false
	}
	zeros, ok := zeroResults(sig)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	var typeSrc bytes.Buffer
	if err := format.Node(&typeSrc, token.NewFileSet(), ta.Type); err != nil {
		return analysis.SuggestedFix{}, false
	}
	msg := strconv.Quote("plugin symbol has type %T, want " + typeSrc.String())
	zeros = append(zeros, fmt.Sprintf("fmt.Errorf(%s, %s)", msg, symID.Name))

	indent := h.indentAt(as.Pos())
	var b bytes.Buffer
	fmt.Fprintf(&b, ", ok")
	insertLHS := analysis.TextEdit{Pos: v.End(), End: v.End(), NewText: b.Bytes()}
	var tail bytes.Buffer
	fmt.Fprintf(&tail, "\n%sif !ok {\n%s\treturn ", indent, indent)
	for i, z := range zeros {
		if i > 0 {
			tail.WriteString(", ")
		}
		tail.WriteString(z)
	}
	fmt.Fprintf(&tail, "\n%s}", indent)
	// After the statement's line, so that a trailing comment stays on it.
	eol := h.lineEnd(as.End())
	insertCheck := analysis.TextEdit{Pos: eol, End: eol, NewText: tail.Bytes()}
	return analysis.SuggestedFix{
		Message:   "use the comma-ok form and return an error",
		TextEdits: []analysis.TextEdit{insertLHS, insertCheck},
	}, true
}

func isPkgName(obj types.Object, path string) bool {
	pn, ok := obj.(*types.PkgName)
	return ok && pn.Imported().Path() == path
}

// zeroResults returns literal zero values for every result of sig but the
// last, which must be error; ok is false when one has no literal zero value
// that is certainly right (a struct or array would need its type spelled).
func zeroResults(sig *types.Signature) ([]string, bool) {
	res := sig.Results()
	if res.Len() == 0 || !types.Identical(res.At(res.Len()-1).Type(), types.Universe.Lookup("error").Type()) {
		return nil, false
	}
	var out []string
	for i := range res.Len() - 1 {
		t := res.At(i).Type()
		switch u := t.Underlying().(type) {
		case *types.Pointer, *types.Slice, *types.Map, *types.Chan, *types.Signature, *types.Interface:
			if _, tp := types.Unalias(t).(*types.TypeParam); tp {
				return nil, false
			}
			out = append(out, "nil")
		case *types.Basic:
			switch {
			case u.Info()&types.IsBoolean != 0:
				out = append(out, "false")
			case u.Info()&types.IsString != 0:
				out = append(out, `""`)
			case u.Info()&types.IsNumeric != 0:
				out = append(out, "0")
			case u.Kind() == types.UnsafePointer:
				out = append(out, "nil")
			default:
				return nil, false
			}
		default:
			return nil, false
		}
	}
	return out, true
}

// indentAt returns the whitespace that starts the line holding pos.
func (h *host) indentAt(pos token.Pos) string {
	tf := h.pass.Fset.File(pos)
	if tf == nil {
		return "\t"
	}
	src, err := h.pass.ReadFile(tf.Name())
	if err != nil {
		return "\t"
	}
	start := tf.Offset(tf.LineStart(tf.Line(pos)))
	end := start
	for end < len(src) && (src[end] == ' ' || src[end] == '\t') {
		end++
	}
	return string(src[start:end])
}

// lineEnd returns the position of the end of the line holding pos (its
// newline, or the end of the file).
func (h *host) lineEnd(pos token.Pos) token.Pos {
	tf := h.pass.Fset.File(pos)
	line := tf.Line(pos)
	if line < tf.LineCount() {
		return tf.LineStart(line+1) - 1
	}
	return token.Pos(tf.Base() + tf.Size())
}

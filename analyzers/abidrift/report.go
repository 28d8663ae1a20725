package abidrift

import (
	"fmt"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/go-plugin-lint/go-plugin-lint/analyzers/abidrift/baseline"
	"github.com/go-plugin-lint/go-plugin-lint/internal/contracts"
	"github.com/go-plugin-lint/go-plugin-lint/internal/fileclass"
)

// reporter turns changes into diagnostics at the current declarations.
type reporter struct {
	pass    *analysis.Pass
	cr      *contracts.Result
	old     *baseline.Package
	classes *fileclass.Index
	pkgPos  token.Pos
	// breaking holds the objects with a breaking change, whose layout
	// change would only repeat it.
	breaking map[string]bool
}

// object returns the current top-level object and member of a change.
func (r *reporter) object(c baseline.Change) (types.Object, types.Object) {
	obj := r.pass.Pkg.Scope().Lookup(c.Object)
	if obj == nil || c.Member == "" {
		return obj, nil
	}
	tn, ok := obj.(*types.TypeName)
	if !ok {
		return obj, nil
	}
	member, _, _ := types.LookupFieldOrMethod(tn.Type(), true, r.pass.Pkg, c.Member)
	return obj, member
}

// inTestFile reports whether the change is about a declaration of a test
// file: a test variant's extra API is no API.
func (r *reporter) inTestFile(c baseline.Change) bool {
	obj, member := r.object(c)
	if member != nil && member.Pos().IsValid() {
		return r.classes.At(member.Pos()) == fileclass.Test
	}
	return obj != nil && obj.Pos().IsValid() && r.classes.At(obj.Pos()) == fileclass.Test
}

// contractIface returns the interface type name of a change about one of
// its methods when that interface is a contract.
func (r *reporter) contractIface(c baseline.Change) bool {
	obj, _ := r.object(c)
	tn, ok := obj.(*types.TypeName)
	return ok && types.IsInterface(tn.Type()) && r.cr != nil && r.cr.Contract(tn)
}

// classify applies the plugin rule on top of apidiff's verdict: adding a
// method to a sealed interface is compatible for apidiff (no other package
// can implement it), but a contract is implemented by plugins whatever
// its method set says, so any addition breaks them.
func (r *reporter) classify(c baseline.Change) baseline.Change {
	if c.Class == baseline.ClassCompatible && c.Member != "" && c.What == "added" && r.contractIface(c) {
		c.Class = baseline.ClassBreaking
	}
	if c.Class == baseline.ClassBreaking {
		if r.breaking == nil {
			r.breaking = map[string]bool{}
		}
		r.breaking[c.Object] = true
	}
	return c
}

func (r *reporter) report(c baseline.Change) {
	if c.Class == baseline.ClassLayout && r.breaking[c.Object] {
		return
	}
	pos := r.position(c)
	if !pos.IsValid() {
		return
	}
	r.pass.Report(analysis.Diagnostic{Pos: pos, Category: c.Class, Message: r.message(c)})
}

// position is the current declaration of the change's member or object;
// removals, and declarations in generated files, go to the package clause.
func (r *reporter) position(c baseline.Change) token.Pos {
	obj, member := r.object(c)
	pos := token.NoPos
	switch {
	case member != nil && member.Pos().IsValid() && c.What != "removed":
		pos = member.Pos()
	case obj != nil && obj.Pos().IsValid() && !(c.What == "removed" && c.Member == ""):
		pos = obj.Pos()
	}
	if !pos.IsValid() || r.classes.At(pos).IsGenerated() {
		return r.pkgPos
	}
	return pos
}

// subject names the changed declaration: "func F", "method T.M", "field T.F".
func (r *reporter) subject(c baseline.Change) string {
	obj, member := r.object(c)
	name := c.Object
	if c.Pointer {
		name = "(*" + c.Object + ")"
	}
	if c.Member != "" {
		kind := "field"
		switch {
		case member != nil:
			if _, ok := member.(*types.Func); ok {
				kind = "method"
			}
		case r.old.Decl(c.Object+"."+c.Member) != nil:
			kind = "method"
		case obj != nil && types.IsInterface(obj.Type()):
			kind = "method"
		}
		return kind + " " + name + "." + c.Member
	}
	kind := ""
	switch obj.(type) {
	case *types.Const:
		kind = "const"
	case *types.Var:
		kind = "var"
	case *types.Func:
		kind = "func"
	case *types.TypeName:
		kind = "type"
	default:
		if d := r.old.Decl(c.Object); d != nil {
			kind = d.Kind
		}
	}
	if kind == "" {
		return name
	}
	return kind + " " + name
}

func (r *reporter) message(c baseline.Change) string {
	subj := r.subject(c)
	switch c.Class {
	case baseline.ClassLayout:
		return fmt.Sprintf("layout: struct %s changed since the baseline (%s): binaries sharing its memory (cgo, mmap, unsafe, prebuilt plugins) now read it wrongly", c.Object, c.What)
	case baseline.ClassCompatible:
		return fmt.Sprintf("compatible: %s %s since the baseline", subj, c.What)
	}
	switch {
	case c.What == "removed":
		return fmt.Sprintf("breaking: %s removed since the baseline: code that uses it no longer compiles", subj)
	case c.What == "added" && c.Member != "" && r.contractIface(c):
		return fmt.Sprintf("breaking: method %s added to contract %s since the baseline: existing plugin implementations lack it and no longer satisfy %s, so every plugin must be changed and rebuilt", c.Member, c.Object, c.Object)
	case c.What == "added" && c.Member != "" && strings.Contains(c.Object, "/"):
		return fmt.Sprintf("breaking: method %s added to interface %s since the baseline, and with it to the interfaces of %s that embed it: types that implemented them lack it and no longer satisfy them", c.Member, c.Object, r.pass.Pkg.Path())
	case c.What == "added" && c.Member != "":
		return fmt.Sprintf("breaking: method %s added to interface %s since the baseline: types outside the package that implemented %s lack it and no longer satisfy it", c.Member, c.Object, c.Object)
	case c.What == "added unexported method":
		return fmt.Sprintf("breaking: interface %s gained unexported method %s since the baseline: types outside the package can no longer implement it", c.Object, c.Member)
	case strings.HasPrefix(c.What, "no longer implements "):
		iface := strings.TrimPrefix(c.What, "no longer implements ")
		return fmt.Sprintf("breaking: %s no longer implements %s since the baseline: code using a %s as a %s no longer compiles", subj, iface, c.Object, iface)
	}
	return fmt.Sprintf("breaking: %s %s since the baseline: code written against the old declaration no longer compiles", subj, c.What)
}

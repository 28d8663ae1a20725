package pluginexport

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"

	"github.com/go-plugin-lint/go-plugin-lint/internal/contracts"
	"github.com/go-plugin-lint/go-plugin-lint/internal/fileclass"
)

// plugin holds the state of the plugin-side checks of one package.
type plugin struct {
	pass      *analysis.Pass
	cfg       *Config
	classes   *fileclass.Index
	contracts *contracts.Result
	res       *Result
}

// isPlugin says whether the package is a native plugin: a package main
// without func main (with func main it is a program, as hashicorp/go-plugin
// RPC plugins are), or a package the plugins flag names.
func isPlugin(pass *analysis.Pass, cfg *Config) bool {
	if cfg.Plugins.Match(pass.Pkg.Path()) {
		return true
	}
	if pass.Pkg.Name() != "main" {
		return false
	}
	_, hasMain := pass.Pkg.Scope().Lookup("main").(*types.Func)
	return !hasMain
}

func (p *plugin) check() {
	p.res.Plugin = true
	p.res.PluginPos = p.packageClause()
	if name := p.pass.Pkg.Name(); name != "main" {
		p.pass.Report(analysis.Diagnostic{
			Pos:     p.res.PluginPos,
			Message: fmt.Sprintf("package %s is treated as a plugin (pluginexport.plugins) but is package %s: -buildmode=plugin builds only package main", p.pass.Pkg.Path(), name),
		})
	}
	p.recordExports()
	p.checkRequired()
	p.checkConcreteVars()
	p.checkImports()
	p.checkUnreachable()
}

// packageClause returns the package name of the first production file in
// file name order: a stable place for findings about the whole plugin.
func (p *plugin) packageClause() token.Pos {
	var best *ast.File
	bestName := ""
	for _, f := range p.pass.Files {
		if p.classes.At(f.Pos()) != fileclass.Production {
			continue
		}
		name := p.pass.Fset.File(f.Pos()).Name()
		if best == nil || name < bestName {
			best, bestName = f, name
		}
	}
	if best == nil {
		return token.NoPos
	}
	return best.Name.Pos()
}

// shipped reports whether obj is declared in a file that is built into the
// plugin: not a test file or a generated test double.
func (p *plugin) shipped(obj types.Object) bool {
	return obj != nil && obj.Pos().IsValid() && !p.classes.At(obj.Pos()).IsTestDouble()
}

// reportable reports whether a finding at pos may be shown: never inside
// generated files.
func (p *plugin) reportable(pos token.Pos) bool {
	return pos.IsValid() && p.classes.At(pos) != fileclass.Generated && p.classes.At(pos) != fileclass.Mock
}

// recordExports lists the package-level declarations for the cross-check.
func (p *plugin) recordExports() {
	scope := p.pass.Pkg.Scope()
	for _, name := range scope.Names() { // sorted
		obj := scope.Lookup(name)
		if !p.shipped(obj) {
			continue
		}
		e := Export{Name: name, Pos: obj.Pos(), Pkg: p.pass.Pkg.Path(), Type: canonical(obj.Type(), pathQualifier)}
		switch obj := obj.(type) {
		case *types.Var:
			e.Kind = KindVar
			ptr := types.NewPointer(obj.Type())
			e.Symbol = canonical(ptr, pathQualifier)
			e.SymbolSource = canonical(ptr, nameQualifier)
			e.Methods = methodKeys(ptr)
			e.Interface = types.IsInterface(obj.Type())
			e.Local = declaredIn(obj.Type(), p.pass.Pkg)
		case *types.Func:
			if sig, ok := obj.Type().(*types.Signature); ok && sig.TypeParams().Len() > 0 {
				e.Kind = KindGeneric
				break
			}
			e.Kind = KindFunc
			e.Symbol = e.Type
			e.SymbolSource = canonical(obj.Type(), nameQualifier)
		case *types.Const:
			e.Kind = KindConst
		case *types.TypeName:
			e.Kind = KindType
		default:
			continue
		}
		p.res.Exports = append(p.res.Exports, e)
	}
}

// checkRequired reports required exports that are missing, declared as a
// variable where a function is required (Lookup then gives a pointer), or
// declared with another type.
func (p *plugin) checkRequired() {
	for _, r := range p.cfg.Require {
		obj := p.pass.Pkg.Scope().Lookup(r.Name)
		if !p.shipped(obj) {
			if p.reportable(p.res.PluginPos) {
				p.pass.Reportf(p.res.PluginPos, "plugin %s does not export %s, which the pluginexport.require setting asks of every plugin: hosts that look it up fail to load the plugin", p.pass.Pkg.Path(), r)
			}
			continue
		}
		if !p.reportable(obj.Pos()) {
			continue
		}
		got := canonical(obj.Type(), nameQualifier)
		switch obj := obj.(type) {
		case *types.Func:
			if sig, ok := obj.Type().(*types.Signature); ok && sig.TypeParams().Len() > 0 {
				p.pass.Reportf(obj.Pos(), "required export %s is a generic function, which plugin.Lookup cannot find: declare it as %s", r.Name, r)
			} else if r.Type != "" && !r.Func {
				p.pass.Reportf(obj.Pos(), "required export %s is a function, but the pluginexport.require setting asks for a variable of type %s: hosts assert *%s", r.Name, r.Type, r.Type)
			} else if r.Type != "" && got != r.Type {
				p.pass.Reportf(obj.Pos(), "required export %s has type %s, but the pluginexport.require setting asks for %s: hosts asserting that type fail", r.Name, got, r.Type)
			}
		case *types.Var:
			if r.Func {
				p.pass.Reportf(obj.Pos(), "required export %s is a variable, but the pluginexport.require setting asks for a function declaration %s: Lookup of a variable gives a pointer (*%s), so hosts asserting %s fail", r.Name, r.Type, got, r.Type)
			} else if r.Type != "" && got != r.Type {
				p.pass.Reportf(obj.Pos(), "required export %s has type %s, but the pluginexport.require setting asks for %s: hosts asserting *%s fail", r.Name, got, r.Type, r.Type)
			}
		case *types.Const:
			p.pass.Reportf(obj.Pos(), "required export %s is a constant, which plugin.Lookup cannot find: declare it as a %s", r.Name, requiredForm(r))
		case *types.TypeName:
			p.pass.Reportf(obj.Pos(), "required export %s is a type, which plugin.Lookup cannot find: declare it as a %s", r.Name, requiredForm(r))
		}
	}
}

func requiredForm(r Requirement) string {
	switch {
	case r.Func:
		return "function " + r.Type
	case r.Type != "":
		return "variable of type " + r.Type
	}
	return "variable or function"
}

// checkConcreteVars reports an exported variable of a pointer type declared
// in the plugin whose value satisfies an imported contract: Lookup gives a
// pointer to that pointer, which has no methods and which no host can name,
// so the plugin is unusable. Declared with the contract type, the host
// asserts a pointer to the contract. (A variable of the struct type itself
// works: the pointer Lookup gives has the methods, so it is left alone.)
func (p *plugin) checkConcreteVars() {
	if p.contracts == nil {
		return
	}
	var imported []*types.TypeName
	for _, tn := range p.contracts.All() {
		named, ok := tn.Type().(*types.Named)
		if ok && tn.Pkg() != p.pass.Pkg && named.TypeParams().Len() == 0 && types.IsInterface(named) {
			imported = append(imported, tn)
		}
	}
	scope := p.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		v, ok := scope.Lookup(name).(*types.Var)
		if !ok || !v.Exported() || !p.shipped(v) || !p.reportable(v.Pos()) {
			continue
		}
		ptr, ok := types.Unalias(v.Type()).(*types.Pointer)
		if !ok {
			continue
		}
		elem, ok := types.Unalias(ptr.Elem()).(*types.Named)
		if !ok || elem.Obj().Pkg() != p.pass.Pkg {
			continue
		}
		for _, tn := range imported {
			iface := tn.Type().Underlying().(*types.Interface)
			if !types.Implements(v.Type(), iface) {
				continue
			}
			c := tn.Pkg().Name() + "." + tn.Name()
			p.pass.Reportf(v.Pos(), "exported variable %s has concrete type %s, so Lookup gives **%s, which has no methods and which no host can name: declare it as var %s %s and assert *sym.(*%s) in the host",
				name, types.TypeString(v.Type(), types.RelativeTo(p.pass.Pkg)), elem.Obj().Name(), name, c, c)
			break
		}
	}
}

// checkImports reports imports that the deny-imports setting forbids in plugins.
func (p *plugin) checkImports() {
	if len(p.cfg.DenyImports) == 0 {
		return
	}
	for _, f := range p.pass.Files {
		if p.classes.At(f.Pos()) != fileclass.Production {
			continue
		}
		for _, spec := range f.Imports {
			path, err := strconv.Unquote(spec.Path.Value)
			if err != nil || !p.cfg.DenyImports.Match(path) {
				continue
			}
			p.pass.Reportf(spec.Pos(), "plugin imports %s, which the pluginexport.deny-imports setting forbids in plugins", path)
		}
	}
}

// checkUnreachable reports exported constants and generic functions that
// nothing in the plugin uses: they look meant for hosts, but plugin.Lookup
// finds only variables and non-generic functions ("symbol not found").
func (p *plugin) checkUnreachable() {
	used := map[types.Object]bool{}
	for _, obj := range p.pass.TypesInfo.Uses {
		used[obj] = true
	}
	required := map[string]bool{}
	for _, r := range p.cfg.Require {
		required[r.Name] = true
	}
	scope := p.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		obj := scope.Lookup(name)
		if !obj.Exported() || used[obj] || required[name] || !p.shipped(obj) || !p.reportable(obj.Pos()) {
			continue
		}
		switch obj := obj.(type) {
		case *types.Const:
			p.pass.Reportf(obj.Pos(), "exported constant %s can never be looked up: plugin.Lookup finds only package-level variables and functions (symbol %s not found); declare it as a variable if hosts need it", name, name)
		case *types.Func:
			if sig, ok := obj.Type().(*types.Signature); ok && sig.TypeParams().Len() > 0 {
				p.pass.Reportf(obj.Pos(), "exported generic function %s can never be looked up: generic functions are not plugin symbols (symbol %s not found); export a non-generic function for hosts", name, name)
			}
		}
	}
}

// declaredIn reports whether t, or the type it points to, is a named type
// declared in pkg.
func declaredIn(t types.Type, pkg *types.Package) bool {
	t = types.Unalias(t)
	if ptr, ok := t.(*types.Pointer); ok {
		t = types.Unalias(ptr.Elem())
	}
	named, ok := t.(*types.Named)
	return ok && named.Obj().Pkg() == pkg
}

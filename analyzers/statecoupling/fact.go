package statecoupling

import (
	"go/types"
	"sort"
	"strconv"
	"strings"
)

// Writes is the fact exported on a function or method that writes shared
// state without holding a write lock, directly or through its callees:
// package-level variables (of its own package or others), or what its
// receiver or parameters point to. Importers apply it at their call sites.
type Writes struct {
	Effects []WriteFact
}

// WriteFact is one write of a Writes fact.
type WriteFact struct {
	Pkg     string // package path of the written variable; "" for a parameter
	PkgName string // its package's name, for messages
	Name    string // the variable's name
	Param   int    // the parameter written through (receiver -1) when Pkg is ""
	Read    bool   // written while holding only a read lock
	Stash   string // request-scoped value stored, if any
	In      string // function holding the write, for messages
	// Via is the call path, inside the fact's package, down to the write.
	Via []string
}

func (*Writes) AFact() {}

// String lists the writes, sorted and deduplicated, for fact tests.
func (f *Writes) String() string {
	set := map[string]bool{}
	for _, e := range f.Effects {
		var s string
		switch {
		case e.Pkg != "":
			s = "writes " + e.PkgName + "." + e.Name
		case e.Param == -1:
			s = "writes receiver"
		default:
			s = "writes param " + strconv.Itoa(e.Param)
		}
		if e.Read {
			s += " under RLock"
		}
		if e.Stash != "" {
			s = "stores " + e.Stash + " in " + strings.TrimPrefix(s, "writes ")
		}
		set[s] = true
	}
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}

// exportFacts exports a Writes fact on each exported function whose
// summary holds writes that callers in other packages must know about.
func (a *analyzerRun) exportFacts() {
	if a.pass.Pkg.Name() == "main" {
		return // no package imports a command or a plugin
	}
	for _, fn := range a.funcs {
		if fn.obj == nil || !fn.obj.Exported() {
			continue
		}
		var f Writes
		seen := map[string]bool{}
		for _, e := range a.sum[fn] {
			if e.kind == hostStash {
				continue
			}
			wf := WriteFact{Param: e.tgt.param, Read: e.mode == readLocked, In: e.in}
			if e.kind == stash {
				wf.Stash = e.what
			}
			if g := e.tgt.global; g != nil {
				wf.Pkg, wf.PkgName, wf.Name, wf.Param = g.Pkg().Path(), g.Pkg().Name(), g.Name(), 0
			}
			for _, s := range e.path {
				wf.Via = append(wf.Via, s.name)
			}
			k := wf.Pkg + "\x00" + wf.Name + "\x00" + strconv.Itoa(wf.Param) + strconv.FormatBool(wf.Read) + wf.Stash
			if seen[k] {
				continue
			}
			seen[k] = true
			f.Effects = append(f.Effects, wf)
		}
		if len(f.Effects) > 0 {
			a.pass.ExportObjectFact(fn.obj, &f)
		}
	}
}

// importEffects turns the fact of a callee in another package into effects
// located at the call site.
func (a *analyzerRun) importEffects(cs *callSite) []*effect {
	if cs.callee.Pkg() == nil || cs.callee.Pkg() == a.pass.Pkg || a.trusted(cs.callee.Pkg().Path()) {
		return nil
	}
	var f Writes
	if !a.pass.ImportObjectFact(cs.callee, &f) {
		return nil
	}
	if cached, ok := a.imported[cs]; ok {
		return cached
	}
	var out []*effect
	for _, wf := range f.Effects {
		e := &effect{pos: cs.pos, in: wf.In, foreign: cs.name}
		if wf.Read {
			e.mode = readLocked
		}
		if wf.Stash != "" {
			e.kind, e.what = stash, wf.Stash
		}
		if wf.Pkg != "" {
			g := lookupVar(cs.callee.Pkg(), wf.Pkg, wf.Name)
			if g == nil {
				continue
			}
			e.tgt = target{global: g}
		} else {
			e.tgt = target{param: wf.Param}
		}
		for _, v := range wf.Via {
			e.path = append(e.path, step{name: v})
		}
		out = append(out, e)
	}
	a.imported[cs] = out
	return out
}

// lookupVar finds the package-level variable path.name among pkg and its
// imports.
func lookupVar(pkg *types.Package, path, name string) *types.Var {
	seen := map[*types.Package]bool{}
	var find func(p *types.Package) *types.Var
	find = func(p *types.Package) *types.Var {
		if seen[p] {
			return nil
		}
		seen[p] = true
		if p.Path() == path {
			v, _ := p.Scope().Lookup(name).(*types.Var)
			return v
		}
		for _, imp := range p.Imports() {
			if v := find(imp); v != nil {
				return v
			}
		}
		return nil
	}
	return find(pkg)
}

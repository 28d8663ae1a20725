package statecoupling

import (
	"go/types"
)

// summarize computes, for every function of the package, the writes it
// performs directly or through static calls: its own writes, plus each
// callee's writes not covered by a write lock held at the call, with the
// callee's parameters replaced by what the caller passed. Callees of other
// packages contribute the writes their Writes fact lists. It iterates to a
// fixpoint, so recursion and call cycles are covered.
func (a *analyzerRun) summarize() {
	a.sum = make(map[*fnInfo][]*effect, len(a.funcs))
	seen := make(map[*fnInfo]map[effectKey]bool, len(a.funcs))
	add := func(fn *fnInfo, e *effect) bool {
		m := seen[fn]
		if m == nil {
			m = map[effectKey]bool{}
			seen[fn] = m
		}
		k := e.key()
		if m[k] {
			return false
		}
		m[k] = true
		a.sum[fn] = append(a.sum[fn], e)
		return true
	}
	for _, fn := range a.funcs {
		for _, e := range fn.writes {
			add(fn, e)
		}
	}
	for changed := true; changed; {
		changed = false
		for _, fn := range a.funcs {
			for _, cs := range fn.calls {
				if cs.held == writeLocked {
					a.calledLocked[cs.callee] = true
				}
				for _, e := range a.calleeEffects(cs) {
					if ne := compose(cs, e); ne != nil && add(fn, ne) {
						changed = true
					}
				}
			}
		}
	}
}

// calleeEffects returns the effects of the function a call site calls.
func (a *analyzerRun) calleeEffects(cs *callSite) []*effect {
	if fn := a.byObj[cs.callee]; fn != nil {
		return a.sum[fn]
	}
	return a.importEffects(cs)
}

// compose lifts a callee's effect to the caller through call site cs, or
// returns nil when the call makes it irrelevant.
func compose(cs *callSite, e *effect) *effect {
	if cs.held == writeLocked && e.kind != stash && e.kind != hostStash {
		return nil
	}
	if e.kind == hostStash {
		return nil // only reported in the hook's own body
	}
	ne := *e
	if !e.tgt.isGlobal() {
		t, ok := cs.bind[e.tgt.param]
		if !ok {
			return nil
		}
		ne.tgt = t
		if t.isGlobal() {
			// Report where the caller hands its package-level state to
			// the function that writes it.
			ne.pos = cs.pos
		}
	}
	if cs.held == readLocked && ne.mode == unlocked {
		ne.mode, ne.lock = readLocked, cs.lock
		if ne.kind == afterUnlock || ne.kind == lazyWrite {
			ne.kind = plainWrite
		}
	}
	if len(e.path) < maxPath {
		ne.path = append([]step{{name: cs.name, pos: cs.pos}}, e.path...)
	}
	return &ne
}

// funcName names a function for messages: F, T.M or (*T).M, qualified
// by its package name (pkg.F, (*pkg.T).M) when it is not declared in from.
func funcName(fn *types.Func, from *types.Package) string {
	qual := ""
	if fn.Pkg() != nil && fn.Pkg() != from {
		qual = fn.Pkg().Name() + "."
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return qual + fn.Name()
	}
	t := sig.Recv().Type()
	ptr := false
	if p, ok := t.(*types.Pointer); ok {
		t, ptr = p.Elem(), true
	}
	name := "?"
	if n, ok := types.Unalias(t).(*types.Named); ok {
		name = qual + n.Obj().Name()
	} else if _, ok := t.Underlying().(*types.Interface); ok {
		name = types.TypeString(t, func(*types.Package) string { return "" })
	}
	if ptr {
		return "(*" + name + ")." + fn.Name()
	}
	return name + "." + fn.Name()
}

package statecoupling

import (
	"fmt"
	"go/token"
	"go/types"
	"sort"
	"strings"
)

// finding is a diagnostic before it is reported; the run-wide step also
// uses findings that the pass could not attribute to an entry point.
type finding struct {
	pos token.Pos
	msg string
}

// report reports, for each entry point in source order, the writes its
// summary holds; each write is reported once, for the first entry point
// that reaches it.
func (a *analyzerRun) report(entries []*entry) map[token.Pos]bool {
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].pos < entries[j].pos })
	done := map[token.Pos]bool{}
	for _, en := range entries {
		for _, f := range a.findings(en) {
			if done[f.pos] {
				continue
			}
			done[f.pos] = true
			a.pass.Reportf(f.pos, "%s", f.msg)
		}
	}
	return done
}

// findings returns the diagnostics one entry point leads to, stashes
// first so that they win over the plain write at the same position.
func (a *analyzerRun) findings(en *entry) []finding {
	var effects []*effect
	switch {
	case en.fn != nil:
		effects = a.sum[en.fn]
	case en.ext != nil:
		cs := &callSite{callee: en.ext, name: en.name, pos: en.pos}
		effects = a.importEffects(cs)
	}
	var stashes, writes []finding
	for _, e := range effects {
		if !e.tgt.isGlobal() || !a.reportable(e.pos) {
			continue
		}
		switch {
		case e.kind == stash:
			stashes = append(stashes, finding{e.pos, a.stashMsg(en, e)})
		case e.kind == hostStash:
			if en.hook && len(e.path) == 0 {
				stashes = append(stashes, finding{e.pos, a.hostMsg(en, e)})
			}
		case !en.hook:
			writes = append(writes, finding{e.pos, a.writeMsg(en, e)})
		}
	}
	return append(stashes, writes...)
}

// reportable reports whether a diagnostic may be reported at pos: in a
// file of this package that is not generated, and not a test file unless
// -tests is set.
func (a *analyzerRun) reportable(pos token.Pos) bool {
	if !pos.IsValid() {
		return false
	}
	tf := a.pass.Fset.File(pos)
	found := false
	for _, f := range a.files {
		if a.pass.Fset.File(f.Pos()) == tf {
			found = true
			break
		}
	}
	if !found {
		return false
	}
	return !a.class.At(pos).IsGenerated()
}

func (a *analyzerRun) varName(v *types.Var) string {
	if v.Pkg() == a.pass.Pkg {
		return v.Name()
	}
	return v.Pkg().Name() + "." + v.Name()
}

// reached says how the entry point reaches the write.
func (a *analyzerRun) reached(en *entry, e *effect) string {
	s := "in entry point " + en.name + " (" + en.why + ")"
	if len(e.path) > 0 || e.foreign != "" {
		names := []string{en.name}
		for _, st := range e.path {
			names = append(names, st.name)
		}
		s = "reached from entry point " + en.name + " (" + en.why + ") via " + strings.Join(names[1:], " -> ")
		if en.ext != nil {
			s = "reached from handler " + en.name + " (" + en.why + ")"
			if len(names) > 1 {
				s += " via " + strings.Join(names[1:], " -> ")
			}
		}
	}
	return s
}

func (a *analyzerRun) writeMsg(en *entry, e *effect) string {
	g := a.varName(e.tgt.global)
	what := "write to package-level var " + g
	if e.foreign != "" {
		what = "call to " + e.foreign + " writes package-level var " + g
	}
	consequence := "concurrent calls race on it"
	if _, isMap := e.tgt.global.Type().Underlying().(*types.Map); isMap {
		consequence = "concurrent map writes crash the process"
	}
	where := a.reached(en, e)
	helper := ""
	if e.inFn != nil && a.calledLocked[e.inFn] && e.inFn != en.fnObj() {
		helper = " in " + e.in + ", which other callers call with a lock held,"
	}
	switch {
	case e.mode == readLocked:
		return fmt.Sprintf("%s%s while holding only the read lock %s.RLock, %s: read locks are shared, so %s", what, helper, e.lock, where, consequence)
	case e.kind == lazyWrite:
		return fmt.Sprintf("lazy initialisation of package-level var %s without sync.Once (check-then-set), %s: concurrent calls race to initialise it", g, where)
	case e.kind == afterUnlock:
		return fmt.Sprintf("%s after %s.Unlock, %s: the lock no longer protects it, so %s", what, e.lock, where, consequence)
	}
	return fmt.Sprintf("%s%s without holding a lock, %s: %s", what, helper, where, consequence)
}

func (a *analyzerRun) stashMsg(en *entry, e *effect) string {
	return fmt.Sprintf("package-level var %s stores the call-scoped %s, %s: it outlives the call that owns it and is shared by concurrent calls",
		a.varName(e.tgt.global), e.what, a.reached(en, e))
}

func (a *analyzerRun) hostMsg(en *entry, e *effect) string {
	return fmt.Sprintf("lifecycle hook %s (%s) stores the host handle %s in package-level var %s: it belongs to this plugin instance and outlives it, shared by every instance",
		en.name, en.why, e.what, a.varName(e.tgt.global))
}

func (en *entry) fnObj() *types.Func {
	if en.fn == nil {
		return nil
	}
	return en.fn.obj
}

package redundantiface

import (
	"fmt"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// world is what a tier knows when it judges an interface: one package
// (the per-package tier) or every package of the run (the run-wide tier).
type world struct {
	cfg Config

	impls    []*Impl
	byMethod map[string][]*Impl // method ID -> impls having it

	used, accepted, exposed, asserted   map[string]bool
	constraints, contracts, implemented map[string]bool
	usedNames                           map[string]bool // syntactic uses from unloaded test files
	assertedMethods                     map[string]bool // "methodID signature" that type assertions check for
	siblings                            map[string][]string
	// deep reports whether a type anywhere in the run's dependencies
	// implements an asserted interface (run-wide tier, whole-program only).
	deep func(it *Iface) bool
}

func newWorld(cfg Config) *world {
	return &world{
		cfg:             cfg,
		byMethod:        map[string][]*Impl{},
		used:            map[string]bool{},
		accepted:        map[string]bool{},
		exposed:         map[string]bool{},
		asserted:        map[string]bool{},
		assertedMethods: map[string]bool{},
		constraints:     map[string]bool{},
		contracts:       map[string]bool{},
		implemented:     map[string]bool{},
		usedNames:       map[string]bool{},
		siblings:        map[string][]string{},
	}
}

func (w *world) addImpl(impl *Impl) {
	w.impls = append(w.impls, impl)
	for id := range impl.Methods {
		w.byMethod[id] = append(w.byMethod[id], impl)
	}
}

func (w *world) addResult(r *Result) {
	for _, impl := range r.Impls {
		w.addImpl(impl)
	}
	w.addSets(r)
}

// addSets merges a package's use sets.
func (w *world) addSets(r *Result) {
	addAll(w.used, r.Used)
	addAll(w.accepted, r.Accepted)
	addAll(w.exposed, r.Exposed)
	addAll(w.asserted, r.AssertTargets)
	addAll(w.assertedMethods, r.AssertedMethods)
	addAll(w.constraints, r.Constraints)
	addAll(w.contracts, r.Contracts)
	addAll(w.implemented, r.Implemented)
	for _, it := range r.Ifaces {
		if it.Contract {
			w.contracts[it.Key] = true
		}
	}
}

func addAll(m map[string]bool, keys []string) {
	for _, k := range keys {
		m[k] = true
	}
}

// implementers reports whether a production type implements it, and names
// the test doubles that do ("fakeStore in store_test.go").
func (w *world) implementers(it *Iface) (prod bool, doubles []string) {
	if len(it.Methods) == 0 {
		return true, nil
	}
	seen := map[string]bool{}
	for _, impl := range w.byMethod[it.Methods[0].ID] {
		if seen[impl.Key] || !implements(impl, it) {
			continue
		}
		seen[impl.Key] = true
		if !impl.Double {
			return true, nil
		}
		doubles = append(doubles, impl.Name+" in "+impl.File)
	}
	sort.Strings(doubles)
	doubles = dedup(doubles)
	return false, doubles
}

// implements compares method sets by method identity and signature;
// where a type parameter is involved (a generic implementer or a generic
// interface, whose instantiation the comparison cannot know) it compares
// parameter and result counts. A syntactic implementer (from a test file
// the pass did not load) matches by names.
func implements(impl *Impl, it *Iface) bool {
	for _, m := range it.Methods {
		im, ok := impl.Methods[m.ID]
		if !ok {
			return false
		}
		if im.Sig == "" {
			continue // syntactic: names only
		}
		if im.Sig == m.Sig {
			continue
		}
		if (impl.Generic || it.Generic || m.Loose) && im.Params == m.Params && im.Res == m.Res {
			continue
		}
		return false
	}
	return true
}

func dedup(s []string) []string {
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// judge returns the findings about one interface.
func (w *world) judge(it *Iface, pkgPath string) []analysis.Diagnostic {
	// A constraint with type terms is no method contract; an interface
	// that constrains a type parameter gets its implementations from type
	// arguments, but its methods still need callers.
	if it.Generated || it.Constraint || len(it.Methods) == 0 {
		return nil
	}
	library := !w.cfg.WholeProgram && !it.Internal
	contract := it.Contract || w.contracts[it.Key]
	if !contract && !w.implemented[it.Key] && !w.constraints[it.Key] {
		prod, doubles := w.implementers(it)
		// Test code's own interface is implemented by test code: those
		// types are no doubles of anything.
		if len(doubles) > 0 && (!w.cfg.TestDoubles || it.Test) {
			prod = true
		}
		// Extension points: users supply implementations. Optional
		// behaviour: values checked by assertion may come from anywhere
		// outside the run unless the run is the whole program.
		extension := library && (w.accepted[it.Key] || w.asserted[it.Key])
		if !prod && !extension && w.asserted[it.Key] && w.deep != nil && w.deep(it) {
			prod = true
		}
		if !prod && !extension {
			return []analysis.Diagnostic{w.noImpl(it, pkgPath, doubles)}
		}
	}
	if contract && library && !w.anyMethodUsed(it) {
		// No method of the contract is called anywhere in the run: its
		// host is not in the run (a plugin SDK, or plugins linted apart
		// from their host), so the run cannot tell which methods are dead.
		return nil
	}
	var out []analysis.Diagnostic
	for _, m := range it.Methods {
		if !m.Own || m.Exempt != "" || w.used[m.Key] || w.usedNames[m.Name] || w.assertedMethods[m.ID+" "+m.Sig] {
			continue
		}
		if library && w.exposed[it.Key] {
			continue // outside code holding the values may call it
		}
		out = append(out, w.neverCalled(it, m, contract))
	}
	return out
}

// anyMethodUsed reports whether the run calls (or otherwise uses) at least
// one method of it.
func (w *world) anyMethodUsed(it *Iface) bool {
	for _, m := range it.Methods {
		if w.used[m.Key] || w.usedNames[m.Name] || w.assertedMethods[m.ID+" "+m.Sig] {
			return true
		}
	}
	return false
}

func (w *world) noImpl(it *Iface, pkgPath string, doubles []string) analysis.Diagnostic {
	if len(doubles) > 0 {
		if len(doubles) > 3 {
			doubles = append(doubles[:3:3], "…")
		}
		return analysis.Diagnostic{
			Pos:      it.Pos,
			Category: "test-doubles-only",
			Message: fmt.Sprintf("interface %s is implemented only by test doubles (%s): production code never needs it",
				it.Name, strings.Join(doubles, ", ")),
		}
	}
	if next := successor(it.Name, w.siblings[pkgPath]); next != "" {
		return analysis.Diagnostic{
			Pos:      it.Pos,
			Category: "deprecated-twin",
			Message: fmt.Sprintf("interface %s has no implementation; %s looks like its successor: remove %s",
				it.Name, next, it.Name),
		}
	}
	return analysis.Diagnostic{
		Pos:      it.Pos,
		Category: "no-implementation",
		Message:  fmt.Sprintf("interface %s has no implementation in this program: remove it or add one", it.Name),
	}
}

func (w *world) neverCalled(it *Iface, m Method, contract bool) analysis.Diagnostic {
	var names []string
	for _, o := range it.Methods {
		names = append(names, o.Name)
	}
	if next := successor(m.Name, names); next != "" {
		return analysis.Diagnostic{
			Pos:      m.Pos,
			Category: "deprecated-twin",
			Message: fmt.Sprintf("method %s.%s is never called through the interface; %s looks like its successor: remove %s",
				it.Name, m.Name, next, m.Name),
		}
	}
	if contract {
		return analysis.Diagnostic{
			Pos:      m.Pos,
			Category: "dead-contract",
			Message: fmt.Sprintf("method %s.%s of contract %s is never called by the host: every plugin must implement it for nothing",
				it.Name, m.Name, it.Name),
		}
	}
	return analysis.Diagnostic{
		Pos:      m.Pos,
		Category: "never-called",
		Message: fmt.Sprintf("method %s.%s is never called through the interface: every implementation must provide it for nothing",
			it.Name, m.Name),
	}
}

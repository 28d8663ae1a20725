package contracts

import (
	"go/types"
	"sort"
)

// Result is what the helper analyzer knows about the contracts visible from
// one package: its own, those of its dependencies, built-in and flag-listed ones.
type Result struct {
	contracts map[*types.TypeName]string
	once      map[*types.Func]bool

	// Asserted lists the interfaces that this package's host code asserts a
	// plugin.Symbol to (directly or through a pointer), sorted by name.
	Asserted []*types.TypeName
}

// With returns r extended with the contracts that names (fully qualified
// type names, from a flag) designate among pkg and its dependencies.
func (r *Result) With(pkg *types.Package, names []string) *Result {
	if len(names) == 0 {
		return r
	}
	out := &Result{contracts: make(map[*types.TypeName]string, len(r.contracts)), once: r.once, Asserted: r.Asserted}
	for tn, why := range r.contracts {
		out.contracts[tn] = why
	}
	out.addNamed(pkg, names, "flag")
	return out
}

func (r *Result) addNamed(pkg *types.Package, names []string, why string) {
	visitPackages(pkg, func(p *types.Package) {
		for _, name := range names {
			path, typ := splitName(name)
			if path != p.Path() {
				continue
			}
			if tn, ok := p.Scope().Lookup(typ).(*types.TypeName); ok {
				tn = origin(tn)
				if _, known := r.contracts[tn]; !known {
					r.contracts[tn] = why
				}
			}
		}
	})
}

// Contract reports whether tn (or the generic type it instantiates) is a contract.
func (r *Result) Contract(tn *types.TypeName) bool {
	if tn == nil {
		return false
	}
	_, ok := r.contracts[origin(tn)]
	return ok
}

// ContractType reports whether t, a named type or an instance of a generic
// named type (after unaliasing), is a contract.
func (r *Result) ContractType(t types.Type) bool {
	named, ok := types.Unalias(t).(*types.Named)
	return ok && r.Contract(named.Origin().Obj())
}

// Why says how tn was learned to be a contract, or "" when it is not one.
func (r *Result) Why(tn *types.TypeName) string { return r.contracts[origin(tn)] }

// All returns the visible contracts sorted by qualified name.
func (r *Result) All() []*types.TypeName {
	out := make([]*types.TypeName, 0, len(r.contracts))
	for tn := range r.contracts {
		out = append(out, tn)
	}
	sort.Slice(out, func(i, j int) bool { return qualified(out[i]) < qualified(out[j]) })
	return out
}

// IsOnce reports whether the interface method m is marked //pluginlint:once.
func (r *Result) IsOnce(m *types.Func) bool { return r.once[m.Origin()] }

// EntryPoint reports whether method m is a concurrent entry point: a method
// of a contract interface, or a method of a concrete type that implements a
// contract interface and provides one of its methods, and in both cases not
// marked //pluginlint:once. It returns the contract that makes it one.
func (r *Result) EntryPoint(m *types.Func) (*types.TypeName, bool) {
	sig, ok := m.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return nil, false
	}
	recv := sig.Recv().Type()
	if types.IsInterface(recv) {
		if named, ok := types.Unalias(recv).(*types.Named); ok {
			tn := named.Origin().Obj()
			if r.Contract(tn) && !r.IsOnce(m) {
				return tn, true
			}
		}
		// A method promoted from an embedded contract interface keeps its
		// own receiver, handled above.
		return nil, false
	}
	for _, tn := range r.All() {
		iface, ok := tn.Type().Underlying().(*types.Interface)
		if !ok {
			continue
		}
		for im := range iface.Methods() {
			if im.Name() != m.Name() || r.IsOnce(im) {
				continue
			}
			if Implements(recv, tn) {
				return tn, true
			}
		}
	}
	return nil, false
}

// Implements reports whether t (or a pointer to it) implements the contract
// interface tn. A generic contract is matched by method names and
// parameter counts, since its instantiation is not known here.
func Implements(t types.Type, tn *types.TypeName) bool {
	iface, ok := tn.Type().Underlying().(*types.Interface)
	if !ok {
		return false
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if named, ok := tn.Type().(*types.Named); ok && named.TypeParams().Len() > 0 {
		ms := types.NewMethodSet(types.NewPointer(t))
		for im := range iface.Methods() {
			sel := ms.Lookup(im.Pkg(), im.Name())
			if sel == nil {
				return false
			}
			want := im.Type().(*types.Signature)
			got := sel.Obj().Type().(*types.Signature)
			if want.Params().Len() != got.Params().Len() || want.Results().Len() != got.Results().Len() {
				return false
			}
		}
		return true
	}
	return types.Implements(t, iface) || types.Implements(types.NewPointer(t), iface)
}

// origin resolves an alias to the type name it denotes and an instance to
// its generic type, so that every spelling of a contract finds one key.
func origin(tn *types.TypeName) *types.TypeName {
	if named, ok := types.Unalias(tn.Type()).(*types.Named); ok {
		return named.Origin().Obj()
	}
	return tn
}

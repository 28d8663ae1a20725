package pluginexport

import (
	"go/types"
	"strings"
)

// Host and plugin packages are different packages, type-checked apart under
// go vet and possibly from different sources; the run-wide step therefore
// compares types by a canonical string that names every package by its full
// path, the way the runtime's type identity does.

// pathQualifier names a package by its import path.
func pathQualifier(p *types.Package) string { return p.Path() }

// nameQualifier names a package by its package name, as source code does
// (used for the require flag, which users write in source syntax).
func nameQualifier(p *types.Package) string { return p.Name() }

// canonical returns t's canonical string under q: aliases resolved,
// parameter names dropped (they do not take part in type identity), and
// every empty interface spelled "any".
func canonical(t types.Type, q types.Qualifier) string {
	if t == nil {
		return ""
	}
	return strings.ReplaceAll(types.TypeString(normalize(t), q), "interface{}", "any")
}

// normalize rebuilds the unnamed composite parts of t without aliases and
// parameter names. Named types print as their name, so they stay as they are.
func normalize(t types.Type) types.Type {
	switch t := types.Unalias(t).(type) {
	case *types.Pointer:
		return types.NewPointer(normalize(t.Elem()))
	case *types.Slice:
		return types.NewSlice(normalize(t.Elem()))
	case *types.Array:
		return types.NewArray(normalize(t.Elem()), t.Len())
	case *types.Map:
		return types.NewMap(normalize(t.Key()), normalize(t.Elem()))
	case *types.Chan:
		return types.NewChan(t.Dir(), normalize(t.Elem()))
	case *types.Signature:
		if t.TypeParams().Len() > 0 || t.Recv() != nil {
			return t
		}
		return types.NewSignatureType(nil, nil, nil, unnamed(t.Params()), unnamed(t.Results()), t.Variadic())
	default:
		return t
	}
}

func unnamed(tup *types.Tuple) *types.Tuple {
	if tup == nil || tup.Len() == 0 {
		return nil
	}
	vars := make([]*types.Var, tup.Len())
	for i := range tup.Len() {
		vars[i] = types.NewParam(tup.At(i).Pos(), nil, "", normalize(tup.At(i).Type()))
	}
	return types.NewTuple(vars...)
}

// methodKeys lists the methods of t's method set as "name signature" keys,
// sorted; unexported names are qualified by their package path, since only
// the declaring package's interface can require them.
func methodKeys(t types.Type) []string {
	ms := types.NewMethodSet(t)
	out := make([]string, 0, ms.Len())
	for sel := range ms.Methods() {
		out = append(out, methodKey(sel.Obj().(*types.Func)))
	}
	// NewMethodSet sorts by Id, which is not the key order.
	sortStrings(out)
	return out
}

// interfaceKeys lists the methods an interface requires, as methodKeys does.
func interfaceKeys(iface *types.Interface) []string {
	out := make([]string, 0, iface.NumMethods())
	for m := range iface.Methods() {
		out = append(out, methodKey(m))
	}
	sortStrings(out)
	return out
}

func methodKey(m *types.Func) string {
	name := m.Name()
	if !m.Exported() && m.Pkg() != nil {
		name = m.Pkg().Path() + "." + name
	}
	sig := m.Type().(*types.Signature)
	plain := types.NewSignatureType(nil, nil, nil, sig.Params(), sig.Results(), sig.Variadic())
	return name + " " + canonical(plain, pathQualifier)
}

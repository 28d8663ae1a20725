package baseline

import "go/types"

// Reach returns the named types that roots reach: the roots, and every
// named type appearing in their underlying types and in the signatures
// of their methods, transitively. It is the surface a plugin sees
// through its contracts.
func Reach(roots []*types.TypeName) map[*types.TypeName]bool {
	seen := map[*types.TypeName]bool{}
	visited := map[*types.TypeName]bool{}
	var visit func(t types.Type)
	var queue []*types.Named
	visit = func(t types.Type) {
		switch t := t.(type) {
		case *types.Alias:
			visit(types.Unalias(t))
		case *types.Named:
			for i := 0; i < t.TypeArgs().Len(); i++ {
				visit(t.TypeArgs().At(i))
			}
			obj := t.Origin().Obj()
			if obj.Pkg() != nil && !visited[obj] {
				seen[obj], visited[obj] = true, true
				queue = append(queue, t.Origin())
			}
		case *types.Pointer:
			visit(t.Elem())
		case *types.Slice:
			visit(t.Elem())
		case *types.Array:
			visit(t.Elem())
		case *types.Map:
			visit(t.Key())
			visit(t.Elem())
		case *types.Chan:
			visit(t.Elem())
		case *types.Signature:
			visit(t.Params())
			visit(t.Results())
		case *types.Tuple:
			for i := 0; i < t.Len(); i++ {
				visit(t.At(i).Type())
			}
		case *types.Struct:
			for i := 0; i < t.NumFields(); i++ {
				visit(t.Field(i).Type())
			}
		case *types.Interface:
			for i := 0; i < t.NumEmbeddeds(); i++ {
				visit(t.EmbeddedType(i))
			}
			for i := 0; i < t.NumExplicitMethods(); i++ {
				visit(t.ExplicitMethod(i).Type())
			}
		case *types.Union:
			for i := 0; i < t.Len(); i++ {
				visit(t.Term(i).Type())
			}
		}
	}
	for _, tn := range roots {
		if tn != nil {
			seen[tn] = true // an alias stays a root under its own name
			visit(tn.Type())
		}
	}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		visit(n.Underlying())
		for i := 0; i < n.TypeParams().Len(); i++ {
			visit(n.TypeParams().At(i).Constraint())
		}
		for m := range n.Methods() {
			if m.Exported() {
				visit(m.Type())
			}
		}
	}
	return seen
}

package redundantiface

import (
	"go/types"
)

// exposure is what the package's exported API does with interfaces:
// accepts implementations from outside code (a parameter), hands values
// to outside code (a result), or both (a variable, a field, a nested
// function type, an exported interface's method signature).
type exposure struct {
	accepted map[string]bool // interface keys
	exposed  map[string]bool // interface keys
	leaked   map[string]bool // interface keys mentioned anywhere in the API
}

const (
	accept = 1 << iota
	expose
)

// collectAPI walks the types of the package's exported objects. Only
// exported methods of exported types count; fields count whether exported
// or not when embedded, since their promoted methods are exported.
func collectAPI(pkg *types.Package) *exposure {
	e := &exposure{accepted: map[string]bool{}, exposed: map[string]bool{}, leaked: map[string]bool{}}
	if pkg.Name() == "main" {
		// Nothing imports a main package: its exported names reach other
		// code only through plugin.Lookup, by a host whose calls the run
		// shows. A plugin's `var Processor api.Processor` is not an API
		// handing Processor values to unknown callers.
		return e
	}
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		obj := scope.Lookup(name)
		if !obj.Exported() {
			continue
		}
		switch obj := obj.(type) {
		case *types.Func:
			e.signature(obj.Type().(*types.Signature), 0)
		case *types.Var:
			e.walk(obj.Type(), accept|expose, 0)
		case *types.TypeName:
			if obj.IsAlias() {
				e.walk(obj.Type(), accept|expose, 0)
				continue
			}
			named, ok := obj.Type().(*types.Named)
			if !ok {
				continue
			}
			e.underlying(named.Underlying())
			for m := range named.Methods() {
				if m.Exported() {
					e.signature(m.Type().(*types.Signature), 0)
				}
			}
		}
	}
	return e
}

// underlying walks the underlying type of an exported named type.
func (e *exposure) underlying(t types.Type) {
	switch t := t.(type) {
	case *types.Struct:
		for f := range t.Fields() {
			if f.Exported() || f.Embedded() {
				e.walk(f.Type(), accept|expose, 0)
			}
		}
	case *types.Interface:
		// Values of an exported interface go both ways: its
		// implementations may come from outside code or from ours.
		for i := 0; i < t.NumEmbeddeds(); i++ {
			e.walk(t.EmbeddedType(i), accept|expose, 0)
		}
		for m := range t.ExplicitMethods() {
			if m.Exported() {
				e.walk(m.Type(), accept|expose, 0)
			}
		}
	default:
		e.walk(t, accept|expose, 0)
	}
}

// signature walks a function signature of the exported API: parameters
// are accepted from callers, results handed to them.
func (e *exposure) signature(sig *types.Signature, depth int) {
	for v := range sig.Params().Variables() {
		e.walk(v.Type(), accept, depth+1)
	}
	for v := range sig.Results().Variables() {
		e.walk(v.Type(), expose, depth+1)
	}
}

func (e *exposure) walk(t types.Type, how int, depth int) {
	if t == nil || depth > 10 {
		return
	}
	switch t := t.(type) {
	case *types.Alias:
		e.walk(types.Unalias(t), how, depth+1)
	case *types.Named:
		if key := ifaceKey(t); key != "" {
			e.mark(key, t.Underlying().(*types.Interface), how, 0)
		}
		for a := range t.TypeArgs().Types() {
			e.walk(a, accept|expose, depth+1)
		}
	case *types.Pointer:
		e.walk(t.Elem(), how, depth+1)
	case *types.Slice:
		e.walk(t.Elem(), how, depth+1)
	case *types.Array:
		e.walk(t.Elem(), how, depth+1)
	case *types.Map:
		e.walk(t.Key(), how, depth+1)
		e.walk(t.Elem(), how, depth+1)
	case *types.Chan:
		e.walk(t.Elem(), accept|expose, depth+1)
	case *types.Signature:
		// A function value crossing the API boundary turns directions
		// around; call it both.
		for v := range t.Params().Variables() {
			e.walk(v.Type(), accept|expose, depth+1)
		}
		for v := range t.Results().Variables() {
			e.walk(v.Type(), accept|expose, depth+1)
		}
	case *types.Struct:
		for f := range t.Fields() {
			e.walk(f.Type(), accept|expose, depth+1)
		}
	case *types.Interface:
		for m := range t.Methods() {
			e.walk(m.Type(), accept|expose, depth+1)
		}
	}
}

// mark records an interface and, through embedding, the interfaces it
// embeds: an implementation of the outer one implements them too, and
// their methods are callable through it.
func (e *exposure) mark(key string, iface *types.Interface, how int, depth int) {
	if depth > 10 {
		return
	}
	e.leaked[key] = true
	if how&accept != 0 {
		e.accepted[key] = true
	}
	if how&expose != 0 {
		e.exposed[key] = true
	}
	for i := 0; i < iface.NumEmbeddeds(); i++ {
		emb := iface.EmbeddedType(i)
		if k := ifaceKey(emb); k != "" && !(e.leaked[k] && (how&accept == 0 || e.accepted[k]) && (how&expose == 0 || e.exposed[k])) {
			e.mark(k, types.Unalias(emb).Underlying().(*types.Interface), how, depth+1)
		}
	}
}

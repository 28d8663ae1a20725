package redundantiface

import (
	"go/types"
	"strconv"
	"strings"
)

// typeString writes t with package paths and with every alias replaced by
// the type it denotes, at any depth: one package spells a parameter
// cache.Informer, another cacheapi.Informer, and both mean one type.
// (types.TypeString keeps alias names since Go 1.23.)
func typeString(t types.Type) string {
	var b strings.Builder
	writeType(&b, t, 0)
	return b.String()
}

func writeType(b *strings.Builder, t types.Type, depth int) {
	if depth > 12 {
		b.WriteString("…")
		return
	}
	q := func(p *types.Package) string { return p.Path() }
	switch t := t.(type) {
	case nil:
		b.WriteString("<nil>")
	case *types.Alias:
		writeType(b, types.Unalias(t), depth+1)
	case *types.Named:
		obj := t.Obj()
		if obj.Pkg() != nil {
			b.WriteString(obj.Pkg().Path() + ".")
		}
		b.WriteString(obj.Name())
		if args := t.TypeArgs(); args.Len() > 0 {
			b.WriteString("[")
			for i := 0; i < args.Len(); i++ {
				if i > 0 {
					b.WriteString(", ")
				}
				writeType(b, args.At(i), depth+1)
			}
			b.WriteString("]")
		}
	case *types.Pointer:
		b.WriteString("*")
		writeType(b, t.Elem(), depth+1)
	case *types.Slice:
		b.WriteString("[]")
		writeType(b, t.Elem(), depth+1)
	case *types.Array:
		b.WriteString("[" + strconv.FormatInt(t.Len(), 10) + "]")
		writeType(b, t.Elem(), depth+1)
	case *types.Map:
		b.WriteString("map[")
		writeType(b, t.Key(), depth+1)
		b.WriteString("]")
		writeType(b, t.Elem(), depth+1)
	case *types.Chan:
		switch t.Dir() {
		case types.SendOnly:
			b.WriteString("chan<- ")
		case types.RecvOnly:
			b.WriteString("<-chan ")
		default:
			b.WriteString("chan ")
		}
		writeType(b, t.Elem(), depth+1)
	case *types.Signature:
		writeSig(b, t, depth+1)
	default:
		// Basic types, type parameters, struct and interface literals.
		b.WriteString(types.TypeString(t, q))
	}
}

// writeSig writes a signature without parameter names.
func writeSig(b *strings.Builder, sig *types.Signature, depth int) {
	b.WriteString("func(")
	params := sig.Params()
	for i := 0; i < params.Len(); i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		t := params.At(i).Type()
		if sig.Variadic() && i == params.Len()-1 {
			if s, ok := t.(*types.Slice); ok {
				b.WriteString("...")
				t = s.Elem()
			}
		}
		writeType(b, t, depth)
	}
	b.WriteString(")")
	res := sig.Results()
	switch res.Len() {
	case 0:
	case 1:
		b.WriteString(" ")
		writeType(b, res.At(0).Type(), depth)
	default:
		b.WriteString(" (")
		for i := 0; i < res.Len(); i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			writeType(b, res.At(i).Type(), depth)
		}
		b.WriteString(")")
	}
}

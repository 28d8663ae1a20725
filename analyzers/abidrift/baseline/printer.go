package baseline

import (
	"go/types"
	"sort"
	"strconv"
	"strings"
)

// printer writes types as Go source for a package's stub. It resolves
// aliases (apidiff compares unaliased types), writes interfaces with their
// flattened method sets (so that embedding an interface of another
// package needs no more of that package than its type names), names the
// types of other packages through recorded imports, and collects the
// package's own types that the declarations need.
type printer struct {
	pkg     *types.Package
	imports map[string]*Import // by path
	refs    map[string]map[string]*Ref
	taken   map[string]bool // names in the stub's file scope
	need    []*types.TypeName
}

func newPrinter(pkg *types.Package) *printer {
	p := &printer{
		pkg:     pkg,
		imports: map[string]*Import{},
		refs:    map[string]map[string]*Ref{},
		taken:   map[string]bool{},
	}
	for _, name := range pkg.Scope().Names() {
		p.taken[name] = true
	}
	return p
}

// importList returns the imports with deterministic names: each path's
// package name, suffixed where it would clash. Names are assigned in path
// order after all declarations were printed, so printing used
// placeholders that finish rewrites.
func (p *printer) importList() []*Import {
	paths := make([]string, 0, len(p.imports))
	for path := range p.imports {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	var out []*Import
	for _, path := range paths {
		im := p.imports[path]
		for _, r := range p.refs[path] {
			im.Types = append(im.Types, r)
		}
		sort.Slice(im.Types, func(i, j int) bool { return im.Types[i].Name < im.Types[j].Name })
		out = append(out, im)
	}
	return out
}

// placeholder stands for an import name until names are assigned.
func placeholder(path string) string { return "\x00" + path + "\x00" }

// finish replaces placeholders by the assigned import names.
func (p *printer) finish(decls []*Decl) []*Import {
	ims := p.importList()
	var pairs []string
	for _, im := range ims {
		base := im.Name
		if !isIdent(base) || base == "_" {
			base = "pkg"
		}
		name := base
		for n := 2; p.taken[name]; n++ {
			name = base + strconv.Itoa(n)
		}
		p.taken[name] = true
		im.Name = name
		pairs = append(pairs, placeholder(im.Path), name)
	}
	r := strings.NewReplacer(pairs...)
	for _, d := range decls {
		d.Go = r.Replace(d.Go)
	}
	return ims
}

func (p *printer) typ(t types.Type) string {
	var b strings.Builder
	p.write(&b, t, nil)
	return b.String()
}

func (p *printer) write(b *strings.Builder, t types.Type, seen []*types.Interface) {
	switch t := t.(type) {
	case nil:
		b.WriteString("invalid")
	case *types.Alias:
		if obj := t.Obj(); obj.Pkg() == nil && obj.Name() == "any" {
			b.WriteString("any") // apidiff prints it so
			return
		}
		p.write(b, types.Unalias(t), seen)
	case *types.Basic:
		if t.Kind() == types.UnsafePointer {
			b.WriteString("unsafe.Pointer")
			return
		}
		b.WriteString(t.Name())
	case *types.Pointer:
		b.WriteString("*")
		p.write(b, t.Elem(), seen)
	case *types.Slice:
		b.WriteString("[]")
		p.write(b, t.Elem(), seen)
	case *types.Array:
		b.WriteString("[" + strconv.FormatInt(t.Len(), 10) + "]")
		p.write(b, t.Elem(), seen)
	case *types.Map:
		b.WriteString("map[")
		p.write(b, t.Key(), seen)
		b.WriteString("]")
		p.write(b, t.Elem(), seen)
	case *types.Chan:
		switch t.Dir() {
		case types.SendRecv:
			b.WriteString("chan ")
			if c, ok := types.Unalias(t.Elem()).(*types.Chan); ok && c.Dir() == types.RecvOnly {
				b.WriteString("(")
				p.write(b, t.Elem(), seen)
				b.WriteString(")")
				return
			}
		case types.SendOnly:
			b.WriteString("chan<- ")
		case types.RecvOnly:
			b.WriteString("<-chan ")
		}
		p.write(b, t.Elem(), seen)
	case *types.Signature:
		b.WriteString("func")
		p.signature(b, t, seen)
	case *types.Struct:
		b.WriteString("struct{")
		for i := 0; i < t.NumFields(); i++ {
			if i > 0 {
				b.WriteString("; ")
			}
			f := t.Field(i)
			if !f.Embedded() {
				b.WriteString(f.Name() + " ")
			}
			p.write(b, f.Type(), seen)
			if tag := t.Tag(i); tag != "" {
				b.WriteString(" " + strconv.Quote(tag))
			}
		}
		b.WriteString("}")
	case *types.Interface:
		p.iface(b, t, seen)
	case *types.Union:
		for i := 0; i < t.Len(); i++ {
			if i > 0 {
				b.WriteString(" | ")
			}
			term := t.Term(i)
			if term.Tilde() {
				b.WriteString("~")
			}
			p.write(b, term.Type(), seen)
		}
	case *types.Named:
		p.named(b, t, seen)
	case *types.TypeParam:
		b.WriteString(t.Obj().Name())
	case *types.Tuple:
		p.tuple(b, t, false, seen)
	default:
		b.WriteString("invalid")
	}
}

func (p *printer) named(b *strings.Builder, t *types.Named, seen []*types.Interface) {
	obj := t.Obj()
	switch {
	case obj.Pkg() == nil: // error, comparable
	case obj.Pkg() == p.pkg:
		p.need = append(p.need, t.Origin().Obj())
	default:
		path := obj.Pkg().Path()
		if p.imports[path] == nil {
			p.imports[path] = &Import{Path: path, Name: obj.Pkg().Name()}
			p.refs[path] = map[string]*Ref{}
		}
		if p.refs[path][obj.Name()] == nil {
			p.refs[path][obj.Name()] = &Ref{
				Name:       obj.Name(),
				TypeParams: t.Origin().TypeParams().Len(),
				Underlying: underlyingKind(t),
			}
		}
		b.WriteString(placeholder(path) + ".")
	}
	b.WriteString(obj.Name())
	if args := t.TypeArgs(); args.Len() > 0 {
		b.WriteString("[")
		for i := 0; i < args.Len(); i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			p.write(b, args.At(i), seen)
		}
		b.WriteString("]")
	}
}

func underlyingKind(t *types.Named) string {
	switch u := t.Origin().Underlying().(type) {
	case *types.Basic:
		if u.Kind() == types.UnsafePointer {
			return "unsafe.Pointer"
		}
		return u.Name()
	case *types.Interface:
		return "interface"
	}
	return "other"
}

// iface writes a method-set interface flattened, sorted by method name,
// and a constraint interface with its terms and explicit methods.
func (p *printer) iface(b *strings.Builder, t *types.Interface, seen []*types.Interface) {
	for _, s := range seen {
		if s == t {
			b.WriteString("interface{}") // unreachable for valid Go: named types break cycles
			return
		}
	}
	seen = append(seen, t)
	var parts []string
	if t.IsMethodSet() {
		for i := 0; i < t.NumMethods(); i++ {
			parts = append(parts, p.method(t.Method(i), seen))
		}
		sort.Strings(parts)
	} else {
		for i := 0; i < t.NumEmbeddeds(); i++ {
			var eb strings.Builder
			p.write(&eb, t.EmbeddedType(i), seen)
			parts = append(parts, eb.String())
		}
		for i := 0; i < t.NumExplicitMethods(); i++ {
			parts = append(parts, p.method(t.ExplicitMethod(i), seen))
		}
	}
	b.WriteString("interface{" + strings.Join(parts, "; ") + "}")
}

func (p *printer) method(m *types.Func, seen []*types.Interface) string {
	var b strings.Builder
	b.WriteString(m.Name())
	p.signature(&b, m.Type().(*types.Signature), seen)
	return b.String()
}

// signature writes the parameters and results (not the type parameters).
func (p *printer) signature(b *strings.Builder, sig *types.Signature, seen []*types.Interface) {
	p.tuple(b, sig.Params(), sig.Variadic(), seen)
	res := sig.Results()
	switch {
	case res.Len() == 0:
	case res.Len() == 1 && res.At(0).Name() == "":
		b.WriteString(" ")
		p.write(b, res.At(0).Type(), seen)
	default:
		b.WriteString(" ")
		p.tuple(b, res, false, seen)
	}
}

// tuple writes a parameter list, with names only when every entry has one
// (Go requires all or none).
func (p *printer) tuple(b *strings.Builder, t *types.Tuple, variadic bool, seen []*types.Interface) {
	named := t.Len() > 0
	for i := 0; i < t.Len(); i++ {
		if t.At(i).Name() == "" {
			named = false
		}
	}
	b.WriteString("(")
	for i := 0; i < t.Len(); i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		v := t.At(i)
		if named {
			b.WriteString(v.Name() + " ")
		}
		if variadic && i == t.Len()-1 {
			b.WriteString("...")
			if s, ok := v.Type().(*types.Slice); ok {
				p.write(b, s.Elem(), seen)
				continue
			}
		}
		p.write(b, v.Type(), seen)
	}
	b.WriteString(")")
}

// typeParams writes a type parameter list, or nothing.
func (p *printer) typeParams(tps *types.TypeParamList) string {
	if tps == nil || tps.Len() == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("[")
	for i := 0; i < tps.Len(); i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		tp := tps.At(i)
		b.WriteString(tp.Obj().Name() + " ")
		p.write(&b, tp.Constraint(), nil)
	}
	b.WriteString("]")
	return b.String()
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || i > 0 && '0' <= r && r <= '9' {
			continue
		}
		return false
	}
	return true
}

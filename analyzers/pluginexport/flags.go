package pluginexport

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path"
	"strings"
)

// Patterns is a comma-separated list of package path patterns, usable as a
// flag value. A pattern matches as in the go command: "..." matches any
// string, and "x/..." also matches "x" itself.
type Patterns []string

func (p *Patterns) String() string { return strings.Join(*p, ",") }

// Set parses a comma-separated list, appending to earlier values.
func (p *Patterns) Set(s string) error {
	for _, pat := range strings.Split(s, ",") {
		pat = strings.TrimSpace(pat)
		if pat == "" {
			continue
		}
		*p = append(*p, pat)
	}
	return nil
}

// Match reports whether pkgPath matches one of the patterns.
func (p Patterns) Match(pkgPath string) bool {
	for _, pat := range p {
		if matchPattern(pat, pkgPath) {
			return true
		}
	}
	return false
}

// matchPattern implements the go command's package pattern syntax without
// regular expressions, so that a hostile pattern cannot cost more than
// quadratic time.
func matchPattern(pattern, name string) bool {
	// "x/..." matches x as well as its subpackages.
	if rest, ok := strings.CutSuffix(pattern, "/..."); ok && !strings.Contains(rest, "...") && name == rest {
		return true
	}
	parts := strings.Split(pattern, "...")
	if len(parts) == 1 {
		return pattern == name
	}
	if !strings.HasPrefix(name, parts[0]) {
		return false
	}
	name = name[len(parts[0]):]
	last := parts[len(parts)-1]
	for _, mid := range parts[1 : len(parts)-1] {
		i := strings.Index(name, mid)
		if i < 0 {
			return false
		}
		name = name[i+len(mid):]
	}
	return strings.HasSuffix(name, last)
}

// Requirement is one export that every plugin must provide.
type Requirement struct {
	Name string
	// Type is the required type in canonical source form ("func() error"),
	// or "" when any variable or function of that name will do.
	Type string
	// Func says the requirement is a function declaration (Type is a func
	// type); otherwise it is a variable of type Type.
	Func bool
}

func (r Requirement) String() string {
	if r.Type == "" {
		return r.Name
	}
	return r.Name + ":" + r.Type
}

// Requirements is the value of the require flag: a comma-separated list of
// NAME or NAME:TYPE entries, such as "Init:func() error,Version:string".
// Commas inside parentheses, brackets and braces belong to the type, so
// "Init:func(context.Context, map[string]string) error" is one entry. A func
// TYPE asks for a function declaration of exactly that signature (parameter
// names do not matter); any other TYPE asks for a variable of that type;
// packages are named by their package name, as in source.
type Requirements []Requirement

func (rs *Requirements) String() string {
	var b strings.Builder
	for i, r := range *rs {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(r.String())
	}
	return b.String()
}

// Set replaces the list: the default (Init) must be removable, and a
// golangci setting is one string anyway. An empty string requires nothing.
func (rs *Requirements) Set(s string) error {
	out, err := ParseRequirements(s)
	if err != nil {
		return err
	}
	*rs = out
	return nil
}

// ParseRequirements parses the require flag's syntax.
func ParseRequirements(s string) (Requirements, error) {
	var out Requirements
	for _, entry := range splitTopLevel(s) {
		entry = strings.TrimSpace(entry)
		if entry == "" {
			continue
		}
		name, typ, hasType := strings.Cut(entry, ":")
		name = strings.TrimSpace(name)
		if !token.IsIdentifier(name) || !token.IsExported(name) {
			return nil, fmt.Errorf("require: %q is not an exported Go identifier (want NAME or NAME:TYPE)", name)
		}
		r := Requirement{Name: name}
		if hasType {
			canon, isFunc, err := canonicalTypeExpr(typ)
			if err != nil {
				return nil, fmt.Errorf("require: %s: %v", name, err)
			}
			r.Type, r.Func = canon, isFunc
		}
		out = append(out, r)
	}
	return out, nil
}

// splitTopLevel splits s at commas outside (), [] and {}.
func splitTopLevel(s string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			if depth > 0 {
				depth--
			}
		case ',':
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	return append(out, s[start:])
}

// canonicalTypeExpr parses a type written in Go syntax and prints it the way
// types.TypeString prints the declared type with package names as
// qualifiers, so that the two can be compared as strings.
func canonicalTypeExpr(src string) (string, bool, error) {
	src = strings.TrimSpace(src)
	if src == "" {
		return "", false, fmt.Errorf("empty type")
	}
	expr, err := parser.ParseExpr(src)
	if err != nil {
		return "", false, fmt.Errorf("%q is not a Go type: %v", src, err)
	}
	var b strings.Builder
	if err := writeTypeExpr(&b, expr); err != nil {
		return "", false, fmt.Errorf("%q is not a Go type: %v", src, err)
	}
	_, isFunc := expr.(*ast.FuncType)
	return b.String(), isFunc, nil
}

// writeTypeExpr prints the type expressions that a signature requirement
// reasonably uses, in types.TypeString's spelling; anything else is an error
// rather than a silent mismatch.
func writeTypeExpr(b *strings.Builder, e ast.Expr) error {
	switch e := e.(type) {
	case *ast.Ident:
		b.WriteString(e.Name)
	case *ast.SelectorExpr:
		x, ok := e.X.(*ast.Ident)
		if !ok {
			return fmt.Errorf("qualified type must be pkg.Name")
		}
		b.WriteString(path.Base(x.Name) + "." + e.Sel.Name)
	case *ast.StarExpr:
		b.WriteByte('*')
		return writeTypeExpr(b, e.X)
	case *ast.ParenExpr:
		return writeTypeExpr(b, e.X)
	case *ast.ArrayType:
		b.WriteByte('[')
		if e.Len != nil {
			lit, ok := e.Len.(*ast.BasicLit)
			if !ok || lit.Kind != token.INT {
				return fmt.Errorf("array length must be a literal")
			}
			b.WriteString(lit.Value)
		}
		b.WriteByte(']')
		return writeTypeExpr(b, e.Elt)
	case *ast.MapType:
		b.WriteString("map[")
		if err := writeTypeExpr(b, e.Key); err != nil {
			return err
		}
		b.WriteByte(']')
		return writeTypeExpr(b, e.Value)
	case *ast.ChanType:
		switch e.Dir {
		case ast.SEND:
			b.WriteString("chan<- ")
		case ast.RECV:
			b.WriteString("<-chan ")
		default:
			b.WriteString("chan ")
		}
		return writeTypeExpr(b, e.Value)
	case *ast.Ellipsis:
		b.WriteString("...")
		return writeTypeExpr(b, e.Elt)
	case *ast.InterfaceType:
		if e.Methods != nil && len(e.Methods.List) > 0 {
			return fmt.Errorf("interface literals are not supported; name the interface")
		}
		b.WriteString("any")
	case *ast.FuncType:
		if e.TypeParams != nil {
			return fmt.Errorf("generic functions cannot be plugin symbols")
		}
		b.WriteString("func")
		if err := writeFields(b, e.Params, true); err != nil {
			return err
		}
		if e.Results != nil && len(e.Results.List) > 0 {
			b.WriteByte(' ')
			n := 0
			for _, f := range e.Results.List {
				n += max(1, len(f.Names))
			}
			return writeFields(b, e.Results, n > 1)
		}
	default:
		return fmt.Errorf("unsupported type syntax %T", e)
	}
	return nil
}

func writeFields(b *strings.Builder, fl *ast.FieldList, parens bool) error {
	if parens {
		b.WriteByte('(')
	}
	first := true
	if fl != nil {
		for _, f := range fl.List {
			for range max(1, len(f.Names)) {
				if !first {
					b.WriteString(", ")
				}
				first = false
				if err := writeTypeExpr(b, f.Type); err != nil {
					return err
				}
			}
		}
	}
	if parens {
		b.WriteByte(')')
	}
	return nil
}

package baseline

import (
	"go/types"
	"strconv"
	"strings"
)

// DefaultTargets are the platforms a snapshot computes struct layouts for:
// the two 64-bit platforms most plugin hosts run on and one 32-bit
// platform, where word-sized fields and 64-bit alignment differ.
var DefaultTargets = []Target{
	{GOOS: "linux", GOARCH: "amd64"},
	{GOOS: "linux", GOARCH: "arm64"},
	{GOOS: "linux", GOARCH: "386"},
}

// Targets completes targets with the word size and maximum alignment of
// the gc compiler, dropping architectures it does not know.
func Targets(targets []Target) []Target {
	var out []Target
	for _, t := range targets {
		s := types.SizesFor("gc", t.GOARCH)
		if s == nil {
			continue
		}
		t.WordSize = s.Sizeof(types.Typ[types.Uintptr])
		t.MaxAlign = s.Alignof(types.Typ[types.Complex128])
		if a := s.Alignof(types.Typ[types.Int64]); a > t.MaxAlign {
			t.MaxAlign = a
		}
		out = append(out, t)
	}
	return out
}

// maxLayoutWords bounds the pointer map of huge arrays.
const maxLayoutWords = 1 << 16

// Layouts computes the layout of struct type t on each target; nil when t
// is not a struct or holds invalid types.
func Layouts(t types.Type, targets []Target) []*Layout {
	st, ok := t.Underlying().(*types.Struct)
	if !ok || !valid(t, nil) {
		return nil
	}
	var out []*Layout
	for _, tg := range targets {
		sizes := types.SizesFor("gc", tg.GOARCH)
		if sizes == nil {
			continue
		}
		fields := make([]*types.Var, st.NumFields())
		for i := range fields {
			fields[i] = st.Field(i)
		}
		var offsets []string
		for _, o := range sizes.Offsetsof(fields) {
			offsets = append(offsets, strconv.FormatInt(o, 10))
		}
		l := &Layout{
			Target:  tg.String(),
			Size:    sizes.Sizeof(t),
			Align:   sizes.Alignof(t),
			Offsets: strings.Join(offsets, " "),
		}
		word := sizes.Sizeof(types.Typ[types.Uintptr])
		if n := l.Size / word; n <= maxLayoutWords {
			mask := make([]bool, n+1)
			pointers(t, sizes, 0, word, mask)
			var b strings.Builder
			for _, p := range mask {
				if p {
					b.WriteByte('p')
				} else {
					b.WriteByte('.')
				}
			}
			l.Pointers = strings.TrimRight(b.String(), ".")
		}
		out = append(out, l)
	}
	return out
}

// pointers marks the words of a value of type t at offset off that hold
// pointers, as the garbage collector sees them.
func pointers(t types.Type, sizes types.Sizes, off, word int64, mask []bool) {
	mark := func(o int64) {
		if i := o / word; i >= 0 && i < int64(len(mask)) {
			mask[i] = true
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch u.Kind() {
		case types.String, types.UnsafePointer:
			mark(off)
		}
	case *types.Pointer, *types.Map, *types.Chan, *types.Signature:
		mark(off)
	case *types.Slice:
		mark(off)
	case *types.Interface:
		mark(off)
		mark(off + word)
	case *types.Array:
		esize := sizes.Sizeof(u.Elem())
		if esize == 0 || !hasPointers(u.Elem()) {
			return
		}
		for i := int64(0); i < u.Len() && (off+i*esize)/word < int64(len(mask)); i++ {
			pointers(u.Elem(), sizes, off+i*esize, word, mask)
		}
	case *types.Struct:
		fields := make([]*types.Var, u.NumFields())
		for i := range fields {
			fields[i] = u.Field(i)
		}
		for i, o := range sizes.Offsetsof(fields) {
			pointers(fields[i].Type(), sizes, off+o, word, mask)
		}
	}
}

func hasPointers(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Kind() == types.String || u.Kind() == types.UnsafePointer
	case *types.Array:
		return u.Len() > 0 && hasPointers(u.Elem())
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if hasPointers(u.Field(i).Type()) {
				return true
			}
		}
		return false
	}
	return true
}

// valid reports whether t's layout is computable: no invalid types or
// type parameters anywhere in its value.
func valid(t types.Type, seen []types.Type) bool {
	for _, s := range seen {
		if s == t {
			return true
		}
	}
	seen = append(seen, t)
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Kind() != types.Invalid
	case *types.TypeParam:
		return false
	case *types.Array:
		return valid(u.Elem(), seen)
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if !valid(u.Field(i).Type(), seen) {
				return false
			}
		}
	case nil:
		return false
	}
	if _, ok := t.(*types.TypeParam); ok {
		return false
	}
	return true
}

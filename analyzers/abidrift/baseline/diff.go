package baseline

import (
	"fmt"
	"go/types"
	"os"
	"sort"
	"strings"
	"sync"

	"golang.org/x/exp/apidiff"
)

// Classes of change.
const (
	ClassBreaking   = "breaking"
	ClassLayout     = "layout"
	ClassCompatible = "compatible"
)

// Change is one difference between a recorded package and the current one.
type Change struct {
	Class string
	// Object is the top-level name the change is about; Member the
	// method or field within it, when the change is about one.
	Object, Member string
	// Pointer is set for a change to the method set of *Object.
	Pointer bool
	// What says what changed, in apidiff's words ("removed", "added",
	// "changed from func() to func(int)"), or the layout difference.
	What string
	// Apidiff is apidiff's message, empty for layout changes.
	Apidiff string
}

var apidiffMu sync.Mutex

// Diff compares the recorded package old with the current package cur:
// apidiff's verdicts on the API, and the struct layouts on the recorded
// targets. resolve finds the current packages that old's declarations
// name (nil: stand-ins for all of them).
func Diff(old *Package, cur *types.Package, resolve Resolver, targets []Target) ([]Change, error) {
	old, moved := movedTypes(old, cur)
	oldPkg, broken, err := old.rebuildLenient(resolve)
	if err != nil {
		return nil, err
	}
	// A recorded declaration that no longer type-checks (it names an
	// unexported type of another package, say) would compare as changed:
	// leave it out rather than guess.
	skip := map[string]bool{}
	for _, b := range broken {
		skip[b.name] = true
	}
	report, err := safeChanges(oldPkg, cur)
	if err != nil {
		return nil, fmt.Errorf("comparing %s with its baseline: %v", old.Path, err)
	}
	var out []Change
	type key struct {
		class, object, member, what string
		pointer                     bool
	}
	seen := map[key]bool{}
	for _, c := range report.Changes {
		ch := parseMessage(c.Message)
		ch.Class = ClassBreaking
		if c.Compatible {
			ch.Class = ClassCompatible
		}
		// A generic type and its instances (through aliases) give the
		// same change twice: "Set[K].Add: added", "Set[int].Add: added".
		k := key{ch.Class, ch.Object, ch.Member, ch.What, ch.Pointer}
		if seen[k] || skip[ch.Object] {
			continue
		}
		seen[k] = true
		out = append(out, ch)
	}
	out = append(out, moved...)
	out = append(out, layoutChanges(old, cur, targets)...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Object != b.Object {
			return a.Object < b.Object
		}
		if a.Member != b.Member {
			return a.Member < b.Member
		}
		return a.What < b.What
	})
	return out, nil
}

// safeChanges runs apidiff, which panics on declarations it does not
// expect, and returns the panic as an error instead. apidiff also prints
// to standard output when two of its messages collide (an alias of a
// generic instance makes it compare the generic type twice); that would
// corrupt the command's JSON output, so standard output is pointed at
// the null device meanwhile. Calls are serialized for that reason.
func safeChanges(old, cur *types.Package) (r apidiff.Report, err error) {
	apidiffMu.Lock()
	defer apidiffMu.Unlock()
	if null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0); err == nil {
		stdout := os.Stdout
		os.Stdout = null
		defer func() {
			os.Stdout = stdout
			null.Close()
		}()
	}
	defer func() {
		if e := recover(); e != nil {
			err = fmt.Errorf("apidiff: %v", e)
		}
	}()
	return apidiff.Changes(old, cur), nil
}

// parseMessage splits an apidiff message, "OBJ[.PART|, PART]: WHAT", where
// OBJ is Name, Type.Method or (*Type).Method.
func parseMessage(msg string) Change {
	subject, what, ok := strings.Cut(msg, ": ")
	if !ok {
		return Change{What: msg, Apidiff: msg}
	}
	c := Change{What: what, Apidiff: msg}
	if slash := strings.LastIndex(subject, "/"); slash >= 0 {
		// An object of another package, named by its path: a method of
		// an interface of that package that this package's interfaces
		// embed. Object keeps the qualified type, so it names nothing
		// in this package's scope.
		if dot := strings.Index(subject[slash:], "."); dot >= 0 {
			typ, member, _ := strings.Cut(subject[slash+dot+1:], ".")
			c.Object, c.Member = subject[:slash+dot]+"."+trimTypeArgs(typ), member
			return c
		}
	}
	if rest, ok := strings.CutPrefix(subject, "(*"); ok {
		c.Pointer = true
		typ, member, _ := strings.Cut(rest, ").")
		c.Object, c.Member = trimTypeArgs(typ), member
		return c
	}
	subject, _, _ = strings.Cut(subject, ",") // ", method set of T"
	obj, member, _ := strings.Cut(subject, ".")
	c.Object, c.Member = trimTypeArgs(obj), member
	return c
}

func trimTypeArgs(s string) string {
	s, _, _ = strings.Cut(s, "[")
	return s
}

// layoutChanges compares the recorded struct layouts with the current
// ones, on the targets both know.
func layoutChanges(old *Package, cur *types.Package, targets []Target) []Change {
	var out []Change
	for _, d := range old.Decls {
		if d.Kind != KindType || len(d.Layout) == 0 {
			continue
		}
		tn, ok := cur.Scope().Lookup(d.Name).(*types.TypeName)
		if !ok {
			continue // removal: apidiff's verdict
		}
		now := map[string]*Layout{}
		for _, l := range Layouts(tn.Type(), targets) {
			now[l.Target] = l
		}
		// Group the targets by difference: "size 16 → 24 bytes on
		// linux/amd64, linux/arm64; size 12 → 16 bytes on linux/386".
		var diffs []string
		where := map[string][]string{}
		for _, was := range d.Layout {
			is := now[was.Target]
			if is == nil {
				continue
			}
			if s := describeLayout(was, is); s != "" {
				if where[s] == nil {
					diffs = append(diffs, s)
				}
				where[s] = append(where[s], was.Target)
			}
		}
		if len(diffs) > 0 {
			for i, s := range diffs {
				diffs[i] = s + " on " + strings.Join(where[s], ", ")
			}
			out = append(out, Change{
				Class:  ClassLayout,
				Object: d.Name,
				What:   strings.Join(diffs, "; "),
			})
		}
	}
	return out
}

func describeLayout(was, is *Layout) string {
	var parts []string
	if was.Size != is.Size {
		parts = append(parts, fmt.Sprintf("size %d → %d bytes", was.Size, is.Size))
	}
	if was.Align != is.Align {
		parts = append(parts, fmt.Sprintf("alignment %d → %d", was.Align, is.Align))
	}
	if was.Offsets != is.Offsets {
		parts = append(parts, fmt.Sprintf("field offsets [%s] → [%s]", was.Offsets, is.Offsets))
	}
	if was.Pointers != is.Pointers {
		if len(was.Pointers)+len(is.Pointers) > 48 {
			parts = append(parts, "pointer words changed")
		} else {
			parts = append(parts, fmt.Sprintf("pointer words %q → %q", was.Pointers, is.Pointers))
		}
	}
	if was.Offsets != is.Offsets && len(was.Offsets)+len(is.Offsets) > 96 {
		// Long offset lists drown the message: say where they part.
		parts = slicesDeleteOffsets(parts)
		parts = append(parts, "field offsets changed from field "+firstDiff(was.Offsets, is.Offsets))
	}
	return strings.Join(parts, ", ")
}

func slicesDeleteOffsets(parts []string) []string {
	out := parts[:0]
	for _, p := range parts {
		if !strings.HasPrefix(p, "field offsets [") {
			out = append(out, p)
		}
	}
	return out
}

// firstDiff returns the index of the first field whose offset differs.
func firstDiff(a, b string) string {
	x, y := strings.Fields(a), strings.Fields(b)
	for i := range x {
		if i >= len(y) || x[i] != y[i] {
			return fmt.Sprint(i)
		}
	}
	return fmt.Sprint(len(x))
}

// movedTypes handles a defined type moved to another package with an
// alias left in its place (type Object = cacheapi.Object), the way Go
// moves types compatibly. apidiff matches types of other packages by
// path and name, so it would call every declaration that uses the type
// changed. The old declaration is taken to be the alias instead, and the
// move is a compatible change. Changes to the moved type's own
// declaration are not compared.
func movedTypes(old *Package, cur *types.Package) (*Package, []Change) {
	var moved []Change
	var out *Package
	for i, d := range old.Decls {
		if d.Kind != KindType || strings.HasPrefix(d.Go, "type "+d.Name+" =") || strings.HasPrefix(d.Go, "type "+d.Name+"[") {
			continue
		}
		tn, ok := cur.Scope().Lookup(d.Name).(*types.TypeName)
		if !ok || !tn.IsAlias() {
			continue
		}
		alias, ok := tn.Type().(*types.Alias)
		if !ok || alias.TypeParams().Len() > 0 {
			continue
		}
		target, ok := types.Unalias(alias).(*types.Named)
		if !ok || target.Obj().Pkg() == nil || target.Obj().Pkg() == cur || target.TypeArgs().Len() > 0 || target.TypeParams().Len() > 0 {
			continue
		}
		if out == nil {
			cp := *old
			cp.Decls = append([]*Decl(nil), old.Decls...)
			cp.Imports = append([]*Import(nil), old.Imports...)
			out = &cp
		}
		tpkg := target.Obj().Pkg()
		name := fmt.Sprintf("abidriftmoved%d", len(out.Imports))
		out.Imports = append(out.Imports, &Import{Path: tpkg.Path(), Name: name, Types: []*Ref{{
			Name: target.Obj().Name(), Underlying: underlyingKind(target),
		}}})
		out.Decls[i] = &Decl{Kind: KindType, Name: d.Name, Go: "type " + d.Name + " = " + name + "." + target.Obj().Name()}
		moved = append(moved, Change{Class: ClassCompatible, Object: d.Name,
			What: "moved to " + tpkg.Path() + "." + target.Obj().Name() + ", an alias keeps the old name"})
	}
	if out == nil {
		return old, nil
	}
	// Methods of the moved type now belong to its new package.
	decls := out.Decls[:0]
	for _, d := range out.Decls {
		if typ, _, ok := strings.Cut(d.Name, "."); ok && d.Kind == KindMethod && isMoved(moved, typ) {
			continue
		}
		decls = append(decls, d)
	}
	out.Decls = decls
	return out, moved
}

func isMoved(moved []Change, name string) bool {
	for _, m := range moved {
		if m.Object == name {
			return true
		}
	}
	return false
}

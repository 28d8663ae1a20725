// Package baseline is the abidrift baseline format: a reviewable,
// deterministic JSON record of the exported API of a set of packages, from
// which the old API can be rebuilt as a *types.Package and compared with
// the current one.
//
// Each package is recorded as the Go declarations of its API (a stub
// source: signatures without bodies' logic, types with their underlying
// types, interfaces flattened), the external types it names (so the stub
// type-checks even where those packages are gone), and, for structs, the
// memory layout on each target. The stub is what makes the comparison
// exact: the old side is type-checked again and handed, with the current
// package, to golang.org/x/exp/apidiff.
package baseline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Format is the version of the format this package writes. Readers reject
// newer versions; an older version would be upgraded here.
const Format = 1

// Baseline is the recorded API of the packages a snapshot matched.
type Baseline struct {
	Format int `json:"format"`
	// Module is the path of the main module, with its /vN suffix.
	Module string `json:"module,omitempty"`
	// ModuleVersion is the module's latest release tag at the snapshot's
	// revision, when known (it drives the suggested version).
	ModuleVersion string `json:"moduleVersion,omitempty"`
	// GoVersion is the go directive of the module.
	GoVersion string `json:"go,omitempty"`
	// Scope is "api" (every exported declaration of non-internal,
	// non-main packages) or "contracts" (contracts and what they reach).
	Scope    string     `json:"scope"`
	Targets  []Target   `json:"targets"`
	Packages []*Package `json:"packages"`
}

// Target is a platform the struct layouts were computed for.
type Target struct {
	GOOS     string `json:"goos"`
	GOARCH   string `json:"goarch"`
	WordSize int64  `json:"wordSize"`
	MaxAlign int64  `json:"maxAlign"`
}

// String returns goos/goarch.
func (t Target) String() string { return t.GOOS + "/" + t.GOARCH }

// Package is the recorded API of one package.
type Package struct {
	Path string `json:"path"`
	Name string `json:"name"`
	// Imports are the packages the declarations name, with the import
	// names the declarations use.
	Imports []*Import `json:"imports,omitempty"`
	// Decls are the declarations, sorted by name (methods as Type.Method).
	Decls []*Decl `json:"decls"`
}

// Import is a package named by the recorded declarations.
type Import struct {
	Path string `json:"path"`
	Name string `json:"name"` // the name the declarations qualify with
	// Types lists the types of the package that the declarations name,
	// enough to stand in for the package if it cannot be found.
	Types []*Ref `json:"types"`
}

// Ref is a type named from another package.
type Ref struct {
	Name       string `json:"name"`
	TypeParams int    `json:"typeParams,omitempty"`
	// Underlying is the name of a basic underlying type, "interface" or
	// "other".
	Underlying string `json:"underlying"`
}

// Decl kinds.
const (
	KindConst  = "const"
	KindVar    = "var"
	KindFunc   = "func"
	KindType   = "type"
	KindMethod = "method"
)

// Decl is one declaration of the API.
type Decl struct {
	Kind string `json:"kind"`
	// Name is the object's name; for methods, Type.Method.
	Name string `json:"name"`
	// Go is the declaration in Go syntax, on one line.
	Go string `json:"go"`
	// Sealed marks an interface with an unexported method: only its own
	// package can implement it, so adding methods is compatible.
	Sealed bool `json:"sealed,omitempty"`
	// Layout is the memory layout of a struct type on each target.
	Layout []*Layout `json:"layout,omitempty"`
}

// Layout is a struct's memory layout on one target.
type Layout struct {
	Target string `json:"target"`
	Size   int64  `json:"size"`
	Align  int64  `json:"align"`
	// Offsets are the offsets of every field, in order, space-separated.
	Offsets string `json:"offsets"`
	// Pointers has one character per word up to the last word holding a
	// pointer: 'p' for a pointer word, '.' for a scalar word.
	Pointers string `json:"pointers,omitempty"`
}

// Package returns the recorded package of that path, or nil.
func (b *Baseline) Package(path string) *Package {
	for _, p := range b.Packages {
		if p.Path == path {
			return p
		}
	}
	return nil
}

// Decl returns the declaration of that name, or nil.
func (p *Package) Decl(name string) *Decl {
	i := sort.Search(len(p.Decls), func(i int) bool { return p.Decls[i].Name >= name })
	if i < len(p.Decls) && p.Decls[i].Name == name {
		return p.Decls[i]
	}
	return nil
}

// Marshal returns the baseline's canonical bytes: sorted, indented JSON
// ending in a newline. Equal baselines give equal bytes.
func (b *Baseline) Marshal() ([]byte, error) {
	b.sort()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "\t")
	if err := enc.Encode(b); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func (b *Baseline) sort() {
	sort.Slice(b.Packages, func(i, j int) bool { return b.Packages[i].Path < b.Packages[j].Path })
	for _, p := range b.Packages {
		sort.Slice(p.Imports, func(i, j int) bool { return p.Imports[i].Path < p.Imports[j].Path })
		for _, im := range p.Imports {
			sort.Slice(im.Types, func(i, j int) bool { return im.Types[i].Name < im.Types[j].Name })
		}
		sort.SliceStable(p.Decls, func(i, j int) bool { return p.Decls[i].Name < p.Decls[j].Name })
	}
}

// Read reads and checks the baseline file at path. Errors are one line
// and name the file.
func Read(path string) (*Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Parse decodes and checks a baseline; name is used in errors.
func Parse(name string, data []byte) (*Baseline, error) {
	name = filepath.ToSlash(name)
	var head struct {
		Format *int `json:"format"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, fmt.Errorf("%s: corrupt abidrift baseline: %s", name, oneLine(err))
	}
	switch {
	case head.Format == nil:
		return nil, fmt.Errorf("%s: not an abidrift baseline (no format version)", name)
	case *head.Format > Format:
		return nil, fmt.Errorf("%s: abidrift baseline format %d is newer than this go-plugin-lint understands (%d): upgrade go-plugin-lint or regenerate the baseline", name, *head.Format, Format)
	case *head.Format < 1:
		return nil, fmt.Errorf("%s: corrupt abidrift baseline: invalid format version %d", name, *head.Format)
	}
	var b Baseline
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("%s: corrupt abidrift baseline: %s", name, oneLine(err))
	}
	if err := b.check(); err != nil {
		return nil, fmt.Errorf("%s: corrupt abidrift baseline: %s", name, oneLine(err))
	}
	b.sort()
	return &b, nil
}

// check verifies what the comparison relies on: unique packages with
// paths and names, and declarations that parse as Go.
func (b *Baseline) check() error {
	if b.Scope != ScopeAPI && b.Scope != ScopeContracts {
		return fmt.Errorf("unknown scope %q", b.Scope)
	}
	seen := map[string]bool{}
	for _, p := range b.Packages {
		if p == nil || p.Path == "" || !token.IsIdentifier(p.Name) {
			return errors.New("package without a path or a valid name")
		}
		if seen[p.Path] {
			return fmt.Errorf("package %s recorded twice", p.Path)
		}
		seen[p.Path] = true
		for _, im := range p.Imports {
			if im == nil || im.Path == "" || !token.IsIdentifier(im.Name) {
				return fmt.Errorf("package %s: import without a path or a valid name", p.Path)
			}
			for _, r := range im.Types {
				if r == nil || !token.IsIdentifier(r.Name) || r.TypeParams < 0 || r.TypeParams > 64 {
					return fmt.Errorf("package %s: invalid type reference into %s", p.Path, im.Path)
				}
			}
		}
		for _, d := range p.Decls {
			if d == nil || d.Name == "" {
				return fmt.Errorf("package %s: declaration without a name", p.Path)
			}
		}
		f, err := parser.ParseFile(token.NewFileSet(), p.Path+".stub.go", p.Stub(), parser.SkipObjectResolution)
		if err != nil {
			return fmt.Errorf("package %s: declarations do not parse: %s", p.Path, oneLine(err))
		}
		// One Go declaration per recorded declaration: a "go" field
		// cannot smuggle in more (an init function, say).
		n := 0
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
				continue
			}
			n++
		}
		if n != len(p.Decls) || len(f.Imports) != len(p.Imports) {
			return fmt.Errorf("package %s: declarations do not match their records", p.Path)
		}
	}
	return nil
}

func oneLine(err error) string {
	return strings.Join(strings.Fields(err.Error()), " ")
}

package baseline

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const src = `package p

import "time"

// Plugin is a contract.
//
//pluginlint:contract
type Plugin interface{ Run(Event) error }

type Event struct {
	At   time.Time
	Name string
	data []byte
}

func (e *Event) Data() []byte { return e.data }

type List[T any] struct{ items []T }

func (l *List[T]) Len() int { return len(l.items) }

type Alias = List[string]

const Pi = 3.14159

var Default = List[int]{}

func Map[T, U any](xs []T, f func(T) U) []U { return nil }

type unrelated struct{}
`

func check(t *testing.T, src string) (*types.Package, []*ast.File) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	conf := types.Config{Importer: importer.Default()}
	pkg, err := conf.Check("example.com/p", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return pkg, []*ast.File{f}
}

func TestRoundTrip(t *testing.T) {
	pkg, files := check(t, src)
	b := New([]Input{{Types: pkg, Files: files}}, Options{Module: "example.com/p"})
	data, err := b.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	back, err := Parse("b.json", data)
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	again, _ := back.Marshal()
	if string(again) != string(data) {
		t.Errorf("parse and marshal changed the bytes:\n%s\n---\n%s", data, again)
	}
	old, err := back.Packages[0].Rebuild(ImportedBy(pkg))
	if err != nil {
		t.Fatal(err)
	}
	// Nothing changed: no change, stand-ins or not.
	for _, resolve := range []Resolver{ImportedBy(pkg), nil} {
		changes, err := Diff(back.Packages[0], pkg, resolve, back.Targets)
		if err != nil {
			t.Fatal(err)
		}
		if len(changes) > 0 {
			t.Errorf("changes against itself: %+v", changes)
		}
	}
	if old.Scope().Lookup("unrelated") != nil {
		t.Errorf("an unexported type nothing needs was recorded")
	}
	if strings.Contains(string(data), "p.go") {
		t.Errorf("baseline holds a file name:\n%s", data)
	}
}

func TestContractsScope(t *testing.T) {
	pkg, files := check(t, src)
	b := New([]Input{{Types: pkg, Files: files}}, Options{Scope: ScopeContracts})
	var names []string
	for _, d := range b.Packages[0].Decls {
		names = append(names, d.Name)
	}
	if got, want := strings.Join(names, " "), "Event Event.Data Plugin"; got != want {
		t.Errorf("contracts scope recorded %q, want %q", got, want)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ data, want string }{
		{`{"format": 2, "scope": "api"}`, "f.json: abidrift baseline format 2 is newer than this go-plugin-lint understands (1): upgrade go-plugin-lint or regenerate the baseline"},
		{`{"scope": "api"}`, "f.json: not an abidrift baseline (no format version)"},
		{`{"format": 1, "scope": "api"`, "f.json: corrupt abidrift baseline: unexpected end of JSON input"},
		{`{"format": 1, "scope": "wide", "targets": [], "packages": []}`, `f.json: corrupt abidrift baseline: unknown scope "wide"`},
		{`{"format": 1, "scope": "api", "targets": [], "packages": [{"path": "p", "name": "p", "decls": [{"kind": "func", "name": "F", "go": "func F() {}; func init() {}"}]}]}`,
			"f.json: corrupt abidrift baseline: package p: declarations do not match their records"},
		{`{"format": 1, "scope": "api", "targets": [], "packages": [{"path": "p", "name": "p", "decls": [{"kind": "func", "name": "F", "go": "func F( {"}]}]}`,
			"f.json: corrupt abidrift baseline: package p: declarations do not parse"},
	} {
		_, err := Parse("f.json", []byte(tc.data))
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("Parse(%s) = %v, want %q on one line", tc.data, err, tc.want)
		}
	}
	if _, err := Read(filepath.Join(t.TempDir(), "missing.json")); err == nil || !os.IsNotExist(err) {
		t.Errorf("Read of a missing file: %v", err)
	}
}

func FuzzReadBaseline(f *testing.F) {
	pkg, files := checkF(f, src)
	good, _ := New([]Input{{Types: pkg, Files: files}}, Options{}).Marshal()
	f.Add(good)
	f.Add([]byte(`{"format": 1, "scope": "api", "targets": [], "packages": []}`))
	f.Add([]byte(`{"format": 9}`))
	f.Add([]byte(`{"format": 1, "scope": "api", "packages": [{"path": "p", "name": "p", "imports": [{"path": "q", "name": "q", "types": [{"name": "T", "typeParams": 2, "underlying": "int"}]}], "decls": [{"kind": "var", "name": "V", "go": "var V q.T[int, string]"}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := Parse("fuzz.json", data)
		if err != nil {
			if strings.Contains(err.Error(), "\n") || !strings.HasPrefix(err.Error(), "fuzz.json: ") {
				t.Fatalf("error not on one line naming the file: %q", err)
			}
			return
		}
		// A baseline that reads must rebuild and compare without panics.
		for _, p := range b.Packages {
			if old, err := p.Rebuild(nil); err == nil {
				_, _ = Diff(p, old, nil, b.Targets)
			}
		}
		if _, err := b.Marshal(); err != nil {
			t.Fatal(err)
		}
	})
}

func checkF(f *testing.F, src string) (*types.Package, []*ast.File) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		f.Fatal(err)
	}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("example.com/p", fset, []*ast.File{file}, nil)
	if err != nil {
		f.Fatal(err)
	}
	return pkg, []*ast.File{file}
}

// TestMovedType checks that a type moved to another package, with an
// alias left behind, is a compatible change, and that the declarations
// using it are unchanged.
func TestMovedType(t *testing.T) {
	fset := token.NewFileSet()
	parse := func(src string) *ast.File {
		f, err := parser.ParseFile(fset, "x.go", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	q, err := (&types.Config{}).Check("example.com/q", fset, []*ast.File{parse("package q\n\ntype Object interface{ Name() string }\n")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	imp := importerFunc(func(path string) (*types.Package, error) { return q, nil })
	old, err := (&types.Config{}).Check("example.com/p", fset, []*ast.File{parse("package p\n\ntype Object interface{ Name() string }\n\nfunc Get(o Object) {}\n")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	cur, err := (&types.Config{Importer: imp}).Check("example.com/p", fset, []*ast.File{parse("package p\n\nimport \"example.com/q\"\n\ntype Object = q.Object\n\nfunc Get(o Object) {}\n")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	rec := New([]Input{{Types: old}}, Options{}).Packages[0]
	changes, err := Diff(rec, cur, ImportedBy(cur), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(changes) != 1 || changes[0].Class != ClassCompatible || changes[0].What != "moved to example.com/q.Object, an alias keeps the old name" {
		t.Errorf("changes: %+v", changes)
	}
}

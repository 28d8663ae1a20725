package driver

import (
	"fmt"
	"go/types"
	"os"
	"reflect"
	"slices"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// factStore holds every fact of a run. Types are shared by identity across
// the run (each package is type-checked once, against its imports' types),
// so facts are keyed by the object or package they are about; a package
// sees the facts of itself and what it imports, transitively.
type factStore struct {
	mu      sync.Mutex
	objects map[objectKey]analysis.Fact
	pkgs    map[packageKey]analysis.Fact
	holders map[*types.Package]bool // packages with at least one fact
}

type objectKey struct {
	obj types.Object
	t   reflect.Type
}

type packageKey struct {
	pkg *types.Package
	t   reflect.Type
}

func newFactStore() *factStore {
	return &factStore{objects: map[objectKey]analysis.Fact{}, pkgs: map[packageKey]analysis.Fact{}, holders: map[*types.Package]bool{}}
}

// bind gives pass its fact functions; visible is the set of packages
// whose facts it sees besides its own.
func (s *factStore) bind(pass *analysis.Pass, visible map[*types.Package]bool) {
	owns := func(fact analysis.Fact) {
		t := reflect.TypeOf(fact)
		for _, f := range pass.Analyzer.FactTypes {
			if reflect.TypeOf(f) == t {
				return
			}
		}
		panic(fmt.Sprintf("analyzer %s uses fact type %v, which it does not declare", pass.Analyzer.Name, t))
	}
	pass.ImportObjectFact = func(obj types.Object, fact analysis.Fact) bool {
		if obj == nil {
			panic("nil object given to ImportObjectFact")
		}
		owns(fact)
		return lookup(s, s.objects, objectKey{obj, reflect.TypeOf(fact)}, fact)
	}
	pass.ExportObjectFact = func(obj types.Object, fact analysis.Fact) {
		if obj.Pkg() != pass.Pkg {
			panic(fmt.Sprintf("analyzer %s exported a fact about %s, which is not in package %s", pass.Analyzer.Name, obj, pass.Pkg.Path()))
		}
		owns(fact)
		store(s, s.objects, objectKey{obj, reflect.TypeOf(fact)}, pass.Pkg, fact)
	}
	pass.ImportPackageFact = func(pkg *types.Package, fact analysis.Fact) bool {
		if pkg == nil {
			panic("nil package given to ImportPackageFact")
		}
		owns(fact)
		return lookup(s, s.pkgs, packageKey{pkg, reflect.TypeOf(fact)}, fact)
	}
	pass.ExportPackageFact = func(fact analysis.Fact) {
		owns(fact)
		store(s, s.pkgs, packageKey{pass.Pkg, reflect.TypeOf(fact)}, pass.Pkg, fact)
	}
	sees := func(pkg *types.Package) bool { return pkg == pass.Pkg || visible[pkg] }
	pass.AllObjectFacts = func() []analysis.ObjectFact {
		return all(s, s.objects, func(k objectKey, f analysis.Fact) (analysis.ObjectFact, bool) {
			return analysis.ObjectFact{Object: k.obj, Fact: f}, sees(k.obj.Pkg()) && declares(pass.Analyzer, k.t)
		})
	}
	pass.AllPackageFacts = func() []analysis.PackageFact {
		return all(s, s.pkgs, func(k packageKey, f analysis.Fact) (analysis.PackageFact, bool) {
			return analysis.PackageFact{Package: k.pkg, Fact: f}, sees(k.pkg) && declares(pass.Analyzer, k.t)
		})
	}
}

// lookup copies the fact stored under k into fact, if there is one.
func lookup[K comparable](s *factStore, m map[K]analysis.Fact, k K, fact analysis.Fact) bool {
	s.mu.Lock()
	v, ok := m[k]
	s.mu.Unlock()
	if ok {
		reflect.ValueOf(fact).Elem().Set(reflect.ValueOf(v).Elem())
	}
	return ok
}

func store[K comparable](s *factStore, m map[K]analysis.Fact, k K, holder *types.Package, fact analysis.Fact) {
	s.mu.Lock()
	m[k] = fact
	s.holders[holder] = true
	s.mu.Unlock()
}

func (s *factStore) holds(pkg *types.Package) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.holders[pkg]
}

// factHolders returns the packages with facts that p imports,
// transitively: the union of its imports' own sets and of those imports
// that hold facts. Every import of p must be done.
func (r *run) factHolders(p *packages.Package) map[*types.Package]bool {
	out := map[*types.Package]bool{}
	for _, imp := range p.Imports {
		for pkg := range r.nodes[imp].holders {
			out[pkg] = true
		}
		if r.facts.holds(imp.Types) {
			out[imp.Types] = true
		}
	}
	return out
}

// all lists the facts of m that keep accepts, as it converts them.
func all[K comparable, F any](s *factStore, m map[K]analysis.Fact, keep func(K, analysis.Fact) (F, bool)) []F {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []F
	for k, f := range m {
		if v, ok := keep(k, f); ok {
			out = append(out, v)
		}
	}
	return out
}

func declares(a *analysis.Analyzer, t reflect.Type) bool {
	for _, f := range a.FactTypes {
		if reflect.TypeOf(f) == t {
			return true
		}
	}
	return false
}

// sortedImports lists p's imports in import-path order, for a stable
// order of prerequisites in error messages.
func sortedImports(p *packages.Package) []*packages.Package {
	paths := make([]string, 0, len(p.Imports))
	for path := range p.Imports {
		paths = append(paths, path)
	}
	slices.Sort(paths)
	out := make([]*packages.Package, len(paths))
	for i, path := range paths {
		out[i] = p.Imports[path]
	}
	return out
}

// readFile lets a pass read the files of its own package only, as the
// checker does.
func readFile(p *packages.Package) func(string) ([]byte, error) {
	allowed := map[string]bool{}
	for _, list := range [][]string{p.GoFiles, p.CompiledGoFiles, p.OtherFiles, p.IgnoredFiles, p.EmbedFiles} {
		for _, f := range list {
			allowed[f] = true
		}
	}
	return func(name string) ([]byte, error) {
		if !allowed[name] {
			return nil, fmt.Errorf("%s is not among the files of package %s", name, p.PkgPath)
		}
		return os.ReadFile(name)
	}
}

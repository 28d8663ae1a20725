package contracts

import (
	"fmt"
	"go/ast"
	"go/types"
	"reflect"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/go-plugin-lint/go-plugin-lint/internal/directive"
)

// Builtin lists the well-known contracts by fully qualified name.
var Builtin = []string{
	"net/http.Handler",
	"net/http.HandlerFunc",
	"sigs.k8s.io/controller-runtime/pkg/reconcile.Func",
	"sigs.k8s.io/controller-runtime/pkg/reconcile.Reconciler",
	"sigs.k8s.io/controller-runtime/pkg/reconcile.TypedFunc",
	"sigs.k8s.io/controller-runtime/pkg/reconcile.TypedReconciler",
}

// IsContract is the fact exported on a contract's type name.
type IsContract struct {
	// Why says how the contract was learned: "directive", "flag",
	// "builtin" or "plugin.Symbol".
	Why string
}

func (*IsContract) AFact() {}

func (f *IsContract) String() string { return "contract(" + f.Why + ")" }

// Once is the fact exported on a contract method marked //pluginlint:once.
type Once struct{}

func (*Once) AFact() {}

func (*Once) String() string { return "once" }

// Names is a list of fully qualified type names, usable as a flag value.
type Names []string

func (n *Names) String() string { return strings.Join(*n, ",") }

// Set parses a comma-separated list, appending to earlier values.
func (n *Names) Set(s string) error {
	for _, name := range strings.Split(s, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		if err := ValidName(name); err != nil {
			return err
		}
		*n = append(*n, name)
	}
	return nil
}

// ValidName checks that name has the form pkg/path.Name.
func ValidName(name string) error {
	dot := strings.LastIndex(name, ".")
	if dot <= 0 || dot == len(name)-1 || strings.Contains(name[dot+1:], "/") {
		return fmt.Errorf("contract %q is not a fully qualified type name (want pkg/path.Name)", name)
	}
	return nil
}

// Analyzer is the helper analyzer that knows the contracts visible from each
// package: declared with the directive there or in a dependency, built in,
// or asserted from a plugin.Symbol. It has no settings, so that every
// analyzer of the suite shares one instance and its facts (a fact type may
// belong to one analyzer only). Contracts that an analyzer's flag names are
// added by that analyzer with Result.With.
var Analyzer = &analysis.Analyzer{
	Name:       "contracts",
	Doc:        "learns the plugin contracts visible from each package (internal helper)",
	Run:        run,
	FactTypes:  []analysis.Fact{new(IsContract), new(Once)},
	ResultType: reflect.TypeFor[*Result](),
}

func run(pass *analysis.Pass) (any, error) {
	r := &Result{
		contracts: map[*types.TypeName]string{},
		once:      map[*types.Func]bool{},
	}

	// Contracts of dependencies, learned from facts.
	for _, f := range pass.AllObjectFacts() {
		switch fact := f.Fact.(type) {
		case *IsContract:
			if tn, ok := f.Object.(*types.TypeName); ok {
				r.contracts[tn] = fact.Why
			}
		case *Once:
			if fn, ok := f.Object.(*types.Func); ok {
				r.once[fn] = true
			}
		}
	}
	// Built-in contracts, wherever they are declared in the import graph.
	r.addNamed(pass.Pkg, Builtin, "builtin")

	// Declarations of this package.
	for ts, doc := range directive.TypeDocs(pass.Files) {
		tn, _ := pass.TypesInfo.Defs[ts.Name].(*types.TypeName)
		if tn == nil || tn.IsAlias() {
			continue
		}
		if directive.Has(doc, directive.Contract) {
			if _, known := r.contracts[tn]; !known {
				r.contracts[tn] = "directive"
			}
		}
		if it, ok := ts.Type.(*ast.InterfaceType); ok {
			markOnce(pass, r, it)
		}
	}

	// Host code: plugin.Symbol asserted to T or *T makes T a contract.
	for _, file := range pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			ta, ok := n.(*ast.TypeAssertExpr)
			if !ok || ta.Type == nil || !IsPluginSymbol(pass.TypesInfo.TypeOf(ta.X)) {
				return true
			}
			t := pass.TypesInfo.TypeOf(ta.Type)
			if p, ok := t.(*types.Pointer); ok {
				t = p.Elem()
			}
			named, ok := types.Unalias(t).(*types.Named)
			if !ok {
				return true
			}
			tn := named.Origin().Obj()
			if !types.IsInterface(named) {
				return true
			}
			if _, known := r.contracts[tn]; !known {
				r.contracts[tn] = "plugin.Symbol"
			}
			if !slices.Contains(r.Asserted, tn) {
				r.Asserted = append(r.Asserted, tn)
			}
			return true
		})
	}

	// Export facts for this package's own contracts.
	for tn, why := range r.contracts {
		if tn.Pkg() == pass.Pkg && tn.Parent() == pass.Pkg.Scope() {
			pass.ExportObjectFact(tn, &IsContract{Why: why})
		}
	}
	for fn := range r.once {
		if fn.Pkg() == pass.Pkg {
			pass.ExportObjectFact(fn, new(Once))
		}
	}
	sort.Slice(r.Asserted, func(i, j int) bool { return qualified(r.Asserted[i]) < qualified(r.Asserted[j]) })
	return r, nil
}

// markOnce records the methods of an interface type literal whose doc
// comment holds //pluginlint:once.
func markOnce(pass *analysis.Pass, r *Result, it *ast.InterfaceType) {
	for _, field := range it.Methods.List {
		if len(field.Names) == 0 || !directive.Has(field.Doc, directive.Once) {
			continue
		}
		for _, name := range field.Names {
			if fn, ok := pass.TypesInfo.Defs[name].(*types.Func); ok {
				r.once[fn] = true
			}
		}
	}
}

// IsPluginSymbol reports whether t is plugin.Symbol (through aliases).
func IsPluginSymbol(t types.Type) bool {
	named, ok := types.Unalias(t).(*types.Named)
	return ok && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == "plugin" && named.Obj().Name() == "Symbol"
}

func splitName(name string) (path, typ string) {
	dot := strings.LastIndex(name, ".")
	return name[:dot], name[dot+1:]
}

func qualified(tn *types.TypeName) string {
	if tn.Pkg() == nil {
		return tn.Name()
	}
	return tn.Pkg().Path() + "." + tn.Name()
}

// visitPackages calls f for pkg and each package it imports, transitively, once.
func visitPackages(pkg *types.Package, f func(*types.Package)) {
	seen := map[*types.Package]bool{}
	var visit func(*types.Package)
	visit = func(p *types.Package) {
		if seen[p] {
			return
		}
		seen[p] = true
		f(p)
		for _, imp := range p.Imports() {
			visit(imp)
		}
	}
	visit(pkg)
}

package baseline

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/go-plugin-lint/go-plugin-lint/internal/contracts"
	"github.com/go-plugin-lint/go-plugin-lint/internal/directive"
)

// Options say what a snapshot records.
type Options struct {
	Module, ModuleVersion, GoVersion string
	Scope                            string // ScopeAPI (default) or ScopeContracts
	// Targets for struct layouts; nil: DefaultTargets.
	Targets []Target
	// Contracts are extra contracts by fully qualified name, for
	// ScopeContracts (directives and the built-in ones are always known).
	Contracts []string
}

// Input is one package to record: its types, and its syntax when at hand
// (for //pluginlint:contract directives).
type Input struct {
	Types *types.Package
	Files []*ast.File
}

// New records the packages of a snapshot. The caller chooses the packages
// (for ScopeAPI, the non-internal, non-main ones); in ScopeContracts only
// those holding types that some contract reaches are recorded.
func New(in []Input, opts Options) *Baseline {
	if opts.Scope == "" {
		opts.Scope = ScopeAPI
	}
	targets := opts.Targets
	if targets == nil {
		targets = DefaultTargets
	}
	b := &Baseline{
		Format:        Format,
		Module:        opts.Module,
		ModuleVersion: opts.ModuleVersion,
		GoVersion:     opts.GoVersion,
		Scope:         opts.Scope,
		Targets:       Targets(targets),
		Packages:      []*Package{},
	}
	var reached map[*types.TypeName]bool
	if opts.Scope == ScopeContracts {
		reached = Reach(Contracts(in, opts.Contracts))
	}
	for _, p := range in {
		if p.Types == nil {
			continue
		}
		names := Names(p.Types, opts.Scope, reached)
		if opts.Scope == ScopeContracts && len(names) == 0 {
			continue
		}
		b.Packages = append(b.Packages, FromPackage(p.Types, names, b.Targets))
	}
	b.sort()
	return b
}

// Contracts returns the contracts visible from the inputs: those marked
// with the directive in their syntax, and the built-in and extra ones
// wherever the inputs or their imports declare them.
func Contracts(in []Input, extra []string) []*types.TypeName {
	var out []*types.TypeName
	seen := map[*types.TypeName]bool{}
	add := func(tn *types.TypeName) {
		if tn != nil && !seen[tn] {
			seen[tn] = true
			out = append(out, tn)
		}
	}
	names := append(append([]string(nil), contracts.Builtin...), extra...)
	visited := map[*types.Package]bool{}
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		if visited[p] {
			return
		}
		visited[p] = true
		for _, name := range names {
			dot := strings.LastIndex(name, ".")
			if dot > 0 && name[:dot] == p.Path() {
				if tn, ok := p.Scope().Lookup(name[dot+1:]).(*types.TypeName); ok {
					add(tn)
				}
			}
		}
		for _, q := range p.Imports() {
			visit(q)
		}
	}
	for _, p := range in {
		if p.Types == nil {
			continue
		}
		visit(p.Types)
		for ts, doc := range directive.TypeDocs(p.Files) {
			if directive.Has(doc, directive.Contract) {
				if tn, ok := p.Types.Scope().Lookup(ts.Name.Name).(*types.TypeName); ok {
					add(tn)
				}
			}
		}
	}
	return out
}

package abidrift

import (
	_ "embed"
	"flag"
	"fmt"
	"reflect"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/go-plugin-lint/go-plugin-lint/analyzers/abidrift/baseline"
	"github.com/go-plugin-lint/go-plugin-lint/internal/contracts"
	"github.com/go-plugin-lint/go-plugin-lint/internal/docs"
)

//go:embed doc.go
var doc string

// Config holds the analyzer's settings; each field is also a flag.
type Config struct {
	// Contracts lists extra contracts by fully qualified name.
	Contracts contracts.Names
	// Baseline is the baseline file to compare with; empty: do nothing.
	Baseline string
	// Scope is baseline.ScopeAPI or baseline.ScopeContracts.
	Scope Scope
	// All also reports compatible changes (additions).
	All bool
}

// Scope is the -scope flag's value.
type Scope string

func (s *Scope) String() string { return string(*s) }

// Set accepts "api" or "contracts".
func (s *Scope) Set(v string) error {
	switch v {
	case baseline.ScopeAPI, baseline.ScopeContracts:
		*s = Scope(v)
		return nil
	}
	return fmt.Errorf("scope must be %q or %q, not %q", baseline.ScopeAPI, baseline.ScopeContracts, v)
}

// Default returns the settings most users want.
func Default() Config { return Config{Scope: baseline.ScopeAPI} }

// Analyzer is the analyzer with default settings, bound to the command's flags.
var Analyzer = New(Default())

// New builds an analyzer whose flags are bound to a private copy of cfg.
func New(cfg Config) *analysis.Analyzer {
	c := &cfg
	c.Contracts = append(contracts.Names(nil), cfg.Contracts...)
	if c.Scope == "" {
		c.Scope = baseline.ScopeAPI
	}
	r := &runner{cfg: c}
	a := &analysis.Analyzer{
		Name:       "abidrift",
		Doc:        docs.FromDocGo("abidrift", doc),
		URL:        docs.URL("abidrift"),
		Requires:   []*analysis.Analyzer{contracts.Analyzer},
		Run:        r.run,
		ResultType: reflect.TypeFor[*Result](),
	}
	a.Flags.Init("abidrift", flag.ContinueOnError)
	a.Flags.Var(&c.Contracts, "contracts", "comma-separated fully qualified names of extra contract interfaces (pkg/path.Name)")
	a.Flags.StringVar(&c.Baseline, "baseline", c.Baseline, "compare with the baseline `FILE` written by 'go-plugin-lint snapshot' (no baseline: no findings)")
	a.Flags.Var(&c.Scope, "scope", "what the baseline covers: api (exported declarations of non-internal, non-main packages) or contracts (contracts and the types they reach)")
	a.Flags.BoolVar(&c.All, "all", c.All, "also report compatible changes (additions)")
	return a
}

// runner holds an analyzer's configuration and the baseline it read once
// for all its packages.
type runner struct {
	cfg *Config

	mu     sync.Mutex
	loaded map[string]loaded
}

type loaded struct {
	b   *baseline.Baseline
	err error
}

func (r *runner) baseline() (*baseline.Baseline, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	path := r.cfg.Baseline
	if l, ok := r.loaded[path]; ok {
		return l.b, l.err
	}
	b, err := baseline.Read(path)
	if err == nil && b.Scope != string(r.cfg.Scope) {
		err = fmt.Errorf("%s was written with scope %s, but abidrift runs with -abidrift.scope=%s: use the same scope", path, b.Scope, r.cfg.Scope)
	}
	if r.loaded == nil {
		r.loaded = map[string]loaded{}
	}
	r.loaded[path] = loaded{b, err}
	return b, err
}

// inAPIScope reports whether a package belongs in an api-scope baseline:
// not a command, not internal, not an external test package.
func inAPIScope(path, name string) bool {
	if name == "main" || strings.HasSuffix(name, "_test") {
		return false
	}
	return !(path == "internal" || strings.HasPrefix(path, "internal/") ||
		strings.HasSuffix(path, "/internal") || strings.Contains(path, "/internal/"))
}

// InAPIScope is inAPIScope for the snapshot command.
func InAPIScope(path, name string) bool { return inAPIScope(path, name) }

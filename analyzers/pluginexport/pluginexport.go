package pluginexport

import (
	_ "embed"
	"flag"
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/go-plugin-lint/go-plugin-lint/internal/contracts"
	"github.com/go-plugin-lint/go-plugin-lint/internal/docs"
	"github.com/go-plugin-lint/go-plugin-lint/internal/fileclass"
)

//go:embed doc.go
var doc string

// Config holds the analyzer's settings; each field is also a flag.
type Config struct {
	// Contracts lists extra contracts by fully qualified name.
	Contracts contracts.Names
	// Require lists the exports every native plugin must provide.
	Require Requirements
	// DenyImports lists package path patterns that plugins may not import.
	DenyImports Patterns
	// Plugins lists package path patterns of packages to treat as native
	// plugins in addition to every package main without func main.
	Plugins Patterns
}

// Default returns the settings most users want: every plugin provides
// func Init() error, the convention this suite adopts.
func Default() Config {
	return Config{Require: Requirements{{Name: "Init", Type: "func() error", Func: true}}}
}

// Analyzer is the analyzer with default settings, bound to the command's flags.
var Analyzer = New(Default())

// New builds an analyzer whose flags are bound to a private copy of cfg.
func New(cfg Config) *analysis.Analyzer {
	c := &Config{
		Contracts:   append(contracts.Names(nil), cfg.Contracts...),
		Require:     append(Requirements(nil), cfg.Require...),
		DenyImports: append(Patterns(nil), cfg.DenyImports...),
		Plugins:     append(Patterns(nil), cfg.Plugins...),
	}
	a := &analysis.Analyzer{
		Name:       "pluginexport",
		Doc:        docs.FromDocGo("pluginexport", doc),
		URL:        docs.URL("pluginexport"),
		Requires:   []*analysis.Analyzer{contracts.Analyzer},
		ResultType: reflect.TypeFor[*Result](),
		Run:        func(pass *analysis.Pass) (any, error) { return run(pass, c) },
	}
	a.Flags.Init("pluginexport", flag.ContinueOnError)
	a.Flags.Var(&c.Contracts, "contracts", "comma-separated fully qualified names of extra contract interfaces (pkg/path.Name)")
	a.Flags.Var(&c.Require, "require", "comma-separated exports every plugin must provide, as NAME or NAME:TYPE (a func TYPE asks for a function declaration); replaces the default Init:func() error, empty requires nothing")
	a.Flags.Var(&c.DenyImports, "deny-imports", "comma-separated package path patterns (... wildcard) that plugins may not import")
	a.Flags.Var(&c.Plugins, "plugins", "comma-separated package path patterns (... wildcard) of packages to treat as native plugins, besides every package main without func main")
	return a
}

func run(pass *analysis.Pass, cfg *Config) (any, error) {
	res := &Result{Path: pass.Pkg.Path()}
	classes := fileclass.NewIndex(pass.Fset, pass.Files)
	root := inspector.New(pass.Files).Root()
	if importsPlugin(pass) {
		h := &host{pass: pass, classes: classes, root: root, res: res}
		h.check()
	}
	if isPlugin(pass, cfg) {
		cr, _ := pass.ResultOf[contracts.Analyzer].(*contracts.Result)
		if cr != nil {
			cr = cr.With(pass.Pkg, cfg.Contracts)
		}
		p := &plugin{pass: pass, cfg: cfg, classes: classes, contracts: cr, res: res}
		p.check()
	}
	return res, nil
}

// importsPlugin reports whether a file of the package imports "plugin":
// only such packages are hosts.
func importsPlugin(pass *analysis.Pass) bool {
	for _, imp := range pass.Pkg.Imports() {
		if imp.Path() == "plugin" {
			return true
		}
	}
	return false
}

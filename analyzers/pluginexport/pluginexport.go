package pluginexport

import (
	_ "embed"
	"flag"

	"golang.org/x/tools/go/analysis"

	"github.com/go-plugin-lint/go-plugin-lint/internal/contracts"
	"github.com/go-plugin-lint/go-plugin-lint/internal/docs"
	"github.com/go-plugin-lint/go-plugin-lint/internal/runwide"
)

//go:embed doc.go
var doc string

// Config holds the analyzer's settings; each field is also a flag.
type Config struct {
	// Contracts lists extra contracts by fully qualified name.
	Contracts contracts.Names
}

// Default returns the settings most users want.
func Default() Config { return Config{} }

// Analyzer is the analyzer with default settings, bound to the command's flags.
var Analyzer = New(Default())

// New builds an analyzer whose flags are bound to a private copy of cfg.
func New(cfg Config) *analysis.Analyzer {
	c := cfg
	a := &analysis.Analyzer{
		Name:     "pluginexport",
		Doc:      docs.FromDocGo("pluginexport", doc),
		URL:      docs.URL("pluginexport"),
		Requires: []*analysis.Analyzer{contracts.Analyzer},
		Run:      func(pass *analysis.Pass) (any, error) { return nil, nil },
	}
	a.Flags.Init("pluginexport", flag.ContinueOnError)
	a.Flags.Var(&c.Contracts, "contracts", "comma-separated fully qualified names of extra contract interfaces (pkg/path.Name)")
	return a
}

// Correlate is the analyzer's run-wide step (nil: per-package only).
var Correlate runwide.Correlate

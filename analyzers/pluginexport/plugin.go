package pluginexport

import (
	"golang.org/x/tools/go/analysis"

	"github.com/go-plugin-lint/go-plugin-lint/internal/contracts"
	"github.com/go-plugin-lint/go-plugin-lint/internal/fileclass"
)

type plugin struct {
	pass      *analysis.Pass
	cfg       *Config
	classes   *fileclass.Index
	contracts *contracts.Result
	res       *Result
}

func isPlugin(pass *analysis.Pass, cfg *Config) bool { return false }

func (p *plugin) check() {}

// Package host loads plugins, with two defects pluginexport finds.
package host

import (
	"fmt"
	"plugin"

	"example.com/findings/api"
)

// Load ignores the error of plugin.Open and asserts without comma-ok.
func Load(path string) (api.Processor, error) {
	p, _ := plugin.Open(path)
	sym, err := p.Lookup("Processor")
	if err != nil {
		return nil, fmt.Errorf("lookup: %w", err)
	}
	proc := sym.(api.Processor)
	return proc, nil
}

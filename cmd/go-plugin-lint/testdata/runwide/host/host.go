// Package host checks every error, but asserts the symbol of a variable to
// the interface itself: only the run-wide step, which sees the plugin, knows
// that Lookup returns a pointer there.
package host

import (
	"errors"
	"plugin"

	"example.com/runwide/api"
)

// Load opens a plugin and returns its processor.
func Load(path string) (api.Processor, error) {
	p, err := plugin.Open(path)
	if err != nil {
		return nil, err
	}
	sym, err := p.Lookup("Processor")
	if err != nil {
		return nil, err
	}
	proc, ok := sym.(api.Processor)
	if !ok {
		return nil, errors.New("plugin exports no api.Processor")
	}
	return proc, nil
}

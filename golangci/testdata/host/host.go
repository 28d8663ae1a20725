// Package host loads native plugins.
package host

import (
	"errors"
	"plugin"
)

// Processor is what the plugins export.
type Processor interface{ Process(string) string }

// LoadCareless ignores both ways loading can fail.
func LoadCareless(path string) Processor {
	p, _ := plugin.Open(path) // want:pluginexport
	sym, err := p.Lookup("Processor")
	if err != nil {
		return nil
	}
	return *sym.(*Processor) // want:pluginexport
}

// LoadSuppressed has the same defects, each suppressed for pluginexport.
func LoadSuppressed(path string) Processor {
	p, _ := plugin.Open(path) //nolint:pluginexport // the path was checked by the caller
	sym, err := p.Lookup("Processor")
	if err != nil {
		return nil
	}
	return *sym.(*Processor) //nolint:pluginexport
}

// LoadWrongNolint names another linter: pluginexport still reports.
func LoadWrongNolint(path string) Processor {
	p, _ := plugin.Open(path) //nolint:statecoupling // want:pluginexport
	sym, err := p.Lookup("Processor")
	if err != nil {
		return nil
	}
	return *sym.(*Processor) // want:pluginexport
}

// Load is the careful way: silent.
func Load(path string) (Processor, error) {
	p, err := plugin.Open(path)
	if err != nil {
		return nil, err
	}
	sym, err := p.Lookup("Processor")
	if err != nil {
		return nil, err
	}
	proc, ok := sym.(*Processor)
	if !ok {
		return nil, errors.New("Processor has the wrong type")
	}
	return *proc, nil
}

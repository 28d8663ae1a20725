package errs

import (
	"errors"
	"plugin"
)

func discarded(path string) {
	plugin.Open(path) // want `error from plugin\.Open is discarded: a failed Open leaves a nil \*plugin\.Plugin and its next use panics`
}

func blank(path string) plugin.Symbol {
	p, _ := plugin.Open(path)  // want `error from plugin\.Open is assigned to the blank identifier`
	sym, _ := p.Lookup("Init") // want `error from Lookup\("Init"\) is assigned to the blank identifier: a missing symbol gives a nil plugin\.Symbol and its use panics`
	return sym
}

func overwritten(path string) (plugin.Symbol, error) {
	p, err := plugin.Open(path) // want `error from plugin\.Open is stored in err but never checked`
	sym, err := p.Lookup("Init")
	if err != nil {
		return nil, err
	}
	return sym, nil
}

func neverRead(path string) *plugin.Plugin {
	var err error
	_ = err
	var p *plugin.Plugin
	p, err = plugin.Open(path) // want `error from plugin\.Open is stored in err but never checked`
	return p
}

// Silent twins.

func checked(path, name string) (plugin.Symbol, error) {
	p, err := plugin.Open(path)
	if err != nil {
		return nil, err
	}
	sym, err := p.Lookup(name)
	if err != nil {
		return nil, errors.Join(errors.New("lookup"), err)
	}
	return sym, nil
}

func passedOn(path string) (*plugin.Plugin, error) {
	return plugin.Open(path)
}

func named(path string) (p *plugin.Plugin, err error) {
	p, err = plugin.Open(path)
	return
}

type loader struct{ err error }

func (l *loader) field(path string) *plugin.Plugin {
	var p *plugin.Plugin
	p, l.err = plugin.Open(path)
	return p
}

func loop(paths []string) {
	var err error
	for _, path := range paths {
		if err != nil {
			return
		}
		_, err = plugin.Open(path)
	}
}

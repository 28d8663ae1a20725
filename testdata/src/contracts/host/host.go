// Package host loads plugins.
package host

import (
	"plugin"

	"contracts/api"
)

// Local is asserted by this host; as a type of this package it gets a fact.
type Local interface { // want Local:"contract\\(plugin.Symbol\\)"
	Run() error
}

func load(p *plugin.Plugin) {
	sym, err := p.Lookup("Filter")
	if err != nil {
		return
	}
	if f, ok := sym.(api.Filter); ok {
		_ = f
	}
	sym2, _ := p.Lookup("Local")
	if l, ok := sym2.(*Local); ok {
		_ = l
	}
}

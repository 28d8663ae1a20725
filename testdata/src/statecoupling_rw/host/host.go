// Package host loads plugins and asserts their symbol to api.Greeter.
package host

import (
	"plugin"

	"statecoupling_rw/api"
)

func Load(path string) (api.Greeter, error) {
	p, err := plugin.Open(path)
	if err != nil {
		return nil, err
	}
	sym, err := p.Lookup("Greeter")
	if err != nil {
		return nil, err
	}
	return *sym.(*api.Greeter), nil
}

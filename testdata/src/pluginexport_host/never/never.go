package never

import (
	"net/http"
	"plugin"

	"pluginexport_host/api"
)

type local int

func never(sym plugin.Symbol) {
	if h, ok := sym.(http.HandlerFunc); ok { // want `assertion of plugin\.Symbol to named func type http\.HandlerFunc never succeeds: an exported function's symbol has an unnamed signature type \(assert to func\(http\.ResponseWriter, \*http\.Request\)\) and a variable's symbol is a pointer \(assert to \*http\.HandlerFunc\)`
		_ = h
	}
	if h, ok := sym.(api.Hook); ok { // want `named func type api\.Hook never succeeds`
		_ = h
	}
	if c, ok := sym.(api.Config); ok { // want `assertion of plugin\.Symbol to api\.Config never succeeds: Lookup of a variable returns a pointer to it, so assert to \*api\.Config`
		_ = c
	}
	if n, ok := sym.(int); ok { // want `to int never succeeds`
		_ = n
	}
	if n, ok := sym.([]string); ok { // want `to \[\]string never succeeds`
		_ = n
	}
	switch sym.(type) {
	case local: // want `type switch case of plugin\.Symbol to local never succeeds`
	case *local, func(int) error, api.Processor:
	}
}

// Silent twins: pointers, interfaces, unnamed func types.
func works(sym plugin.Symbol) {
	if c, ok := sym.(*api.Config); ok {
		_ = c
	}
	if h, ok := sym.(*http.HandlerFunc); ok {
		_ = h
	}
	if f, ok := sym.(func(http.ResponseWriter, *http.Request)); ok {
		_ = f
	}
	if p, ok := sym.(api.Alias); ok {
		_ = p
	}
	if a, ok := sym.(any); ok {
		_ = a
	}
}

func generic[T any](sym plugin.Symbol) (T, bool) {
	t, ok := sym.(T)
	return t, ok
}

// Package registry checks registry writes at init time and calls into
// libraries documented as safe for concurrent use.
package registry

import (
	"net/http"

	"statecoupling_trusted/metrics"
)

var modules = map[string]func() any{}

// Register adds a module; plugins call it from init.
func Register(name string, f func() any) { modules[name] = f } // want Register:"writes registry.modules"

func init() {
	Register("a", func() any { return nil }) // silent: init runs before any entry point
}

var requests = &metrics.Counter{}

type H struct{}

func (H) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	requests.Inc() // silent: a collector documented as safe for concurrent use
}

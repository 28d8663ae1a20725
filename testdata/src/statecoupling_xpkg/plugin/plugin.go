// Package plugin calls helpers of another package from its entry points.
package plugin

import (
	"net/http"
	"sync"

	"statecoupling_xpkg/helpers"
)

var local = map[string]int{}

type H struct{}

func (H) ServeHTTP(w http.ResponseWriter, r *http.Request) { // want ServeHTTP:"writes helpers.Global, writes helpers.cache, writes plugin.local"
	helpers.Set(r.URL.Path, "x")      // want `call to helpers.Set writes package-level var helpers.cache without holding a lock, reached from entry point H.ServeHTTP \(http.Handler\) via helpers.Set`
	helpers.SetVia(r.URL.Path)        // want `call to helpers.SetVia writes package-level var helpers.cache`
	helpers.SafeSet(r.URL.Path, "x")  // silent: the helper locks
	helpers.Global.Add(r.URL.Path)    // want `call to \(\*helpers.Counter\).Add writes package-level var helpers.Global`
	helpers.Put(local, r.URL.Path, 1) // want `call to helpers.Put writes package-level var local`
	c := &helpers.Counter{}           // silent: a fresh instance
	c.Add(r.URL.Path)
	mu.Lock()
	helpers.Set(r.URL.Path, "y") // silent: the caller holds mu
	mu.Unlock()
}

var mu sync.Mutex

func Register(mux *http.ServeMux) {
	mux.Handle("/x", http.HandlerFunc(helpers.Handle)) // want `call to helpers.Handle writes package-level var helpers.hits without holding a lock, reached from handler helpers.Handle \(http.HandlerFunc\)`
}

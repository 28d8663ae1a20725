// Package basic holds the core rule: a net/http.Handler writing package-level
// state without a lock, and its silent twins.
package basic

import (
	"net/http"
	"sync"
)

var hits = map[string]int{}

var count int

type Counter struct{}

func (Counter) ServeHTTP(w http.ResponseWriter, r *http.Request) { // want ServeHTTP:"writes basic.count, writes basic.hits"
	hits[r.URL.Path]++ // want `write to package-level var hits without holding a lock, in entry point Counter.ServeHTTP \(http.Handler\): concurrent map writes crash the process`
	count++            // want `write to package-level var count without holding a lock, in entry point Counter.ServeHTTP`
}

var (
	mu         sync.Mutex
	lockedHits = map[string]int{}
)

type Locked struct{}

func (Locked) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	defer mu.Unlock()
	lockedHits[r.URL.Path]++ // silent: mu is held
}

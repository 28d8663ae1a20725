// Package server counts requests in package-level maps.
package server

import "net/http"

var hits = map[string]int{}

// Counter is an http.Handler, which the host calls concurrently.
type Counter struct{}

func (Counter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hits[r.URL.Path]++ // want:statecoupling want(tests):statecoupling
}

var quiet = map[string]int{}

// QuietCounter has the same defect, suppressed.
type QuietCounter struct{}

func (QuietCounter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	quiet[r.URL.Path]++ //nolint:statecoupling // a single-threaded test server
}

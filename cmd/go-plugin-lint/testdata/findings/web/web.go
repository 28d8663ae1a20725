// Package web has a handler that statecoupling reports.
package web

import "net/http"

var hits = map[string]int{}

// Counter counts requests per path, without a lock.
type Counter struct{}

func (Counter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hits[r.URL.Path]++
}

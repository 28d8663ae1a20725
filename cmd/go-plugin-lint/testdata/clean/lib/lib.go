// Package lib has nothing to report: its handler holds a lock.
package lib

import (
	"net/http"
	"sync"
)

var (
	mu   sync.Mutex
	hits = map[string]int{}
)

// Counter counts requests per path.
type Counter struct{}

func (Counter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	defer mu.Unlock()
	hits[r.URL.Path]++
}

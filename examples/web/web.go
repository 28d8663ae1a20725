// Package web serves the pluginshop status page.
package web

import (
	"fmt"
	"net/http"
	"sync"
)

var (
	mu     sync.Mutex
	visits int

	// lastRequest is kept for debugging.
	lastRequest *http.Request
)

// Status serves the status page.
type Status struct{}

func (Status) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	visits++ // fine: under the lock
	n := visits
	mu.Unlock()
	// DEFECT: the request outlives the call that owns it, and the write races.
	lastRequest = r
	fmt.Fprintf(w, "visits: %d\n", n)
}

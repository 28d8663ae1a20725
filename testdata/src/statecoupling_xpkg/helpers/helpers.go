// Package helpers writes its own package-level state; its Writes facts tell
// importers which functions do so without a lock.
package helpers

import (
	"net/http"
	"sync"
)

var cache = map[string]string{}

// Set writes cache without a lock.
func Set(k, v string) { // want Set:"writes helpers.cache"
	cache[k] = v
}

// SetVia reaches the write through an unexported helper.
func SetVia(k string) { // want SetVia:"writes helpers.cache"
	set(k)
}

func set(k string) { cache[k] = "" }

var mu sync.Mutex

// SafeSet locks: no fact.
func SafeSet(k, v string) {
	mu.Lock()
	defer mu.Unlock()
	cache[k] = v
}

// Counter's Add writes its receiver: a fact importers bind to what they
// call it on.
type Counter struct{ n map[string]int }

func (c *Counter) Add(k string) { // want Add:"writes receiver"
	c.n[k]++
}

// Global is a package-level Counter.
var Global = &Counter{n: map[string]int{}}

// Put is generic.
func Put[T any](m map[string]T, k string, v T) { // want Put:"writes param 0"
	m[k] = v
}

var hits int

// Handle is a plain handler function that plugins register.
func Handle(w http.ResponseWriter, r *http.Request) { // want Handle:"writes helpers.hits"
	hits++
}

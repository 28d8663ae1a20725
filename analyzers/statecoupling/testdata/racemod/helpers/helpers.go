// Package helpers mirrors statecoupling_xpkg/helpers: a helper of another
// package that writes its own package-level map without a lock.
package helpers

import "sync"

var cache = map[string]string{}

// Set writes cache without a lock.
func Set(k, v string) { cache[k] = v }

var mu sync.Mutex

// SafeSet locks.
func SafeSet(k, v string) {
	mu.Lock()
	defer mu.Unlock()
	cache[k] = v
}

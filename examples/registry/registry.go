// Package registry is a compile-time plugin registry, filled by init
// functions of the packages that register themselves (as caddy modules and
// coredns plugins do). Writes at init time are not concurrent: not reported.
package registry

import (
	"sort"
	"sync"
)

// Factory builds a named component.
type Factory func() any

var (
	mu        sync.RWMutex
	factories = map[string]Factory{}
)

// Register adds a factory; call it from init.
func Register(name string, f Factory) {
	mu.Lock()
	defer mu.Unlock()
	factories[name] = f
}

// Names lists the registered factories.
func Names() []string {
	mu.RLock()
	defer mu.RUnlock()
	names := make([]string, 0, len(factories))
	for n := range factories {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func init() {
	Register("noop", func() any { return struct{}{} })
}

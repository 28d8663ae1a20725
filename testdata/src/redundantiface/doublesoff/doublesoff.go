// Package doublesoff is checked with -test-doubles=false: test doubles
// count as implementations, so store is silent, and its methods are then
// checked for callers.
package doublesoff

type store interface {
	Load() string
	Save(s string) // want `method store.Save is never called through the interface: every implementation must provide it for nothing`
}

func load(s store) string { return s.Load() }

// An alias spells the same interface: calls through it count.
type loader = store

func viaAlias(l loader) string { return l.Load() }

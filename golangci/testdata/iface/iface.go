// Package iface declares unexported interfaces, which the per-package tier
// judges: all their implementers and callers are in this package.
package iface

// store is implemented only by a test double.
type store interface { // want:redundantiface
	get(k string) string
}

func read(s store) string { return s.get("k") }

// cache has no implementation at all, whatever the settings.
type cache interface { // want:redundantiface want(test-doubles):redundantiface
	put(k string)
}

func fill(c cache) { c.put("k") }

// sink has no implementation either; the finding is suppressed.
type sink interface { //nolint:redundantiface // kept for the next release
	drain()
}

func flush(s sink) { s.drain() }

// Run uses the unexported API, so nothing here is dead code.
func Run() { _, _, _ = read, fill, flush }

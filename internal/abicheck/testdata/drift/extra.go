// Package extra is used by plugins only, never by the host.
package extra

// Count counts.
func Count() int { return 2 }

// Added is the drift.
func Added() int { return 3 }

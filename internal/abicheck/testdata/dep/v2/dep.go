// Package dep stands for a third-party dependency at version v1.1.0.
package dep

// Version is the dependency's version.
func Version() string { return "v1.1.0" }

// Added is new in v1.1.0.
func Added() int { return 1 }

// Package dep stands for a third-party dependency at version v1.0.0.
package dep

// Version is the dependency's version.
func Version() string { return "v1.0.0" }

// Package shared is the contract host and plugins share.
package shared

// Greeter is what plugins implement.
type Greeter interface{ Greet() string }

// Name names the contract.
func Name() string { return "greeter" }

// drift is the only change: one new unexported function.
func drift() int { return 1 }

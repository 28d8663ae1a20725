// Package api declares the interface a host asserts plugin symbols to,
// without any directive: only the host's assertion makes it a contract.
package api

type Greeter interface {
	// Setup is called once.
	//
	//pluginlint:once
	Setup()
	Greet(name string) string
}

// Plugin a uses the shared contract and the dependency.
package main

import (
	"example.com/app/shared"
	"example.com/dep"
)

// Greet implements the contract.
func Greet() string { return shared.Name() + " " + dep.Version() }

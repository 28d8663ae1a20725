// Package api is the contract package shared by the host fixtures.
package api

// Processor is what plugins provide.
//
//pluginlint:contract
type Processor interface {
	Process(in string) (string, error)
}

// Hook is a named func type.
type Hook func(string) error

// Config is a struct a plugin may export.
type Config struct{ Name string }

// Alias is an alias of Processor.
type Alias = Processor

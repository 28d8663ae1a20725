// Package api is the contract between the hosts and the plugins.
package api

// Processor is what a plugin provides.
//
//pluginlint:contract
type Processor interface {
	Process(in string) (string, error)
}

// ProcessFunc is a named func type: no plugin symbol ever has it.
type ProcessFunc func(in string) (string, error)

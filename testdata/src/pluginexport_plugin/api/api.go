// Package api is the contract package shared by the plugin fixtures.
package api

// Processor is what plugins provide.
//
//pluginlint:contract
type Processor interface {
	Process(in string) (string, error)
}

// Plain is an interface that is not a contract.
type Plain interface {
	Process(in string) (string, error)
}

// Package api is the contract between the host and its plugins.
package api

// Processor is what plugins export.
//
//pluginlint:contract
type Processor interface {
	Process(in string) string
}

// Package api is the contract package of the cross-check fixtures.
package api

// Processor is what plugins provide.
type Processor interface {
	Process(in string) (string, error)
}

// ProcessorAlias is an alias: assertions through it are assertions to Processor.
type ProcessorAlias = Processor

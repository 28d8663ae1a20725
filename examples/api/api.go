// Package api is the surface shared by the pluginshop host and its plugins.
package api

import "context"

// Processor transforms documents. Plugins implement it; the host calls
// Process concurrently from its request handlers.
//
//pluginlint:contract
type Processor interface {
	// Init is called once, right after the plugin is loaded.
	//
	//pluginlint:once
	Init(host Host) error

	// Process transforms one document.
	Process(ctx context.Context, doc []byte) ([]byte, error)

	// Describe returns a human-readable description.
	// DEFECT: the host never calls it, yet every plugin must implement it.
	Describe() string
}

// Host is what the host hands to plugins at Init.
type Host interface {
	Logf(format string, args ...any)
}

// ProcessorV1 is the first version of Processor, kept "for compatibility".
// DEFECT: nothing implements it any more; ProcessorV2 replaced it.
type ProcessorV1 interface {
	Process(doc []byte) []byte
}

// ProcessorV2 is the batch successor of ProcessorV1.
type ProcessorV2 interface {
	ProcessBatch(docs [][]byte) [][]byte
}

// Batch runs p over docs.
func Batch(p ProcessorV2, docs [][]byte) [][]byte { return p.ProcessBatch(docs) }

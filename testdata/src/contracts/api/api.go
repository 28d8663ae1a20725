// Package api declares the interfaces a host and its plugins share.
package api

import "context"

// Processor is implemented by plugins.
//
//pluginlint:contract
type Processor interface { // want Processor:"contract\\(directive\\)"
	// Init is called once when the plugin is loaded.
	//
	//pluginlint:once
	Init(host Host) error // want Init:"once"
	Process(ctx context.Context, in []byte) ([]byte, error)
}

// Host is what the host hands to plugins; not a contract.
type Host interface {
	Logf(format string, args ...any)
}

// Source is a generic contract.
//
//pluginlint:contract
type Source[T any] interface { // want Source:"contract\\(directive\\)"
	Next(ctx context.Context) (T, error)
}

// Lifecycle is embedded in another contract; its own doc marks nothing.
type Lifecycle interface {
	//pluginlint:once
	Close() error // want Close:"once"
}

// Sink embeds Lifecycle; Close stays a once-method through embedding.
//
//pluginlint:contract
type Sink interface { // want Sink:"contract\\(directive\\)"
	Lifecycle
	Write(p []byte) error
}

// ProcessorAlias is an alias: the contract is Processor itself.
type ProcessorAlias = Processor

// Filter is asserted from a plugin.Symbol by the host package, which cannot
// export a fact about it: the host's Result lists it instead.
type Filter interface {
	Keep(string) bool
}

// notAContract has the directive in a line comment, not its doc: ignored.
type notAContract interface { //pluginlint:contract
	m()
}

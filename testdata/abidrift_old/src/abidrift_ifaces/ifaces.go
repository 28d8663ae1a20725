// Package abidrift_ifaces has interfaces: open, sealed, embedded, and a
// contract.
package abidrift_ifaces

type Store interface {
	Get(key string) ([]byte, error)
}

type Cache interface {
	Get(key string) []byte
	seal()
}

type Base interface {
	ID() string
}

type Node interface {
	Base
	Children() []Node
}

// Plugin is implemented by plugins; its unexported method keeps other
// packages of the host from implementing it, not plugins from embedding
// an implementation.
//
//pluginlint:contract
type Plugin interface {
	Name() string
	seal()
}

type Stable interface {
	Len() int
}

type Mem struct{}

func (Mem) Get(key string) ([]byte, error) { return nil, nil }

type Lenner struct{}

func (Lenner) Len() int { return 0 }

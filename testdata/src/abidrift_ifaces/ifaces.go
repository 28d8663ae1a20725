// Package abidrift_ifaces has interfaces: open, sealed, embedded, and a
// contract.
package abidrift_ifaces

type Store interface {
	Get(key string) ([]byte, error)
	Put(key string, value []byte) error // want `breaking: method Put added to interface Store since the baseline: types outside the package that implemented Store lack it and no longer satisfy it`
}

// Cache is sealed: adding a method is compatible (nobody else implements
// it), and -abidrift.all is off.
type Cache interface {
	Get(key string) []byte
	Size() int
	seal()
}

type Base interface {
	ID() string
	Kind() string // want `breaking: method Kind added to interface Base since the baseline`
}

// Node embeds Base: apidiff reports Kind once, at Base, since it is one method.
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
	Version() string // want `breaking: method Version added to contract Plugin since the baseline: existing plugin implementations lack it and no longer satisfy Plugin, so every plugin must be changed and rebuilt`
	seal()
}

type Stable interface {
	Len() int
}

type Mem struct{} // want `breaking: type Mem no longer implements Store since the baseline: code using a Mem as a Store no longer compiles`

func (Mem) Get(key string) ([]byte, error) { return nil, nil }

type Lenner struct{}

func (Lenner) Len() int { return 0 }

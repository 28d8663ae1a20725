// Package impl implements the api interfaces without importing api.
package impl

// MemStore implements api.Store.
type MemStore struct{ m map[string][]byte }

// Get returns the value of k.
func (s *MemStore) Get(k string) []byte { return s.m[k] }

// Flush does nothing.
func (s *MemStore) Flush() error { return nil }

// Box implements api.Getter[T] for every T.
type Box[T any] struct{ V T }

// Value returns the boxed value.
func (b Box[T]) Value() T { return b.V }

// Proc implements api.ProcessorV2 through an embedded struct.
type Proc struct{ base }

type base struct{}

func (base) Process(in []byte, opts map[string]string) error { return nil }

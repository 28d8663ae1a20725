// Package impl implements the api interfaces in another package.
package impl

import "redundantiface_xpkg/api"

// MemStore implements api.Store without importing api.
type MemStore struct{ m map[string][]byte }

// Get returns the value of k.
func (s *MemStore) Get(k string) []byte { return s.m[k] }

// Flush does nothing.
func (s *MemStore) Flush() error { return nil }

// Box implements api.Getter[T] for every T.
type Box[T any] struct{ V T }

// Value returns the boxed value.
func (b Box[T]) Value() T { return b.V }

// Proc implements api.ProcessorV2, through an embedded struct.
type Proc struct{ base }

type base struct{}

func (base) Process(in []byte, opts map[string]string) error { return nil }

// Ctrl is generic and implements api.Warmer.
type Ctrl[T any] struct{ v T }

// Warmup warms up.
func (c *Ctrl[T]) Warmup(n int) error { return nil }

// Object aliases api.Object.
type Object = api.Object

// Cache implements api.Informers with aliased types.
type Cache struct{}

// Informer returns o.
func (Cache) Informer(o Object, opts ...string) (Object, error) { return o, nil }

// Runner implements api.Stopper.
type Runner struct{}

func (Runner) Start() error { return nil }
func (Runner) Stop() error  { return nil }
func (Runner) Pause() error { return nil }

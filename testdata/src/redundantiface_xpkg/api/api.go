// Package api declares the interfaces a host and its plugins share. The
// per-package tier stays silent on all of them (they are exported); the
// run-wide tier judges them, with the expectations in "runwide" comments.
package api

// ReadStore is called through Store, which embeds it.
type ReadStore interface {
	Get(k string) []byte
}

// Store is implemented in package impl and called by the host.
type Store interface {
	ReadStore
	Flush() error // runwide `method Store.Flush is never called through the interface: every implementation must provide it for nothing`
}

// Greeter is the host's contract: plugins implement it.
//
//pluginlint:contract
type Greeter interface {
	Greet(name string) string
	Farewell() string // runwide `method Greeter.Farewell of contract Greeter is never called by the host: every plugin must implement it for nothing`
}

// Formatter is implemented only by the plugin package main, which does not
// import this package: matched by method signature.
type Formatter interface {
	FormatLine(s string) string
}

// Unused has no implementation anywhere.
type Unused interface { // runwide `interface Unused has no implementation in this program: remove it or add one`
	Nothing(x int) error
}

// Hook is an extension point: Register accepts implementations from users.
type Hook interface { // whole `interface Hook has no implementation in this program: remove it or add one`
	OnEvent(e string)
}

// Register accepts a Hook.
func Register(h Hook) { hooks = append(hooks, h) }

var hooks []Hook

// Fire calls every hook.
func Fire(e string) {
	for _, h := range hooks {
		h.OnEvent(e)
	}
}

// Iterator is handed to users by Iter, who may call Reset.
type Iterator interface {
	Next() bool
	Reset() // whole `method Iterator.Reset is never called through the interface: every implementation must provide it for nothing`
}

type sliceIter struct{ i int }

func (s *sliceIter) Next() bool { s.i++; return s.i < 3 }
func (s *sliceIter) Reset()     { s.i = 0 }

// Iter returns an Iterator.
func Iter() Iterator { return &sliceIter{} }

// Doubled is implemented only by a fake in api_test.go.
type Doubled interface { // runwide `interface Doubled is implemented only by test doubles \(fakeDoubled in api_test.go\): production code never needs it`
	Double(n int) int
}

// Mocked is implemented only by a mockgen mock.
type Mocked interface { // runwide `interface Mocked is implemented only by test doubles \(MockMocked in mock_mocked.go\): production code never needs it`
	Mock(s string) (int, error) // nodoubles `method Mocked.Mock is never called through the interface`
}

// Getter is generic, implemented by the generic impl.Box.
type Getter[T any] interface {
	Value() T
}

// ProcessorV1 was replaced by ProcessorV2.
type ProcessorV1 interface { // runwide `interface ProcessorV1 has no implementation; ProcessorV2 looks like its successor: remove ProcessorV1`
	Process(in []byte) error
}

// ProcessorV2 is implemented in impl.
type ProcessorV2 interface {
	Process(in []byte, opts map[string]string) error
}

// Flusher is an optional behaviour the host checks for.
type Flusher interface { // whole `interface Flusher has no implementation in this program: remove it or add one`
	FlushAll() error
}

// Warmer is implemented by the generic impl.Ctrl[T].
type Warmer interface {
	Warmup(n int) error
}

// Object is aliased in impl: signatures spelled with the alias match.
type Object interface{ Kind() string } // whole `interface Object has no implementation in this program: remove it or add one`

// Informers is implemented by impl.Cache, whose signatures use aliases.
type Informers interface {
	Informer(o Object, opts ...string) (Object, error)
}

// Stopper's Stop is never called through Stopper, but the host checks any
// value for an optional Stop() error method: implementations need it.
type Stopper interface {
	Start() error
	Stop() error
	Pause() error // runwide `method Stopper.Pause is never called through the interface: every implementation must provide it for nothing`
}

// Loader is a contract the host obtains by asserting a plugin.Symbol to it
// directly. That assertion is how the host gets the value, not a check for
// optional behaviour: it does not make Unload used.
//
//pluginlint:contract
type Loader interface {
	Load() error
	Unload() error // runwide `method Loader.Unload of contract Loader is never called by the host: every plugin must implement it for nothing`
}

// Orphan is a contract that nothing in the run calls: its host is not in
// the run, so only whole-program mode may call its methods dead.
//
//pluginlint:contract
type Orphan interface {
	Run() error // whole `method Orphan.Run of contract Orphan is never called by the host: every plugin must implement it for nothing`
}

// Package api declares the interfaces a host and its plugins share.
package api

// Store is implemented in package impl and called by the host.
type Store interface {
	Get(k string) []byte
	Flush() error // runwide `method Store.Flush is never called through the interface: every implementation must provide it for nothing`
}

// Greeter is the host's contract: plugins implement it.
//
//pluginlint:contract
type Greeter interface {
	Greet(name string) string
	Farewell() string // runwide `method Greeter.Farewell of contract Greeter is never called by the host: every plugin must implement it for nothing`
}

// Unused has no implementation anywhere.
type Unused interface { // runwide `interface Unused has no implementation in this program: remove it or add one`
	Nothing(x int) error
}

// Doubled is implemented only by a fake in api_test.go.
type Doubled interface { // runwide `interface Doubled is implemented only by test doubles \(fakeDoubled in api_test.go\): production code never needs it`
	Double(n int) int
}

// Mocked is implemented only by a mockgen mock.
type Mocked interface { // runwide `interface Mocked is implemented only by test doubles \(MockMocked in mock_mocked.go\): production code never needs it`
	Mock(s string) (int, error)
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

// Package doubles has interfaces implemented only by test doubles.
package doubles

type store interface { // want `interface store is implemented only by test doubles \(fakeStore in store_test.go\): production code never needs it`
	Load() string
}

func load(s store) string { return s.Load() }

type blob interface { // want `interface blob is implemented only by test doubles \(MockBlob in mock_blob.go\): production code never needs it`
	Put(b []byte) error
}

func put(b blob) error { return b.Put(nil) }

// Called only from a test: still called.
type clock interface {
	Now() int64
	Tick()
}

type realClock struct{}

func (realClock) Now() int64 { return 0 }
func (realClock) Tick()      {}

func now(c clock) int64 { return c.Now() }

var _ = now(realClock{})

// Package local holds interfaces no other package can see: the
// per-package tier judges them.
package local

import (
	"bufio"
	"io"
)

type store interface { // want `interface store has no implementation in this program: remove it or add one`
	Fetch(k string) []byte
}

func useStore(s store) []byte { return s.Fetch("k") }

type cache interface {
	Get(k string) string
	Flush() // want `method cache.Flush is never called through the interface: every implementation must provide it for nothing`
	Len() int
}

type memCache struct{}

func (*memCache) Get(k string) string { return k }
func (*memCache) Flush()              {}
func (*memCache) Len() int            { return 0 }

func useCache(c cache) string { return c.Get("x") }

var _ = useCache(&memCache{})

// The successor is implemented, the old version is not.
type processorV1 interface { // want `interface processorV1 has no implementation; processorV2 looks like its successor: remove processorV1`
	Process(in string) error
}

type processorV2 interface {
	Process()
	// ProcessV1 is called nowhere: the versioned method is redundant.
	ProcessV1() // want `method processorV2.ProcessV1 is never called through the interface; ProcessV2 looks like its successor: remove ProcessV1`
	ProcessV2()
}

type proc struct{}

func (proc) Process()   {}
func (proc) ProcessV1() {}
func (proc) ProcessV2() {}

func runProc(p processorV2) { p.Process(); p.ProcessV2() }

var _ = func() int { runProc(proc{}); return 0 }()

// A host-only contract: no in-tree implementation is demanded, but the
// host must call each method.
//
//pluginlint:contract
type hook interface {
	Run()
	Stop() // want `method hook.Stop of contract hook is never called by the host: every plugin must implement it for nothing`
}

func runHook(h hook) { h.Run() }

// A type of an import implements it (*bufio.Writer): silent.
type flusher interface {
	Flush() error
}

func flush(w io.Writer) {
	if f, ok := w.(flusher); ok {
		_ = f.Flush()
	}
	_ = bufio.NewWriter(w)
}

// A sum type: the marker method is never called, by design.
type shape interface {
	isShape()
	Area() float64
}

type square struct{ side float64 }

func (square) isShape()        {}
func (s square) Area() float64 { return s.side * s.side }

func area(s shape) float64 { return s.Area() }

var _ = area(square{})

// Standard methods, method values, method expressions, embedding.
type reader interface {
	Read(p []byte) (int, error)
	Name() string
	Size() int
}

type readCloser interface {
	reader
	Close() error
}

type file struct{}

func (file) Read(p []byte) (int, error) { return 0, nil }
func (file) Name() string               { return "" }
func (file) Size() int                  { return 0 }
func (file) Close() error               { return nil }

func names(rc readCloser) (string, int) {
	name := rc.Name         // a method value
	size := reader.Size(rc) // a method expression
	return name(), size
}

var _, _ = names(file{})

// Only a compile-time assertion "uses" this method: not a call.
type pinger interface {
	Ping() // want `method pinger.Ping is never called through the interface: every implementation must provide it for nothing`
}

type pingImpl struct{}

func (pingImpl) Ping() {}

var _ pinger = pingImpl{}

// Needed to satisfy another interface that is used: converting a
// closerLike to io.Closer needs Close, and io.Closer is used by callers.
type closerLike interface {
	Close() error
	Shutdown(force bool) error
}

func toCloser(c closerLike) io.Closer { return c }

type conn struct{}

func (conn) Close() error              { return nil }
func (conn) Shutdown(force bool) error { return nil }

type shutdowner interface{ Shutdown(bool) error }

func shut(c closerLike) { var s shutdowner = c; _ = s.Shutdown(true) }

var _ = toCloser(conn{})

// Generics: a generic interface implemented by a generic type, called
// through an instance.
type getter[T any] interface {
	Get() T
}

type box[T any] struct{ v T }

func (b box[T]) Get() T { return b.v }

func get() int {
	var g getter[int] = box[int]{}
	return g.Get()
}

// A constraint: its method is called through the type parameter.
type sizer interface {
	Bytes() int
	Unused() // want `method sizer.Unused is never called through the interface: every implementation must provide it for nothing`
}

func total[T sizer](xs []T) (n int) {
	for _, x := range xs {
		n += x.Bytes()
	}
	return n
}

// A constraint with type terms is no method contract.
type number interface {
	~int | ~float64
	String() string
}

// Exported interfaces of a library are the run-wide tier's to judge.
type Exported interface {
	Do()
}

// An unexported interface that the exported API accepts: other packages
// may implement it, so the run-wide tier decides.
type option interface{ apply() int }

func With(o option) int { return o.apply() }

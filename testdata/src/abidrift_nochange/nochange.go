// Package abidrift_nochange has a bit of everything, unchanged between
// the baseline and now: nothing is reported.
package abidrift_nochange

import (
	"context"
	"io"
	"time"
)

const (
	Big    = 1 << 70
	Third  = 1.0 / 3
	Letter = 'a'
	Greet  = "hello\n"
	Yes    = true
	Cplx   = 2i
)

const Timeout time.Duration = 5 * time.Second

type Level int

const Debug Level = -1

var Hook func(context.Context, ...string) (int, error)

type Reader interface {
	io.Reader
	Name() string
}

type sealed interface{ private() }

type Sealed interface {
	sealed
	Kind() string
}

type List[T any] struct {
	items []T
	next  *List[T]
}

func (l *List[T]) Push(v T) { l.items = append(l.items, v) }

func Map[T, U any](in []T, f func(T) U) []U { return nil }

type Number interface {
	~int | ~int64 | ~float64
}

func Sum[N Number](xs ...N) N {
	var s N
	for _, x := range xs {
		s += x
	}
	return s
}

type Alias = map[string][]byte

type Pair = List[int]

type Header struct {
	Name  string `json:"name"`
	Value []byte
	embedded
	*io.PipeReader
	ch   chan<- int
	fn   func() error
	arr  [4]uintptr
	when time.Time
}

type embedded struct{ ID int64 }

func (embedded) Identify() int64 { return 0 }

func NewHeader(ctx context.Context) (*Header, error) { return nil, nil }

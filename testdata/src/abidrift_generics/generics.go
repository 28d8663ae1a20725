// Package abidrift_generics has generic declarations and aliases.
package abidrift_generics

type Set[K comparable] map[K]bool // want `breaking: type Set changed from map\[int\]struct\{\} to map\[int\]bool since the baseline`

func (s Set[K]) Has(k K) bool { return s[k] }

func (s Set[K]) Add(k K) { s[k] = true } // want `compatible: method Set.Add added since the baseline`

type Pair[A, B any] struct {
	First  A
	Second B
}

type Tree[T comparable] struct { // want `breaking: type Tree changed from Tree\[T any\] to Tree\[T comparable\] since the baseline`
	Left, Right *Tree[T]
	Val         T
}

type Ints = Set[int]

type ID = int // want `breaking: type ID changed from string to int since the baseline`

type Handle int // want `breaking: type Handle changed from int to Handle since the baseline`

type Keep[T any] = Pair[T, T]

// Renamed renames its type parameter: no change.
func Renamed[U any](v U) U { return v }

func Index[S ~[]E, E comparable](s S, v E) int {
	for i := range s {
		if s[i] == v {
			return i
		}
	}
	return -1
}

func NewTree[T comparable]() *Tree[T] { return nil } // want `compatible: func NewTree added since the baseline`

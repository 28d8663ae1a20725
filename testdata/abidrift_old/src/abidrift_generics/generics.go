// Package abidrift_generics has generic declarations and aliases.
package abidrift_generics

type Set[K comparable] map[K]struct{}

func (s Set[K]) Has(k K) bool { _, ok := s[k]; return ok }

type Pair[A, B any] struct {
	First  A
	Second B
}

type Tree[T any] struct {
	Left, Right *Tree[T]
	Val         T
}

type Ints = Set[int]

type ID = string

type Handle = int

type Keep[T any] = Pair[T, T]

func Renamed[T any](v T) T { return v }

func Index[S ~[]E, E comparable](s S, v E) int { return -1 }

// Package redundantiface finds interfaces that no type implements, interfaces
// implemented only by test doubles, and interface methods nobody calls.
//
// (Skeleton: the full documentation comes with the analyzer.)
package redundantiface

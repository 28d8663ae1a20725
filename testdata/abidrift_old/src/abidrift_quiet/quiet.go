// Package abidrift_quiet only gains declarations; without -abidrift.all
// additions are not reported.
package abidrift_quiet

const Old = 1

type T struct{}

func (T) M() {}

// Package abidrift_quiet only gains declarations; without -abidrift.all
// additions are not reported.
package abidrift_quiet

const Old = 1

const New = 2

type T struct{}

func (T) M() {}

func (T) N() {}

func Added() {}

func helper() {}

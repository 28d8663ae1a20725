// Package abidrift_nobaseline is analysed without a baseline: silent.
package abidrift_nobaseline

func F() {}

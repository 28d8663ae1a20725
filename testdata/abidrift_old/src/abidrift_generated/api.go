// Package abidrift_generated has API declared in a generated file.
package abidrift_generated

func Hand() {}

// Package abidrift_generated has API declared in a generated file: its
// changes are reported at the package clause of a hand-written file.
package abidrift_generated // want `breaking: method \(\*Message\).GetID removed since the baseline`

func Hand() {}

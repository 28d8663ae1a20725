// Package abidrift compares the plugin surface with a baseline written from an
// earlier build and reports API breaks, layout drift and the version bump
// they imply.
//
// (Skeleton: the full documentation comes with the analyzer.)
package abidrift

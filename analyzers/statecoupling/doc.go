// Package statecoupling finds package-level state written without
// synchronization from entry points that the host calls concurrently.
//
// (Skeleton: the full documentation comes with the analyzer.)
package statecoupling

// Package files checks test and generated files: writes in them are not
// reported (test files unless -statecoupling.tests), but a generated
// handler still reaches hand-written helpers.
package files

var prodHits int

func bump() {
	prodHits++ // want `write to package-level var prodHits without holding a lock, reached from entry point Gen.ServeHTTP \(http.Handler\) via bump`
}

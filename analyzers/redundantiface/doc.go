// Package redundantiface finds interfaces that no type implements, interfaces
// implemented only by test doubles, and interface methods nobody calls.
//
// Every method of a plugin contract is work for every plugin author, and every
// interface is indirection every reader must follow; an interface nothing
// implements, or a method the host never calls, costs that for nothing.
// Linters that look at one package at a time get this wrong (most interfaces
// are implemented and called from other packages), so the verdicts that need
// the whole run come from the standalone command's run-wide step.
//
// # What it finds
//
// No implementation: an interface that no concrete type of the analysed
// program implements. Nothing can ever be stored in it; it is dead weight
// that readers must still understand.
//
//	type Store interface { Get(k string) []byte } // no type has Get(string) []byte
//
// reports "interface Store has no implementation in this program: remove it
// or add one". When a versioned successor sits beside it (ProcessorV1 and
// ProcessorV2), the message says so: "interface ProcessorV1 has no
// implementation; ProcessorV2 looks like its successor: remove ProcessorV1".
//
// Implemented only by test doubles: every implementation is declared in a
// _test.go file or in a generated mock (mockgen, mockery, counterfeiter, moq,
// minimock headers). The interface exists only so that tests can swap in a
// fake; production code never needs the indirection. The message names the
// doubles: "interface Store is implemented only by test doubles (fakeStore in
// store_test.go): production code never needs it". Turn this rule off with
// -redundantiface.test-doubles=false (doubles then count as implementations).
//
// Method never called: a method of an interface that no code calls through
// that interface, through an interface embedding it, or through a type
// parameter constrained by it; that is never taken as a method value
// (x.M) or method expression (I.M); that no type assertion checks for; and
// that is not needed to satisfy another interface that a value of the
// interface is converted to. Every implementation must still provide it, for
// nothing: "method Store.Flush is never called through the interface: every
// implementation must provide it for nothing". A compile-time assertion
// var _ I = (*T)(nil) is not a use. For a contract this is the dead-contract
// check: "method Plugin.Reload of contract Plugin is never called by the host:
// every plugin must implement it for nothing".
//
// # What it does not report
//
//   - Contracts (see the contracts helper: //pluginlint:contract, the
//     -redundantiface.contracts flag, plugin.Symbol assertions and the
//     built-in ones) are never reported for lacking an implementation:
//     plugins live elsewhere. Their methods are checked for callers, but
//     only when the run calls at least one of them: a contract none of
//     whose methods is called has its host outside the run (a plugin SDK,
//     or plugins linted apart from their host), unless -whole-program says
//     the run is everything. A host asserting a plugin.Symbol to the
//     contract is not a call of its methods, and a plugin's exported
//     variable of the contract type is no API handing values to unknown
//     callers (a main package is reached only through plugin.Lookup).
//   - Interfaces declared in dependencies, or in generated files. Generated
//     types still count as implementers, and generated code as callers.
//   - Methods with the shape of a standard interface's method (Error,
//     String, Read, Write, Close, Len/Less/Swap, MarshalJSON, ServeHTTP, …):
//     code that checks for the standard interface needs them.
//   - Unexported marker methods with no parameters or results (sum types).
//   - Methods whose name and signature some type assertion of the run checks
//     for (x.(interface{ Stop() error }), x.(LeaderElectionRunnable)): the
//     check finds them on the interface's implementations.
//   - An interface declared in a test file and implemented by test code is
//     implemented, not "implemented only by test doubles".
//   - Constraints with type terms (~int | ~float64). An interface used as
//     a constraint gets its implementations from type arguments, so it is
//     not reported for lacking one; its methods still need callers.
//   - Extension points of a library: an exported interface outside internal/
//     that the exported API accepts from outside code (a parameter, an
//     exported field or variable of that type, an exported interface's method
//     signature) is not reported for lacking an implementation: users supply
//     one. An interface the exported API hands to outside code (a result, an
//     exported field or variable) is not reported for never-called methods:
//     users may call them. Optional-behaviour interfaces (targets of type
//     assertions and type switches) are not reported for lacking an
//     implementation either: the values asserted may come from outside code.
//     With -redundantiface.whole-program all three exemptions are off, for
//     applications whose run is the whole program.
//
// Implementers are matched to interfaces by method names and signatures
// (with package paths), value and pointer receivers and promoted methods
// included; where generics are involved (a generic interface or a generic
// implementer, whose instantiation is unknown) by names and parameter and
// result counts. So a plugin package main that implements a host's
// interface without importing the host's package counts.
//
// # Two tiers
//
// The per-package tier (go vet, golangci-lint, the standalone command)
// judges only what one package can prove: interfaces no other package can
// see, that is unexported interfaces (and interfaces of a package main) that
// the exported API never mentions and that no type assertion targets (an
// asserted value may be of any type of the program). Their implementers and
// callers are all in the package, its test files and its direct imports. Under go vet the package is analysed
// twice, alone and with its tests; the run without tests reads the package's
// own _test.go files syntactically so that both runs agree.
//
// The run-wide tier needs the standalone command (go-plugin-lint ./...): it
// judges exported interfaces, and unexported ones the exported API mentions,
// against the implementers and callers of every package of the run,
// correlated by qualified name (package path, type, method). These findings
// never appear under go vet or golangci-lint, which see one package at a
// time. Run it over everything that implements and calls your interfaces:
// the findings are only as good as the run is complete (with -test=false the
// command loads no test files, so an interface implemented only by a test
// double is reported as having no implementation). Each package hands
// the run-wide step a small result (its interfaces with method signatures,
// its concrete types with method sets, and the keys of the methods and
// interfaces it uses); the analyzer exports no facts, so under go vet it
// runs on the packages named, not on every dependency.
//
// Types of dependencies outside the run count as implementations when the
// package declaring the interface imports them directly, or when code of the
// run converts one to the interface. With -whole-program, a type anywhere in
// the run's dependencies counts for an interface that code asserts to (a
// netConner interface satisfied by *tls.Conn, whose values arrive as
// net.Conn). An interface whose implementations come only from a dependency
// that nothing in the run converts, nor asserts to it, is still reported
// there: keep whole-program for applications.
//
// # Flags
//
//	-redundantiface.test-doubles=true    report interfaces implemented only by test doubles
//	-redundantiface.whole-program=false  the run is the whole program: drop the library exemptions
//	-redundantiface.contracts=pkg.I,...  extra contracts by fully qualified name
//
// Each finding carries a category: no-implementation, test-doubles-only,
// deprecated-twin, never-called or dead-contract.
package redundantiface

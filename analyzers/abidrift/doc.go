// Package abidrift compares the plugin surface with a baseline written from
// an earlier build and reports API breaks, layout drift and the version bump
// they imply.
//
// Hosts and plugins are built at different times. A change to a package they
// share (an interface plugins implement, a struct they exchange) can make
// plugins fail to compile, fail to load, or silently misread memory. abidrift
// tells the reviewer, at review time, what changed in that surface since a
// baseline, whether it breaks plugins, and which version bump it requires.
//
// # Baseline
//
// The baseline is written by the snapshot subcommand:
//
//	go-plugin-lint snapshot [-o FILE] [-rev GITREV] [-abidrift.scope=api|contracts] PATTERNS
//
// It is deterministic JSON (the same code gives the same bytes; no positions,
// timestamps or absolute paths) holding a format version, the module path,
// its latest release tag reachable from the snapshot's revision (when there
// is one), the go directive, the targets of the layouts (linux/amd64,
// linux/arm64 and linux/386, with word size and maximum alignment from the gc
// compiler), and, per package, sorted by name: constants with their exact
// values, variables and functions with full types including type parameters,
// types (alias or defined, with the underlying type; interfaces with their
// flattened method set and whether they are sealed; structs with every field,
// tag and embedding, and their size, alignment, field offsets and pointer
// words on each target), methods, the package's own unexported types that
// these need, and the types of other packages they name. Each declaration is
// recorded as one line of Go, so the old API can be type-checked again;
// -rev checks the revision out in a temporary git worktree (removed
// afterwards) and snapshots the same patterns there. With -abidrift.scope=api
// (the default) the baseline holds the exported API of the matched packages
// except main and internal packages; with -abidrift.scope=contracts, only the
// contracts and every type they reach. A reader rejects a newer format
// version, and names the file in a one-line error for a corrupt one.
//
// # Findings
//
// With -abidrift.baseline=FILE, each package is compared with its recorded
// API. The old declarations are type-checked against the current
// dependencies (or stand-ins built from the recorded type names, for packages
// no longer imported) and handed, with the current package, to
// golang.org/x/exp/apidiff, whose verdicts follow the Go compatibility rules.
// Each change is reported at the current declaration, removals at the package
// clause, with its class:
//
//   - breaking: code written against the baseline no longer compiles: a
//     declaration removed or changed, a signature changed, a constant's value
//     changed, a type that no longer implements an interface it implemented,
//     a method added to an interface. Adding a method to an interface breaks
//     every implementation outside the package: a type that satisfied the old
//     method set lacks the new method, so it no longer satisfies the
//     interface (the claim that "old implementations automatically satisfy
//     the new interface" is false). Only a sealed interface (one with an
//     unexported method, which no other package can implement) may gain
//     methods compatibly, and never a contract: plugins implement contracts
//     whatever their method set says.
//   - layout: a struct of the surface changed size, alignment, field offsets
//     or pointer words on a target, even when the change is compatible at the
//     source level (fields reordered, an unexported field added, a field of
//     another package's type that grew). Code that shares the memory of such
//     a struct across a binary boundary (cgo, mmap'ed files, unsafe casts,
//     prebuilt plugins) now reads it wrongly. Not repeated for a struct that
//     already has a breaking change.
//   - compatible: additions; reported only with -abidrift.all.
//
// For example, with a baseline holding
//
//	type Store interface{ Get(key string) ([]byte, error) }
//	func Open(path string) error
//
// and the code now reading
//
//	type Store interface {
//		Get(key string) ([]byte, error)
//		Put(key string, value []byte) error
//	}
//	func Open(path string, mode int) error
//
// abidrift reports
//
//	breaking: method Put added to interface Store since the baseline: types outside the package that implemented Store lack it and no longer satisfy it
//	breaking: func Open changed from func(string) error to func(string, int) error since the baseline: code written against the old declaration no longer compiles
//
// Declarations of test files (in a package's test variant) are not API.
// Changes to declarations in generated files are reported at the package
// clause, never inside the generated file.
//
// # Run-wide step (standalone command only)
//
// After every package was compared, the standalone command adds:
//
//   - breaking: package P removed since the baseline, for a recorded package
//     missing from the run (run the check on the same patterns as the
//     snapshot);
//   - plugin: for a changed package shared by a host and native plugins (one
//     that a plugin's main package, a package main without func main,
//     imports, or that declares an interface a host asserts a plugin.Symbol
//     to): every plugin must be rebuilt, since plugin.Open rejects a plugin
//     whose copy of a shared package differs from the host's, even by a moved
//     line;
//   - summary: the counts of the run and the version bump they require,
//     following gorelease: a breaking change requires a new major version (or
//     a minor one below v1), compatible additions a minor one, anything else
//     a patch. The major version comes from the recorded release tag or the
//     module path's /vN suffix, and the message names the next version and
//     module path, for example "summary: 3 breaking, 1 layout, 2 compatible
//     changes since the baseline: a major version bump is required (v1.4.2 →
//     v2.0.0, module path example.com/m/v2)". The summary is given when
//     something is reported (breaking or layout changes, or any change with
//     -abidrift.all).
//
// go vet and golangci-lint run the per-package comparison only; give them
// the baseline as an absolute path (go vet runs the tool in each package's
// directory).
//
// # Flags
//
//	-abidrift.baseline=FILE   the baseline to compare with; without it abidrift reports nothing
//	-abidrift.scope=api       what the baseline covers: api or contracts (must match the baseline)
//	-abidrift.all             also report compatible changes
//	-abidrift.contracts=LIST  extra contracts, as comma-separated pkg/path.Name
//
// # Limits
//
// One deliberate departure from apidiff: a defined type moved to another
// package with an alias left under the old name (type Object =
// cacheapi.Object) is a compatible move, reported with -abidrift.all, not a
// change of every declaration that uses the type (apidiff matches types of
// other packages by path and name); changes to the moved type's own
// declaration are then not compared.
//
// apidiff's verdicts are otherwise the reference, including its blind spots: a change
// to a generic function's type parameter constraints is not reported, and a
// method added to an interface is reported once, at the interface declaring
// it, not at every interface embedding it. An interface embedding another
// package's interface that has unexported methods is recorded with those
// methods as its own. Struct layouts are computed for the default targets
// only.
package abidrift

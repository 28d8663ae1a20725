package redundantiface

import "go/token"

// Result is what one package tells the run-wide step: the interfaces it
// declares, the concrete types it declares with their method sets, and the
// ways its code uses interfaces. Everything is keyed by qualified names
// (package path, type name, method name), never by types.Object identity:
// a package and its test variant are type-checked twice in one run, so
// identity would split one interface into two. Positions are in the run's
// FileSet.
type Result struct {
	Path   string // package path
	Config Config // settings the pass ran with; the run-wide step obeys them

	Ifaces []*Iface // declared named interfaces, in source order
	Impls  []*Impl  // declared concrete types that have methods

	// Method keys ("pkg.Iface.Method") that code here calls, takes as a
	// method value or expression, checks by type assertion, or needs to
	// satisfy another interface.
	Used []string
	// Interface keys whose implementations the exported API accepts from
	// outside code (extension points).
	Accepted []string
	// Method keys of interfaces whose values the exported API hands to
	// outside code, which may call them.
	Exposed []string
	// Interface keys used as type-assertion or type-switch targets
	// (optional-behaviour interfaces).
	AssertTargets []string
	// Methods that type assertions check for, as "methodID signature":
	// an interface method of that shape is needed by the check.
	AssertedMethods []string
	// Interface keys used as type-parameter constraints.
	Constraints []string
	// Interface keys that plugin.Symbol values are asserted to (contracts
	// learned from host code, possibly declared in another package).
	Contracts []string
	// Interface keys that some value of a type not declared here (a
	// dependency's type, another interface, a type parameter) is
	// converted to: evidence of a production implementation.
	Implemented []string
}

// Iface is one declared named interface.
type Iface struct {
	Key  string // "pkg/path.Name"
	Name string
	Pos  token.Pos
	File string // base name of the declaring file

	Exported   bool
	Local      bool // the per-package tier decides it: no importer can see it
	Generated  bool // declared in a generated file: never reported
	Test       bool // declared in a test file: test types are its real implementations
	Contract   bool // a contract as the declaring package knows it
	Constraint bool // has type terms: only usable as a constraint
	Generic    bool
	Internal   bool // under an internal/ directory
	Main       bool // declared in package main

	Methods []Method // the full method set, embedded methods included
}

// Method is one method of an interface's method set.
type Method struct {
	ID   string // name, qualified by package path when unexported
	Name string
	Key  string // "pkg/path.Iface.Method" of the declaring interface
	Sig  string // signature with package paths
	Pos  token.Pos
	Own  bool // declared in this interface, not embedded
	// Loose: the signature mentions a type parameter, so it is compared
	// by parameter and result counts only.
	Loose  bool
	Params int
	Res    int
	Exempt string // why the method is never "never called" ("" if none)
}

// Impl is one declared concrete type with methods (its pointer's method
// set, promoted methods included).
type Impl struct {
	Key     string
	Name    string
	File    string
	Double  bool // declared in a test file or a generated mock
	Generic bool
	Methods map[string]ImplMethod // by method ID
}

// ImplMethod is one method of a concrete type.
type ImplMethod struct {
	Sig         string
	Params, Res int
}

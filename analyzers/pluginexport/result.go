package pluginexport

import (
	"go/token"
	"slices"
	"strings"
)

// Result is what one package contributes to the run-wide cross-check: the
// symbols it exports if it is a native plugin, and the lookups it makes if
// it is a host. Everything is plain data, compared by canonical strings,
// so that Correlate is a pure function of the results.
type Result struct {
	Path string // package path
	// Plugin says the package is a native plugin (package main without
	// func main, or named by the plugins flag).
	Plugin bool
	// PluginPos is the plugin's package clause, where findings about the
	// plugin as a whole go.
	PluginPos token.Pos
	Exports   []Export // sorted by name
	Lookups   []Lookup // in source order
}

// Kind is what a plugin's package-level name declares.
type Kind string

// The kinds of package-level declarations; only KindVar and KindFunc are
// found by plugin.Lookup.
const (
	KindVar     Kind = "var"
	KindFunc    Kind = "func"
	KindConst   Kind = "const"
	KindType    Kind = "type"
	KindGeneric Kind = "generic func"
)

// Export is a package-level declaration of a plugin.
type Export struct {
	Name string
	Kind Kind
	// Type is the declared type (the signature for a function), canonical
	// with package paths.
	Type string
	// Symbol is the canonical type of the value that Lookup returns: *T for
	// a variable of type T, the signature for a function; "" otherwise.
	Symbol string
	// SymbolSource is Symbol with package names, as a host would write it.
	SymbolSource string
	// Methods is the method set of the symbol's type (methodKeys).
	Methods []string
	// Local says a variable's type is declared in the plugin itself, so no
	// host can name it; Interface says it is an interface type.
	Local, Interface bool
	Pos              token.Pos
	Pkg              string // plugin package path, for messages
}

// Lookup is one (*plugin.Plugin).Lookup call with a constant name.
type Lookup struct {
	Name string
	Pos  token.Pos
	// Group numbers the *plugin.Plugin variable the lookup is made on, from
	// 1 within its package; lookups on one variable are made in one plugin.
	// 0 when the receiver is not a plain variable.
	Group      int
	Assertions []Assertion
}

// Assertion is a type assertion (or type switch case) on the symbol a Lookup returned.
type Assertion struct {
	Pos     token.Pos
	Type    string // canonical, with package paths
	Source  string // the type as written, for messages
	Operand string // the symbol variable's name, for messages
	// Interface says Type is an interface type; Methods then lists what it requires.
	Interface bool
	Methods   []string
	// Never says no plugin symbol can have the type (a named func type, a
	// non-pointer concrete type): the per-package rule reports it already.
	Never bool
}

// Looks reports whether r looks the name up.
func (r *Result) Looks(name string) bool {
	return slices.ContainsFunc(r.Lookups, func(l Lookup) bool { return l.Name == name })
}

// Export returns the plugin's declaration of name, if any.
func (r *Result) Export(name string) (Export, bool) {
	i, ok := slices.BinarySearchFunc(r.Exports, name, func(e Export, n string) int { return strings.Compare(e.Name, n) })
	if !ok {
		return Export{}, false
	}
	return r.Exports[i], true
}

func sortStrings(s []string) { slices.Sort(s) }

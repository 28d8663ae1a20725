// Package pluginexport checks native plugins' exported symbols and the
// host's use of plugin.Open and Lookup, and cross-checks each Lookup with
// what the plugins of the run really export.
//
// Go native plugins (go build -buildmode=plugin, opened with plugin.Open)
// fail at run time, far from the code that is wrong. The best known case:
//
//	// plugin
//	var ProcessorImpl api.Processor = &impl{}
//
//	// host
//	sym, err := p.Lookup("ProcessorImpl")
//	...
//	proc := sym.(api.Processor) // panics: Lookup gives *api.Processor
//
// Lookup of a package-level variable V of type T returns a *T; of a
// function, the function value with its unnamed signature type. Constants,
// types, unexported names and generic functions are never found. The host
// must write
//
//	pp, ok := sym.(*api.Processor)
//	if !ok {
//		return fmt.Errorf("ProcessorImpl has type %T", sym)
//	}
//	proc := *pp
//
// # Which packages are plugins and hosts
//
// A package main without func main is a native plugin. A package main with
// func main is a program (hashicorp/go-plugin RPC plugins are programs and
// are not native plugins). The plugins flag names more packages. A host is
// a package that imports "plugin". Packages that are neither (compile-time
// registries such as caddy modules or coredns plugins) get no findings.
//
// # Host-side rules (every mode)
//
//   - The error of plugin.Open or (*plugin.Plugin).Lookup is discarded,
//     assigned to _, or stored in a variable that is never read before it is
//     overwritten: a failed Open leaves a nil *plugin.Plugin, a failed Lookup
//     a nil plugin.Symbol, and the next use panics.
//   - A single-value type assertion on a plugin.Symbol, sym.(T) or
//     *sym.(*T): it panics when the plugin exports another type or was built
//     against another version of T's package. The suggested fix rewrites
//     v := sym.(T) into the comma-ok form followed by
//     if !ok { return ..., fmt.Errorf(...) }, and is offered only where that
//     is certainly safe: a plain short variable declaration in a block of a
//     function whose last result is error and whose other results have
//     literal zero values, in a file that imports fmt, where ok is free (or a
//     bool of the same scope).
//   - An assertion (or type switch case) that can never succeed whatever the
//     plugin exports: to a named func type such as http.HandlerFunc (a
//     function's symbol has an unnamed signature type, a variable's is a
//     pointer), or to a type that is neither a pointer, an interface nor an
//     unnamed func type. Whether *func(...) is right depends on the plugin
//     (right for a func-typed variable, wrong for a function declaration):
//     the cross-check decides.
//
// Test files are left out of the first two rules (a test that panics fails
// anyway); nothing is reported in generated files.
//
// # Plugin-side rules (every mode)
//
//   - Required exports, set with the require flag (default Init:func() error,
//     the convention this suite adopts): missing, declared as a variable where
//     a function is required (Lookup then gives a pointer), declared with
//     another type, or as a constant, type or generic function. Declarations
//     in test files do not count; those in generated files do.
//   - An exported variable of a pointer type declared in the plugin whose
//     value satisfies an imported contract (var ProcessorImpl = &impl{}):
//     Lookup gives **impl, which has no methods and which no host can name.
//     Declare it with the contract type and assert a pointer to the contract
//     in the host. A variable of the struct type itself (var ProcessorImpl
//     impl) works, since the *impl that Lookup gives has the methods, and is
//     not reported.
//   - Imports that the deny-imports flag forbids in plugins, for example to
//     make plugins use a host-provided HTTP client instead of net/http.
//   - Exported constants and generic functions that nothing in the plugin
//     uses: they look meant for hosts, but Lookup never finds them.
//
// # Cross-check (standalone command only)
//
// A host and its plugins never import each other, so only the run-wide step
// of the standalone command (go-plugin-lint ./...) can match them. When the
// run holds plugins and hosts, each Lookup whose name is a constant string
// is matched with the package-level declarations of every plugin of the
// run, types being compared by canonical strings with full package paths:
//
//   - a name that no plugin exports as a variable or function is reported at
//     the Lookup, with what the plugins declare under that name instead
//     (a constant, a type, an unexported or a generic function);
//   - an assertion on the symbol that fails for a plugin is reported at the
//     assertion, naming the plugin's declaration and the type Lookup gives:
//     a variable asserted to its own type instead of a pointer, a function
//     asserted to a pointer, a plugin that declares its own copy of the
//     host's interface (*main.Processor is not *api.Processor), a concrete
//     variable whose type the host cannot name. A host that tries several
//     forms (a type switch, a chain of comma-ok assertions) needs only one
//     to match;
//   - a plugin that does not export a name that every host of the run looks
//     up is reported at its package clause.
//
// Lookups with a name from configuration cannot be checked and are left
// alone, as are lookups in test files (tests may probe missing symbols).
// go vet and golangci-lint run only the per-package rules.
//
// # Flags
//
//	-pluginexport.require=LIST
//		exports every plugin must provide, comma-separated NAME or
//		NAME:TYPE entries, e.g. "Init:func() error,Version:string".
//		Commas inside (), [] and {} belong to the type, so
//		"Init:func(context.Context, map[string]string) error" is one entry.
//		A func TYPE asks for a function declaration of that signature
//		(parameter names do not matter), any other TYPE for a variable of
//		that type, no TYPE for any variable or function; packages are
//		written by their package name, as in source. Setting the flag
//		replaces the default Init:func() error; an empty value requires
//		nothing.
//	-pluginexport.deny-imports=PATTERNS
//		package path patterns plugins may not import (default none);
//		"..." matches any string, as in the go command ("net/http/...").
//	-pluginexport.plugins=PATTERNS
//		packages to treat as native plugins besides every package main
//		without func main; a listed package that is not package main is
//		reported, since -buildmode=plugin builds only package main.
//	-pluginexport.contracts=NAMES
//		extra contract interfaces, fully qualified (pkg/path.Name).
//
// In golangci-lint the settings keys are the flag names: require,
// deny-imports, plugins, contracts; each takes a comma-separated string or
// a YAML list.
package pluginexport

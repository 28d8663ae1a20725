// Command host loads plugins.
package main

import (
	"fmt"
	"os"
	"plugin"

	"pluginexport_xcheck/api"
)

func load(path, configured string) error {
	p, err := plugin.Open(path)
	if err != nil {
		return err
	}
	sym, err := p.Lookup("Impl")
	if err != nil {
		return err
	}
	// The classic mistake: a variable's symbol is a pointer.
	if proc, ok := sym.(api.Processor); ok { // wantrun `assertion to api\.Processor fails for plugin pluginexport_xcheck/pvar: Impl is a variable of type pluginexport_xcheck/api\.Processor \(pvar\.go:\d+\), so Lookup gives \*pluginexport_xcheck/api\.Processor, and a pointer to an interface has no methods: assert \*sym\.\(\*api\.Processor\)` `assertion to api\.Processor fails for plugin pluginexport_xcheck/predecl: .*the plugin declares its own Processor instead of using pluginexport_xcheck/api\.Processor` `assertion to api\.Processor fails for plugin pluginexport_xcheck/pfunc: Impl is a function of type func\(string\) \(string, error\) \(pfunc\.go:\d+\), so Lookup gives func\(string\) \(string, error\), and functions have no methods: assert sym\.\(func\(string\) \(string, error\)\)` `assertion to api\.Processor fails for plugin pluginexport_xcheck/pconst: Impl is a variable of type any \(pconst\.go:\d+\), so Lookup gives \*any, and a pointer to an interface has no methods: assert \*sym\.\(\*any\)`
		fmt.Println(proc)
	}

	// Works for every plugin that exports it as a function.
	h, err := p.Lookup("Handle")
	if err != nil {
		return err
	}
	if f, ok := h.(func(string) (string, error)); ok {
		fmt.Println(f("x"))
	}

	// A variable's symbol is a pointer, a function's is the function.
	hook, err := p.Lookup("Hook")
	if err != nil {
		return err
	}
	if f, ok := hook.(*func() error); ok { // wantrun `assertion to \*func\(\) error fails for plugin pluginexport_xcheck/pfunc: Hook is a function of type func\(\) error \(pfunc\.go:\d+\), so Lookup gives func\(\) error: assert hook\.\(func\(\) error\)`
		fmt.Println(f)
	}

	// Several forms tried: one matching is enough.
	ver, err := p.Lookup("Version")
	if err != nil {
		return err
	}
	switch v := ver.(type) {
	case *string:
		fmt.Println(*v)
	case func() string:
		fmt.Println(v())
	}

	if _, err := p.Lookup("Only"); err != nil { // wantrun `Lookup\("Only"\) fails for every plugin in this run: none exports Only; plugin pluginexport_xcheck/pconst declares it as a constant at pconst\.go:\d+, which Lookup cannot find \(only variables and functions are symbols\)`
		return err
	}
	if _, err := p.Lookup("Generic"); err != nil { // wantrun `Lookup\("Generic"\) fails for every plugin in this run: none exports Generic; plugin pluginexport_xcheck/pconst declares it as a generic function`
		return err
	}
	if _, err := p.Lookup("unexported"); err != nil { // wantrun `declares it as an unexported variable at pconst\.go:\d+, which Lookup cannot find \(only exported names are symbols\)`
		return err
	}
	if _, err := p.Lookup("Nowhere"); err != nil { // wantrun `Lookup\("Nowhere"\) fails for every plugin in this run: none exports Nowhere \(plugins: pluginexport_xcheck/pconst, pluginexport_xcheck/pfunc, pluginexport_xcheck/pimpl, pluginexport_xcheck/predecl, pluginexport_xcheck/pvar\)`
		return err
	}
	// A name from configuration cannot be checked.
	if _, err := p.Lookup(configured); err != nil {
		return err
	}
	return nil
}

func main() {
	if err := load(os.Args[1], os.Args[2]); err != nil {
		fmt.Println(err)
	}
}

// Command host2 is a second host: it looks up Processor and Version too, so
// those are what every host looks up.
package main

import (
	"fmt"
	"os"
	"plugin"

	"pluginexport_xcheck/api"
)

func main() {
	p, err := plugin.Open(os.Args[1])
	if err != nil {
		panic(err)
	}
	sym, err := p.Lookup("Impl")
	if err != nil {
		panic(err)
	}
	// Right for pvar; pimpl's *impl is not *api.Processor.
	if proc, ok := sym.(*api.ProcessorAlias); ok { // wantrun `assertion to \*api\.ProcessorAlias fails for plugin pluginexport_xcheck/pimpl: Impl is a variable of type pluginexport_xcheck/pimpl\.impl \(pimpl\.go:\d+\), so Lookup gives \*pluginexport_xcheck/pimpl\.impl, whose type the plugin declares itself` `assertion to \*api\.ProcessorAlias fails for plugin pluginexport_xcheck/predecl: .*the plugin declares its own Processor instead of using pluginexport_xcheck/api\.Processor` `assertion to \*api\.ProcessorAlias fails for plugin pluginexport_xcheck/pfunc` `assertion to \*api\.ProcessorAlias fails for plugin pluginexport_xcheck/pconst: Impl is a variable of type any`
		fmt.Println(*proc)
	}
	v, err := p.Lookup("Version")
	if err != nil {
		panic(err)
	}
	_ = v
}

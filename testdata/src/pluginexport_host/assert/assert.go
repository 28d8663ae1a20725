package assert

import (
	"fmt"
	"plugin"

	"pluginexport_host/api"
)

func classic(p *plugin.Plugin) (api.Processor, error) {
	sym, err := p.Lookup("ProcessorImpl")
	if err != nil {
		return nil, err
	}
	proc := sym.(api.Processor) // want `single-value assertion sym\.\(api\.Processor\) on a plugin\.Symbol panics when the plugin exports another type; use the comma-ok form and return an error`
	return proc, nil
}

func pointer(p *plugin.Plugin) (int, string, error) {
	sym, err := p.Lookup("Processor")
	if err != nil {
		return 0, "", err
	}
	pp := sym.(*api.Processor) // want `single-value assertion sym\.\(\*api\.Processor\)`
	_ = pp
	return 1, "", nil
}

func deref(p *plugin.Plugin) (api.Processor, error) {
	sym, err := p.Lookup("Processor")
	if err != nil {
		return nil, err
	}
	return *sym.(*api.Processor), nil // want `single-value assertion sym\.\(\*api\.Processor\)`
}

// No fix: the struct result has no literal zero value.
func noFix(p *plugin.Plugin) (api.Config, error) {
	sym, err := p.Lookup("Config")
	if err != nil {
		return api.Config{}, err
	}
	c := sym.(*api.Config) // want `single-value assertion`
	return *c, nil
}

// No fix: no error result.
func noError(sym plugin.Symbol) {
	f := sym.(func()) // want `single-value assertion`
	f()
}

// No fix: ok is a string here.
func okTaken(sym plugin.Symbol) (func(), error) {
	ok := "yes"
	f := sym.(func()) // want `single-value assertion`
	_ = ok
	return f, nil
}

// Fix: ok is a bool of the same scope.
func okBool(sym plugin.Symbol) (func(), error) {
	ok := false
	f := sym.(func()) // want `single-value assertion`
	_ = ok
	return f, nil
}

// Silent twins: comma-ok and type switches.

func commaOK(p *plugin.Plugin) (api.Processor, error) {
	sym, err := p.Lookup("Processor")
	if err != nil {
		return nil, err
	}
	pp, ok := sym.(*api.Processor)
	if !ok {
		return nil, fmt.Errorf("Processor has type %T", sym)
	}
	var f, ok2 = sym.(func())
	_, _ = f, ok2
	return *pp, nil
}

func typeSwitch(sym plugin.Symbol) string {
	switch s := sym.(type) {
	case *api.Processor:
		return fmt.Sprint(s)
	case func() error:
		return "func"
	case nil:
		return "nil"
	}
	return ""
}

// Not a plugin.Symbol: not our business.
func other(x any) api.Processor { return x.(api.Processor) }

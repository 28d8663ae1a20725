// Package host loads plugins and uses the api interfaces.
package host

import (
	"fmt"
	"plugin"

	"redundantiface_xpkg/api"
	"redundantiface_xpkg/impl"
)

// Load opens a plugin and greets through its Greeter.
func Load(path string) (string, error) {
	p, err := plugin.Open(path)
	if err != nil {
		return "", err
	}
	sym, err := p.Lookup("Greeter")
	if err != nil {
		return "", err
	}
	g := *sym.(*api.Greeter)
	return g.Greet("host"), nil
}

// Use calls through the interfaces.
func Use(s api.Store, p api.ProcessorV2, f api.Formatter, x any) string {
	_ = p.Process(nil, nil)
	if fl, ok := x.(api.Flusher); ok {
		_ = fl.FlushAll()
	}
	var g api.Getter[int] = impl.Box[int]{V: 1}
	_ = g.Value()
	var st api.Stopper
	_ = st.Start()
	stop(st)
	var w api.Warmer
	_ = w.Warmup(1)
	var inf api.Informers
	o, _ := inf.Informer(nil)
	return string(s.Get("k")) + f.FormatLine("x") + o.Kind()
}

// Default wires the in-tree implementations.
func Default() string {
	return Use(&impl.MemStore{}, impl.Proc{}, nil, nil)
}

// it iterates.
func it() {
	i := api.Iter()
	for i.Next() {
	}
}

var _ = it

func stop(x any) {
	if s, ok := x.(interface{ Stop() error }); ok {
		_ = s.Stop()
	}
}

// fder is satisfied by *os.File, which the package reaches only through
// fmt: even whole-program mode finds that implementation.
type fder interface{ Fd() uintptr }

func fd(w any) string {
	if f, ok := w.(fder); ok {
		return fmt.Sprint(f.Fd())
	}
	return ""
}

var _ = fd

// LoadLoader asserts the symbol to the contract itself (the plugin exports
// a variable, so this is wrong at run time: pluginexport's business) and
// calls only Load.
func LoadLoader(p *plugin.Plugin) error {
	sym, err := p.Lookup("Loader")
	if err != nil {
		return err
	}
	if l, ok := sym.(api.Loader); ok {
		return l.Load()
	}
	return fmt.Errorf("Loader has type %T", sym)
}

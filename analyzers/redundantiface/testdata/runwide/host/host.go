// Command host loads plugins and uses the api interfaces.
package main

import (
	"fmt"
	"os"
	"plugin"

	"example.com/runwide/api"
	"example.com/runwide/impl"
)

// cleaner has no implementation: the per-package tier decides it alone.
type cleaner interface { // pkg `interface cleaner has no implementation in this program: remove it or add one`
	Clean(dir string) error
}

func clean(c cleaner) error { return c.Clean("/tmp") }

func load(path string) (string, error) {
	p, err := plugin.Open(path)
	if err != nil {
		return "", err
	}
	sym, err := p.Lookup("Greeter")
	if err != nil {
		return "", err
	}
	g, ok := sym.(*api.Greeter)
	if !ok {
		return "", fmt.Errorf("%s: Greeter is %T, not *api.Greeter", path, sym)
	}
	return (*g).Greet("host"), nil
}

func use(s api.Store, p api.ProcessorV2) string {
	_ = p.Process(nil, nil)
	var g api.Getter[int] = impl.Box[int]{V: 1}
	_ = g.Value()
	return string(s.Get("k"))
}

func main() {
	fmt.Println(use(&impl.MemStore{}, impl.Proc{}))
	if len(os.Args) > 1 {
		fmt.Println(load(os.Args[1]))
	}
	_ = clean
}

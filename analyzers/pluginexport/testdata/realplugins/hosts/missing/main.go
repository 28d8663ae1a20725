// Host missing looks up a symbol that no plugin exports.
package main

import (
	"fmt"
	"plugin"

	"example.com/realplugins/internal/load"
)

func main() {
	load.Run(func(path string) (string, error) {
		p, err := plugin.Open(path)
		if err != nil {
			return "", err
		}
		sym, err := p.Lookup("Processor")
		if err != nil {
			return "", err
		}
		f, ok := sym.(func(string) (string, error))
		if !ok {
			return "", fmt.Errorf("Processor has type %T", sym)
		}
		return f("x")
	})
}

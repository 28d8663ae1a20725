// Host ptr asserts a pointer to the interface: right for a variable
// declared with the interface type.
package main

import (
	"fmt"
	"plugin"

	"example.com/realplugins/api"
	"example.com/realplugins/internal/load"
)

func main() {
	load.Run(func(path string) (string, error) {
		p, err := plugin.Open(path)
		if err != nil {
			return "", err
		}
		sym, err := p.Lookup("ProcessorImpl")
		if err != nil {
			return "", err
		}
		pp, ok := sym.(*api.Processor)
		if !ok {
			return "", fmt.Errorf("ProcessorImpl has type %T", sym)
		}
		return (*pp).Process("x")
	})
}

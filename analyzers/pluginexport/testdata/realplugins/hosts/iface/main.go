// Host iface asserts the interface: right for a concrete variable whose
// pointer has the methods.
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
		proc, ok := sym.(api.Processor)
		if !ok {
			return "", fmt.Errorf("ProcessorImpl has type %T", sym)
		}
		return proc.Process("x")
	})
}

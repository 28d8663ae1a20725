// Host classic makes the classic mistake: asserting a variable's symbol to
// the interface itself.
package main

import (
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
		proc := sym.(api.Processor)
		return proc.Process("x")
	})
}

// Host unchecked ignores the errors of Open and Lookup.
package main

import (
	"fmt"
	"plugin"

	"example.com/realplugins/internal/load"
)

func main() {
	load.Run(func(path string) (string, error) {
		p, _ := plugin.Open(path + ".typo")
		sym, _ := p.Lookup("Process")
		f, ok := sym.(func(string) (string, error))
		if !ok {
			return "", fmt.Errorf("Process has type %T", sym)
		}
		return f("x")
	})
}

// Host ptrfunc asserts a function declaration's symbol to a pointer to
// its signature, which is right only for a func-typed variable.
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
		sym, err := p.Lookup("Process")
		if err != nil {
			return "", err
		}
		f, ok := sym.(*func(string) (string, error))
		if !ok {
			return "", fmt.Errorf("Process has type %T", sym)
		}
		return (*f)("x")
	})
}

// Command host opens each argument with plugin.Open, in order, and prints
// "ARG: loads" or "ARG: ERROR": the format abicheck's text output uses.
package main

import (
	"fmt"
	"os"
	"plugin"

	"example.com/app/shared"
	"example.com/dep"
)

func main() {
	_, _ = shared.Name(), dep.Version()
	for _, path := range os.Args[1:] {
		if _, err := plugin.Open(path); err != nil {
			fmt.Printf("%s: %v\n", path, err)
			continue
		}
		fmt.Printf("%s: loads\n", path)
	}
}

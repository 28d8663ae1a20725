// Command host opens two kinds of plugins, each on its own variable (as
// delve's plugin fixtures do): a plugin of one kind is not expected to
// export the other kind's symbols.
package main

import (
	"fmt"
	"os"
	"plugin"
)

func main() {
	plugA, err := plugin.Open(os.Args[1])
	if err != nil {
		panic(err)
	}
	plugB, err := plugin.Open(os.Args[2])
	if err != nil {
		panic(err)
	}
	a, err := plugA.Lookup("A")
	if err != nil {
		panic(err)
	}
	a2, err := plugA.Lookup("A2")
	if err != nil {
		panic(err)
	}
	b, err := plugB.Lookup("B")
	if err != nil {
		panic(err)
	}
	fmt.Println(a, a2, b)
}

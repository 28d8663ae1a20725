// Package load is shared by the hosts: it runs one attempt and prints OK or
// the error or recovered panic, so the test can tell what really happens.
package load

import (
	"fmt"
	"os"
)

// Run calls try with the plugin path from the command line and prints the outcome.
func Run(try func(path string) (string, error)) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("FAIL: panic:", r)
		}
	}()
	out, err := try(os.Args[1])
	if err != nil {
		fmt.Println("FAIL:", err)
		return
	}
	fmt.Println("OK:", out)
}

// Package main with func main is a program (an RPC plugin, say), not a
// native plugin: no plugin rules apply.
package main

const Version = "1"

var Impl = &struct{}{}

func main() {}

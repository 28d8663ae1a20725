// Command plugin is a -buildmode=plugin plugin: it implements the host's
// Greeter and Formatter without importing the api package.
package main

type greeter struct{}

func (greeter) Greet(name string) string   { return "hello " + name }
func (greeter) Farewell() string           { return "bye" }
func (greeter) FormatLine(s string) string { return s }

// Greeter is looked up by the host.
var Greeter = greeter{}

func main() {}

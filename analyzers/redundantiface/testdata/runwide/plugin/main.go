// Command plugin is built with -buildmode=plugin: it implements the host's
// Greeter without importing the api package.
package main

type greeter struct{}

func (greeter) Greet(name string) string { return "hello " + name }
func (greeter) Farewell() string         { return "bye" }

// Greeter is looked up by the host.
var Greeter = greeter{}

func main() {}

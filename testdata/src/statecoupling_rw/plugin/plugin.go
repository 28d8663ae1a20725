// Package plugin implements api.Greeter without importing api: only the
// run-wide step knows Greet is an entry point.
package main

var greeted = map[string]int{}

var setups int

type greeter struct{}

func (greeter) Setup() {
	setups++ // silent: Setup is a //pluginlint:once hook of api.Greeter
}

func (greeter) Greet(name string) string {
	greeted[name]++ // no diagnostic from the pass: reported by the run-wide step
	return "hello " + name
}

func (greeter) Other() {
	greeted["other"]++ // silent: not a method of the contract
}

var Greeter greeter

func main() {}

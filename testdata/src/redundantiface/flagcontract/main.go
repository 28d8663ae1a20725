// Command flagcontract is checked with
// -contracts=redundantiface/flagcontract.Plugin: the host declares the
// contract, plugins implement it elsewhere, and the host never calls Stop.
package main

// Plugin is a contract by flag, not by directive.
type Plugin interface {
	Start()
	Stop() // want `method Plugin.Stop of contract Plugin is never called by the host: every plugin must implement it for nothing`
}

func start(p Plugin) { p.Start() }

func main() { _ = start }

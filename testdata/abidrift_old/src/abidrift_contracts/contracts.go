// Package abidrift_contracts is recorded with -abidrift.scope=contracts:
// the contract and what it reaches.
package abidrift_contracts

//pluginlint:contract
type Handler interface {
	Handle(*Request) Response
}

type Request struct {
	Path   string
	Header map[string]string
}

type Response struct {
	Code int
}

type Unrelated struct {
	X int
}

func Helper() {}

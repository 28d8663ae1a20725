// Package abidrift_contracts is recorded with -abidrift.scope=contracts:
// the contract and what it reaches.
package abidrift_contracts

//pluginlint:contract
type Handler interface {
	Handle(*Request) Response
	Close() error // want `breaking: method Close added to contract Handler since the baseline`
}

type Request struct { // want `breaking: field Request.Header removed since the baseline`
	Path string
}

type Response struct {
	Code int
}

// Unrelated is outside the contracts' reach: its change is not reported.
type Unrelated struct{}

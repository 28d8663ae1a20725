// Package contract holds a //pluginlint:contract interface with a
// //pluginlint:once lifecycle hook, and rule 3: call- and host-scoped
// values stashed in package-level state.
package contract

import (
	"context"
	"net/http"
	"sync"
)

// Host is what the host hands a plugin at Init.
type Host interface{ Log(string) }

// Plugin is implemented by plugins and called by the host.
//
//pluginlint:contract
type Plugin interface {
	// Init is called once, before any Handle.
	//
	//pluginlint:once
	Init(h Host) error
	Handle(ctx context.Context, key string) error
}

var (
	configured bool
	host       Host
	lastCtx    context.Context
	byKey      = map[string]int{}
	keyMu      sync.Mutex
)

type P struct{}

func (P) Init(h Host) error { // want Init:"writes contract.configured, writes contract.host"
	configured = true // silent: a once hook is not concurrent
	host = h          // want `lifecycle hook P.Init \(contract.Plugin\) stores the host handle h \(Host\) in package-level var host: it belongs to this plugin instance`
	return nil
}

func (P) Handle(ctx context.Context, key string) error { // want Handle:"stores context.Context in contract.lastCtx, writes contract.lastCtx"
	lastCtx = ctx // want `package-level var lastCtx stores the call-scoped context.Context, in entry point P.Handle \(contract.Plugin\): it outlives the call`
	keyMu.Lock()
	byKey[key]++ // silent: locked
	keyMu.Unlock()
	return nil
}

var (
	reqMu   sync.Mutex
	lastReq *http.Request
	lastW   http.ResponseWriter
)

type Stasher struct{}

func (Stasher) ServeHTTP(w http.ResponseWriter, r *http.Request) { // want ServeHTTP:"stores \\*http.Request in contract.lastReq, stores http.ResponseWriter in contract.lastW, writes contract.lastW"
	reqMu.Lock()
	lastReq = r // want `package-level var lastReq stores the call-scoped \*http.Request, in entry point Stasher.ServeHTTP \(http.Handler\): it outlives the call that owns it`
	reqMu.Unlock()
	lastW = w // want `package-level var lastW stores the call-scoped http.ResponseWriter`
}

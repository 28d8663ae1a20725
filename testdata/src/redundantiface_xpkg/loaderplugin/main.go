// Package main is a native plugin exporting a Loader variable. Exported
// names of a main package reach the host only through plugin.Lookup, so
// this variable is no API handing Loader values to unknown callers: the
// host in the run is the only caller, and the dead-contract check applies.
package main

import "redundantiface_xpkg/api"

type loader struct{}

func (loader) Load() error   { return nil }
func (loader) Unload() error { return nil }

// Loader is looked up by the host.
var Loader api.Loader = loader{}

type orphan struct{}

func (orphan) Run() error { return nil }

// Orphan implements a contract whose host is elsewhere.
var Orphan api.Orphan = orphan{}

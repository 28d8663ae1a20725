// Package main is a plugin that follows every convention: nothing to report.
package main

import "pluginexport_plugin/api"

type impl struct{}

func (impl) Process(in string) (string, error) { return in, nil }

type ptrImpl struct{}

func (*ptrImpl) Process(in string) (string, error) { return in, nil }

// Init is the required export.
func Init() (err error) { return nil }

// ProcessorImpl is declared with the contract type: hosts assert *sym.(*api.Processor).
var ProcessorImpl api.Processor = impl{}

// Impl and PtrImpl are concrete, but the pointer that Lookup gives has the
// methods: hosts assert sym.(api.Processor).
var Impl impl
var PtrImpl ptrImpl

// Process is a function: hosts assert sym.(func(string) (string, error)).
func Process(in string) (string, error) { return in, nil }

// Used is a constant the plugin itself uses.
const Used = "v1"

var version = Used

const unexported = 1

// Keys is generic, but the plugin uses it.
func Keys[K comparable, V any](m map[K]V) []K { return nil }

var keys = Keys[string, int]

// Exported type: types are normal in plugins.
type Options struct{}

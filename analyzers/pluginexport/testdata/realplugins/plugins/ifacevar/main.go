// Plugin ifacevar exports its Processor as a variable of the interface type.
package main

import "example.com/realplugins/api"

type impl struct{}

func (impl) Process(in string) (string, error) { return "ifacevar:" + in, nil }

// Init is the convention every plugin follows.
func Init() error { return nil }

// ProcessorImpl: Lookup gives *api.Processor.
var ProcessorImpl api.Processor = impl{}

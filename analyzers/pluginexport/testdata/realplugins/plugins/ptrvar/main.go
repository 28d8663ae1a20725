// Plugin ptrvar exports a pointer-typed variable: Lookup gives **impl,
// which has no methods and which no host can name.
package main

import "example.com/realplugins/api"

type impl struct{}

func (*impl) Process(in string) (string, error) { return "ptrvar:" + in, nil }

// Init is the convention every plugin follows.
func Init() error { return nil }

// ProcessorImpl is meant to be an api.Processor.
var ProcessorImpl = &impl{}

var _ api.Processor = ProcessorImpl

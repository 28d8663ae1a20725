// Plugin concrete exports its Processor as a variable of a concrete type.
package main

type impl struct{ prefix string }

func (i *impl) Process(in string) (string, error) { return i.prefix + in, nil }

// Init is the convention every plugin follows.
func Init() error { return nil }

// ProcessorImpl: Lookup gives *impl, which has the methods of api.Processor.
var ProcessorImpl = impl{prefix: "concrete:"}

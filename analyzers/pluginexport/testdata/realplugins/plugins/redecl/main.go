// Plugin redecl declares its own copy of the host's interface.
package main

// Processor looks like api.Processor but is another type.
type Processor interface {
	Process(in string) (string, error)
}

type impl struct{}

func (impl) Process(in string) (string, error) { return "redecl:" + in, nil }

// Init is the convention every plugin follows.
func Init() error { return nil }

// ProcessorImpl: Lookup gives *main.Processor, not *api.Processor.
var ProcessorImpl Processor = impl{}

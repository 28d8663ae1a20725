package main // want `plugin pluginexport_plugin/bad does not export Init:func\(\) error, which the pluginexport\.require setting asks of every plugin: hosts that look it up fail to load the plugin`

import "pluginexport_plugin/api"

type impl struct{}

func (impl) Process(in string) (string, error) { return in, nil }

var ProcessorImpl = &impl{} // want `exported variable ProcessorImpl has concrete type \*impl, so Lookup gives \*\*impl, which has no methods and which no host can name: declare it as var ProcessorImpl api\.Processor and assert \*sym\.\(\*api\.Processor\) in the host`

var _ api.Processor = ProcessorImpl

// Not a contract: left alone.
type plainImpl struct{}

func (*plainImpl) Other() {}

var Plain = &plainImpl{}

const Version = "1.2.3" // want `exported constant Version can never be looked up: plugin\.Lookup finds only package-level variables and functions \(symbol Version not found\); declare it as a variable if hosts need it`

func Map[T any](xs []T, f func(T) T) []T { return xs } // want `exported generic function Map can never be looked up: generic functions are not plugin symbols \(symbol Map not found\); export a non-generic function for hosts`

// Package main exports the Processor as a variable of the interface type.
package main // wantrun `plugin pluginexport_xcheck/pvar does not export Version, which every host in this run looks up \(pluginexport_xcheck/host at host\.go:\d+\): loading it fails with symbol not found`

import "pluginexport_xcheck/api"

type impl struct{}

func (impl) Process(in string) (string, error) { return in, nil }

func Init() error { return nil }

var Impl api.Processor = impl{}

func Handle(in string) (string, error) { return in, nil }

var Hook func() error

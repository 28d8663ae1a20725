package main

import "pluginexport_plugin/api"

type impl struct{}

func (impl) Process(in string) (string, error) { return in, nil }

var _ api.Processor = impl{}

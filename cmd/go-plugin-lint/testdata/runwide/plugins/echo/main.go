// Command echo is a native plugin (built with -buildmode=plugin).
package main

import "example.com/runwide/api"

type echo struct{}

func (echo) Process(in string) string { return in }

// Processor is the plugin's export.
var Processor api.Processor = echo{}

// Init is the export every plugin provides.
func Init() error { return nil }

// Package main is a plugin of kind A that forgot A2.
package main // wantrun `plugin pluginexport_xcheck2/pc does not export A2, which every host in this run looks up \(pluginexport_xcheck2/host at host\.go:\d+\): loading it fails with symbol not found`

func Init() error { return nil }

func A() {}

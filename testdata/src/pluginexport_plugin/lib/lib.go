package lib // want `package pluginexport_plugin/lib is treated as a plugin \(pluginexport\.plugins\) but is package lib: -buildmode=plugin builds only package main`

func Init() error { return nil }

package main

// Init in a test file is not built into the plugin: it does not count.
func Init() error { return nil }

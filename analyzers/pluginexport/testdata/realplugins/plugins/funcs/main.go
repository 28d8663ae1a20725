// Plugin funcs exports a function.
package main

// Init is the convention every plugin follows.
func Init() error { return nil }

// Process: Lookup gives a func(string) (string, error).
func Process(in string) (string, error) { return "funcs:" + in, nil }

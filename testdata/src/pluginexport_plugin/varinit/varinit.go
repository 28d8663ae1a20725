package main

var Init = func() error { return nil } // want `required export Init is a variable, but the pluginexport\.require setting asks for a function declaration func\(\) error: Lookup of a variable gives a pointer \(\*func\(\) error\), so hosts asserting func\(\) error fail`

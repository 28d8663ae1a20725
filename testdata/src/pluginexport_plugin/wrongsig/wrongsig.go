package main

import "context"

func Init(ctx context.Context) error { return nil } // want `required export Init has type func\(context\.Context\) error, but the pluginexport\.require setting asks for func\(\) error: hosts asserting that type fail`

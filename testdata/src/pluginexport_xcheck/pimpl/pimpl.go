// Package main exports the Processor as a variable of a concrete type.
package main

type impl struct{}

func (*impl) Process(in string) (string, error) { return in, nil }

func Init() error { return nil }

var Impl impl

func Handle(in string) (string, error) { return in, nil }

var Version = "1"

var Hook func() error

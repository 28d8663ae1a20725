// Package main redeclares the host's interface instead of importing it.
package main

type Processor interface {
	Process(in string) (string, error)
}

type impl struct{}

func (impl) Process(in string) (string, error) { return in, nil }

func Init() error { return nil }

var Impl Processor = impl{}

var Version = "1"

func Handle(in string) (string, error) { return in, nil }

var Hook func() error

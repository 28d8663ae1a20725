// Package main declares names that Lookup cannot find.
package main

func Init() error { return nil }

const Only = "x"

func Generic[T any](t T) T { return t }

var unexported = 1

var Impl any

var Version = "1"

func Handle(in string) (string, error) { return in, nil }

var Hook func() error

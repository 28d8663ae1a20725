// Package main exports Processor as a function and the rest in other forms.
package main // wantrun `plugin pluginexport_xcheck/pfunc does not export Version, which every host in this run looks up`

func Init() error { return nil }

func Impl(in string) (string, error) { return in, nil }

const Version = "1"

func Handle(in string) (string, error) { return in, nil }

func Hook() error { return nil }

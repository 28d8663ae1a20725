// Package main is a native plugin implementing api.Processor.
package main

import (
	"context"
	"net/http"

	"contracts/api"
)

type proc struct{}

func (proc) Init(api.Host) error { return nil }

func (proc) Process(ctx context.Context, in []byte) ([]byte, error) { return in, nil }

type handler struct{}

func (handler) ServeHTTP(http.ResponseWriter, *http.Request) {}

type source struct{}

func (source) Next(ctx context.Context) (int, error) { return 0, nil }

var Processor api.ProcessorAlias = proc{}

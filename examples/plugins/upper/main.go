// Package main is the "upper" plugin: it upper-cases documents.
package main

import (
	"bytes"
	"context"

	"example.com/pluginshop/api"
)

type upper struct{}

func (upper) Init(api.Host) error { return nil }

func (upper) Process(_ context.Context, doc []byte) ([]byte, error) {
	return bytes.ToUpper(doc), nil
}

func (upper) Describe() string { return "upper-cases documents" }

// Processor is the symbol the host looks up.
var Processor api.Processor = upper{}

// Init is the suite's required plugin export.
func Init() error { return nil }

// Package main is the "counter" plugin: it counts the documents it sees.
package main

import (
	"context"
	"fmt"

	"example.com/pluginshop/api"
)

// seen counts documents by content.
var seen = map[string]int{}

// host is the handle the host passed to Init.
var host api.Host

type counter struct{}

func (counter) Init(h api.Host) error {
	// DEFECT: the handle belongs to the Processor value the host initialised;
	// a second instance (or a reload) silently shares the first one's host.
	host = h
	return nil
}

func (counter) Process(_ context.Context, doc []byte) ([]byte, error) {
	// DEFECT: Process runs concurrently; unsynchronized map writes crash
	// the host with "fatal error: concurrent map writes".
	seen[string(doc)]++
	return []byte(fmt.Sprint(seen[string(doc)])), nil
}

func (counter) Describe() string { return "counts documents" }

// Processor is the symbol the host looks up.
var Processor api.Processor = counter{}

// Init is the suite's required plugin export.
func Init() error { return nil }

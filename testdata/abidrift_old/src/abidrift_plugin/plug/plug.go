// Package main is a native plugin: no func main.
package main

import "abidrift_plugin/shared"

func Handle() { shared.Emit(shared.Event{}) }

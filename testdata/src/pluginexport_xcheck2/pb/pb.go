// Package main is a plugin of kind B: it need not export A or A2.
package main

func Init() error { return nil }

func B() {}

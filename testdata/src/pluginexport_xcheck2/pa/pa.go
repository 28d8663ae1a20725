// Package main is a plugin of kind A, complete.
package main

func Init() error { return nil }

func A() {}

func A2() {}

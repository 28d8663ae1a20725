package main

import (
	"github.com/go-plugin-lint/go-plugin-lint/internal/findingbase"
)

// baselineKey is a finding's identity without line numbers.
func baselineKey(paths *pathBase, f finding) findingbase.Key {
	file, _ := paths.rel(f.posn.Filename)
	return findingbase.Key{File: file, Analyzer: f.analyzer, Decl: f.decl, Message: f.message}
}

// filterBaseline keeps the findings that the baseline does not account
// for. Findings come sorted, so when a declaration holds more identical
// findings than recorded, the later ones are the new ones.
func filterBaseline(paths *pathBase, base *findingbase.Baseline, in []finding) []finding {
	out := in[:0]
	for _, f := range in {
		if !base.Take(baselineKey(paths, f)) {
			out = append(out, f)
		}
	}
	return out
}

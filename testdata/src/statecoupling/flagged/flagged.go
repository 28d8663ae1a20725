// Package flagged declares an interface that only the -contracts flag
// makes a contract.
package flagged

import "sync"

type Source interface {
	Fetch(key string) string
}

var fetched = map[string]int{}

type S struct{}

func (S) Fetch(key string) string { // want Fetch:"writes flagged.fetched"
	fetched[key]++ // want `write to package-level var fetched without holding a lock, in entry point S.Fetch \(flagged.Source\)`
	return key
}

// NotAContract has the same shape but is not listed.
type NotAContract interface{ Get(key string) string }

type G struct{}

var got = map[string]int{}

func (G) Get(key string) string { // want Get:"writes flagged.got"
	got[key]++ // silent: not an entry point
	return key
}

var _ sync.Mutex

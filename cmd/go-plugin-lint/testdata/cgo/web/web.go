// Package web uses cgo: the command type-checks the files cgo generates,
// and must report and suppress findings at the lines of this file.
package web

/*
static int answer(void) { return 42; }
*/
import "C"

import "net/http"

var hits = map[string]int{}

// Counter counts requests per path, without a lock.
type Counter struct{}

func (Counter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hits[r.URL.Path] += int(C.answer())
}

var seen = map[string]bool{}

// Seen records paths, without a lock, knowingly.
type Seen struct{}

func (Seen) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	seen[r.URL.Path] = true //nolint:statecoupling // written once per path at startup
}

package basic

import (
	"errors"
	"net/http"
	"sync"
	"sync/atomic"
)

// Every kind of write rule 1 names, one handler each.

var (
	total    int
	names    []string
	byName   = map[string]string{}
	settings struct{ Verbose bool }
	shared   = &state{seen: map[string]bool{}}
	table    = config{limits: map[string]int{}}
)

type state struct {
	seen  map[string]bool
	n     int
	items []string
}

// add has a pointer receiver and writes the receiver's fields.
func (s *state) add(v string) {
	s.n++
	s.items = append(s.items, v)
}

type config struct {
	limits map[string]int
	name   string
}

type Writes struct{}

func (Writes) ServeHTTP(w http.ResponseWriter, r *http.Request) { // want ServeHTTP:"writes basic.byName, writes basic.names, writes basic.settings, writes basic.shared, writes basic.table, writes basic.total"
	total += 2                        // want `write to package-level var total without holding a lock`
	names = append(names, r.URL.Path) // want `write to package-level var names without holding a lock`
	delete(byName, r.URL.Path)        // want `write to package-level var byName without holding a lock, in entry point Writes.ServeHTTP \(http.Handler\): concurrent map writes crash the process`
	settings.Verbose = true           // want `write to package-level var settings without holding a lock`
	shared.seen[r.URL.Path] = true    // want `write to package-level var shared without holding a lock`
	shared.add(r.URL.Path)            // want `write to package-level var shared without holding a lock, reached from entry point Writes.ServeHTTP \(http.Handler\) via \(\*state\).add`
	c := table                        // a shallow copy shares the map
	c.limits[r.URL.Path] = 1          // want `write to package-level var table without holding a lock`
}

// Silent twins: none of these writes shared state without a lock.

var (
	lookup   = map[string]int{"a": 1} // read-only lookup table
	safeMap  sync.Map
	hitsA    atomic.Int64
	hitsB    int64
	events   = make(chan string, 16)
	errNope  = errors.New("nope") // sentinel error
	template = config{name: "t", limits: map[string]int{}}
)

const limit = 10

type Silent struct {
	mu    sync.Mutex
	count int
	local map[string]int
}

func (s *Silent) ServeHTTP(w http.ResponseWriter, r *http.Request) { // want ServeHTTP:"writes receiver"
	_ = lookup[r.URL.Path]          // silent: a read
	safeMap.Store(r.URL.Path, true) // silent: sync.Map is safe for concurrent use
	hitsA.Add(1)                    // silent: atomic type
	atomic.AddInt64(&hitsB, 1)      // silent: atomic function
	events <- r.URL.Path            // silent: channels synchronise
	if total > limit {              // silent: constants and reads
		http.Error(w, errNope.Error(), 500)
	}
	s.count++ // silent: a per-instance field
	s.mu.Lock()
	s.local[r.URL.Path]++ // silent: per-instance, and locked
	s.mu.Unlock()
	total := 0 // silent: a local shadowing the global
	total++
	_ = total
	cp := template // silent: a value copy that is not written back
	cp.name = r.URL.Path
	_ = cp
}

// Package racemod mirrors the positive and negative fixtures of the
// statecoupling analyzer (testdata/src/statecoupling*) with no external
// dependency, so that racemod_test.go can call each entry point
// concurrently under the race detector: every entry point the analyzer
// reports must race, every silent twin must not. Each line the analyzer
// must report ends with the comment "racy" (checked by race_test.go).
package racemod

import (
	"context"
	"net/http"
	"sync"
	"sync/atomic"

	"example.com/racemod/helpers"
)

// Reconciler stands in for controller-runtime's reconcile.Reconciler.
//
//pluginlint:contract
type Reconciler interface {
	Reconcile(ctx context.Context, key string) (bool, error)
}

// --- rule 1 (basic/basic.go, basic/writes.go) ---

var (
	hits  = map[string]int{}
	count int
)

type Counter struct{}

func (Counter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hits[r.URL.Path]++ // racy
	count++            // racy
}

var total int

type Total struct{}

func (Total) ServeHTTP(w http.ResponseWriter, r *http.Request) { total += 2 } // racy

var names []string

type Append struct{}

func (Append) ServeHTTP(w http.ResponseWriter, r *http.Request) { names = append(names, r.URL.Path) } // racy

type state struct {
	n     int
	items []string
}

func (s *state) add(v string) {
	s.n++
	s.items = append(s.items, v)
}

var shared = &state{}

type Method struct{}

func (Method) ServeHTTP(w http.ResponseWriter, r *http.Request) { shared.add(r.URL.Path) } // racy

type config struct{ limits map[string]int }

var table = config{limits: map[string]int{}}

type ShallowCopy struct{}

func (ShallowCopy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c := table
	c.limits[r.URL.Path]++ // racy
}

// --- rule 2 (locks/locks.go) ---

var (
	rw    sync.RWMutex
	cache = map[string]int{}
)

type ReadLocked struct{}

func (ReadLocked) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rw.RLock()
	defer rw.RUnlock()
	cache[r.URL.Path]++ // racy
}

var (
	mu    sync.Mutex
	last  string
	calls int
)

type AfterUnlock struct{}

func (AfterUnlock) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	calls++
	mu.Unlock()
	last = r.URL.Path // racy
}

var client *http.Client

type Lazy struct{}

func (Lazy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if client == nil {
		client = &http.Client{} // racy
	}
}

var (
	regMu    sync.Mutex
	registry = map[string]int{}
)

func record(k string) { registry[k]++ } // racy

type Mixed struct{}

func (Mixed) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == "POST" {
		regMu.Lock()
		record("post")
		regMu.Unlock()
		return
	}
	record(r.Method)
}

// --- entry points of other kinds (reconciler/, contract/, xpkg/) ---

var lastSeen = map[string]int{}

type PodReconciler struct{}

func (*PodReconciler) Reconcile(ctx context.Context, key string) (bool, error) {
	lastSeen[key]++ // racy
	return false, nil
}

var muxHits int

// Routes registers a func literal, served concurrently by the mux.
func Routes(mux *http.ServeMux) {
	mux.HandleFunc("/m", func(w http.ResponseWriter, r *http.Request) { muxHits++ }) // racy
}

var lastCtx context.Context

type Stash struct{}

func (Stash) Reconcile(ctx context.Context, key string) (bool, error) {
	lastCtx = ctx // racy
	return false, nil
}

type CrossPackage struct{}

func (CrossPackage) ServeHTTP(w http.ResponseWriter, r *http.Request) { helpers.Set(r.URL.Path, "x") } // racy

// --- silent twins ---

var lockedHits = map[string]int{}

type Locked struct{}

func (Locked) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	defer mu.Unlock()
	lockedHits[r.URL.Path]++
}

var (
	lookup  = map[string]int{"/": 1}
	safeMap sync.Map
	hitsA   atomic.Int64
	hitsB   int64
	events  = make(chan string, 1024)
)

type Silent struct {
	mu    sync.Mutex
	local map[string]int
}

func (s *Silent) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_ = lookup[r.URL.Path]
	safeMap.Store(r.URL.Path, true)
	hitsA.Add(1)
	atomic.AddInt64(&hitsB, 1)
	select {
	case events <- r.URL.Path:
	default:
	}
	s.mu.Lock()
	s.local[r.URL.Path]++
	s.mu.Unlock()
	total := 0
	total++
	cp := table
	cp.limits = nil
	_ = cp
}

var (
	once    sync.Once
	client2 *http.Client
)

type OnceInit struct{}

func (OnceInit) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	once.Do(func() { client2 = &http.Client{} })
}

type LockedRegistry struct{}

func (LockedRegistry) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	regMu.Lock()
	defer regMu.Unlock()
	record(r.Method)
}

var guarded = struct {
	sync.Mutex
	m map[string]int
}{m: map[string]int{}}

type Embedded struct{}

func (Embedded) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	guarded.Lock()
	guarded.m[r.URL.Path]++
	guarded.Unlock()
}

type SafeCrossPackage struct{}

func (SafeCrossPackage) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	helpers.SafeSet(r.URL.Path, "x")
}

// Package locks holds rule 2: lock misuse around writes to package-level
// state, and the correct locking that must stay silent.
package locks

import (
	"net/http"
	"sync"
)

var (
	rw    sync.RWMutex
	cache = map[string]string{}
)

type ReadLocked struct{}

func (ReadLocked) ServeHTTP(w http.ResponseWriter, r *http.Request) { // want ServeHTTP:"writes locks.cache under RLock"
	rw.RLock()
	defer rw.RUnlock()
	if _, ok := cache[r.URL.Path]; !ok {
		cache[r.URL.Path] = "x" // want `write to package-level var cache while holding only the read lock rw.RLock, in entry point ReadLocked.ServeHTTP \(http.Handler\): read locks are shared, so concurrent map writes crash the process`
	}
}

var (
	mu    sync.Mutex
	last  string
	calls int
)

type AfterUnlock struct{}

func (AfterUnlock) ServeHTTP(w http.ResponseWriter, r *http.Request) { // want ServeHTTP:"writes locks.last"
	mu.Lock()
	calls++ // silent: mu is held
	mu.Unlock()
	last = r.URL.Path // want `write to package-level var last after mu.Unlock, in entry point AfterUnlock.ServeHTTP \(http.Handler\): the lock no longer protects it`
}

var client *http.Client

type Lazy struct{}

func (Lazy) ServeHTTP(w http.ResponseWriter, r *http.Request) { // want ServeHTTP:"writes locks.client"
	if client == nil {
		client = &http.Client{} // want `lazy initialisation of package-level var client without sync.Once \(check-then-set\), in entry point Lazy.ServeHTTP`
	}
}

var (
	once    sync.Once
	client2 *http.Client
	getter  = sync.OnceValue(func() *http.Client {
		client3 = &http.Client{} // silent: runs once, inside sync.OnceValue
		return client3
	})
	client3 *http.Client
)

type OnceInit struct{}

func (OnceInit) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	once.Do(func() {
		client2 = &http.Client{} // silent: sync.Once
	})
	once.Do(initClient) // silent: initClient runs once
	_ = getter()
}

func initClient() { client2 = &http.Client{} }

// record writes the registry; Locked calls it with the lock held on every
// path, Mixed once without.
var (
	regMu    sync.Mutex
	registry = map[string]int{}
)

func record(k string) {
	registry[k]++ // want `write to package-level var registry in record, which other callers call with a lock held, without holding a lock, reached from entry point Mixed.ServeHTTP \(http.Handler\) via record`
}

type Locked struct{}

func (Locked) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	regMu.Lock()
	defer regMu.Unlock()
	if r.Method == "GET" {
		record("get") // silent: the caller holds regMu
		return
	}
	record(r.Method) // silent: the caller holds regMu
}

type Mixed struct{}

func (Mixed) ServeHTTP(w http.ResponseWriter, r *http.Request) { // want ServeHTTP:"writes locks.registry"
	if r.Method == "POST" {
		regMu.Lock()
		record("post")
		regMu.Unlock()
		return
	}
	record(r.Method)
}

// A lock taken in a branch that returns does not leak into the rest.
type Branchy struct{}

var branchHits = map[string]int{}

func (Branchy) ServeHTTP(w http.ResponseWriter, r *http.Request) { // want ServeHTTP:"writes locks.branchHits"
	if r.Method == "HEAD" {
		mu.Lock()
		defer mu.Unlock()
		branchHits["head"]++ // silent: mu is held on this path
		return
	}
	branchHits[r.Method]++ // want `write to package-level var branchHits without holding a lock`
}

// A mutex in a struct field guards the global it sits next to.
var guarded = struct {
	sync.Mutex
	m map[string]int
}{m: map[string]int{}}

type Embedded struct{}

func (Embedded) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	guarded.Lock()
	guarded.m[r.URL.Path]++ // silent: the embedded mutex is held
	guarded.Unlock()
}

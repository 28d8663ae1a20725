// Package reconciler holds controller-runtime entry points: Reconcile
// methods (through the Reconciler alias and the generic TypedReconciler),
// reconcile.Func and TypedFunc values, and net/http handler values.
package reconciler

import (
	"context"
	"net/http"
	"sync"

	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

var lastSeen = map[string]int{}

type PodReconciler struct{}

var _ reconcile.Reconciler = &PodReconciler{}

func (r *PodReconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) { // want Reconcile:"writes reconciler.lastSeen"
	lastSeen[req.Name]++ // want `write to package-level var lastSeen without holding a lock, in entry point \(\*PodReconciler\).Reconcile \(reconcile.TypedReconciler\): concurrent map writes crash the process`
	return reconcile.Result{}, nil
}

// A generic reconciler: the method of the generic type is the entry point.
type TypedReconciler[T comparable] struct{}

var generations = map[any]int{}

func (r *TypedReconciler[T]) Reconcile(ctx context.Context, req T) (reconcile.Result, error) { // want Reconcile:"writes reconciler.generations"
	bump(req)
	return reconcile.Result{}, nil
}

// bump is a generic helper; the write is reported with the call path.
func bump[T comparable](k T) {
	generations[k]++ // want `write to package-level var generations without holding a lock, reached from entry point \(\*TypedReconciler\).Reconcile \(reconcile.TypedReconciler\) via bump`
}

var funcRuns int

func reconcileFn(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	funcRuns++ // want `write to package-level var funcRuns without holding a lock, in entry point reconcileFn \(reconcile.TypedFunc\)`
	return reconcile.Result{}, nil
}

var typedRuns int

func typedFn(ctx context.Context, key string) (reconcile.Result, error) {
	typedRuns++ // want `write to package-level var typedRuns without holding a lock, in entry point typedFn \(reconcile.TypedFunc\)`
	return reconcile.Result{}, nil
}

var handlerHits, muxHits, literalHits int

func handler(w http.ResponseWriter, r *http.Request) {
	handlerHits++ // want `write to package-level var handlerHits without holding a lock, in entry point handler \(http.HandlerFunc\)`
}

func register(mux *http.ServeMux) {
	_ = reconcile.Func(reconcileFn)
	_ = reconcile.TypedFunc[string](typedFn)
	mux.Handle("/h", http.HandlerFunc(handler))
	mux.HandleFunc("/m", func(w http.ResponseWriter, r *http.Request) {
		muxHits++ // want `write to package-level var muxHits without holding a lock, in entry point func literal at reconciler.go:\d+ \(net/http.HandleFunc\)`
	})
	http.HandleFunc("/l", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		literalHits++ // silent: locked
		mu.Unlock()
	})
	serve(func(w http.ResponseWriter, r *http.Request) {
		literalHits++ // want `write to package-level var literalHits without holding a lock, in entry point func literal at reconciler.go:\d+ \(http.HandlerFunc\)`
	})
}

var mu sync.Mutex

// serve takes a HandlerFunc: a func literal passed here is converted to it.
func serve(h http.HandlerFunc) { http.Handle("/s", h) }

var setupRuns int

// setup is not an entry point: it is never passed as a handler.
func setup() {
	setupRuns++ // silent: not reachable from an entry point
}

func init() {
	setupRuns = 1 // silent: init runs once, before any entry point
	setup()
}

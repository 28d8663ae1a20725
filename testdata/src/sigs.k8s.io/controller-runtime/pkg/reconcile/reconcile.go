// Package reconcile is a minimal stand-in for controller-runtime's package of
// the same path, with the declarations the suite knows as contracts. Shared
// by every analyzer's fixtures; add to it, do not change what is there.
package reconcile

import (
	"context"
	"time"
)

// Request names the object to reconcile.
type Request struct {
	Namespace, Name string
}

// Result says whether to requeue.
type Result struct {
	Requeue      bool
	RequeueAfter time.Duration
}

// TypedReconciler reconciles requests of type R.
type TypedReconciler[R comparable] interface {
	Reconcile(context.Context, R) (Result, error)
}

// Reconciler reconciles Requests.
type Reconciler = TypedReconciler[Request]

// TypedFunc is a function that implements TypedReconciler.
type TypedFunc[R comparable] func(context.Context, R) (Result, error)

// Reconcile calls f.
func (f TypedFunc[R]) Reconcile(ctx context.Context, req R) (Result, error) { return f(ctx, req) }

// Func is a function that implements Reconciler.
type Func = TypedFunc[Request]

// Package reconciler drives documents towards their desired state, in the
// style of a Kubernetes controller.
package reconciler

import (
	"context"
	"time"
)

// Request names the document to reconcile.
type Request struct{ Name string }

// Result says when to look again.
type Result struct{ RequeueAfter time.Duration }

// Reconciler is called by the controller's worker pool, concurrently.
//
//pluginlint:contract
type Reconciler interface {
	Reconcile(ctx context.Context, req Request) (Result, error)
}

// lastSeen caches when each document was last reconciled.
var lastSeen = map[string]time.Time{}

// DocReconciler reconciles documents.
type DocReconciler struct{}

// Reconcile records the visit.
func (DocReconciler) Reconcile(ctx context.Context, req Request) (Result, error) {
	remember(req.Name)
	return Result{RequeueAfter: time.Minute}, nil
}

// remember is a helper called from Reconcile.
func remember(name string) {
	// DEFECT: reached from Reconcile without a lock.
	lastSeen[name] = time.Now()
}

// Run starts workers that call r concurrently.
func Run(ctx context.Context, r Reconciler, queue <-chan Request, workers int) {
	for range workers {
		go func() {
			for req := range queue {
				_, _ = r.Reconcile(ctx, req)
			}
		}()
	}
}

package racemod

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
)

// hammer calls f from several goroutines at once, as a host does.
func hammer(f func(i int)) {
	const goroutines, calls = 8, 200
	var wg sync.WaitGroup
	start := make(chan struct{})
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for i := range calls {
				f(g*calls + i)
			}
		}()
	}
	close(start)
	wg.Wait()
}

var paths = []string{"/a", "/b", "/c", "/d"}

func serve(h http.Handler) {
	hammer(func(i int) {
		method := "GET"
		if i%2 == 0 {
			method = "POST"
		}
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(method, paths[i%len(paths)], nil))
	})
}

func reconcile(r Reconciler) {
	hammer(func(i int) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		_, _ = r.Reconcile(ctx, paths[i%len(paths)])
	})
}

// Racy_* tests must fail under -race; Safe_* tests must pass.

func TestRacy_MapAndCounter(t *testing.T)  { serve(Counter{}) }
func TestRacy_OpAssign(t *testing.T)       { serve(Total{}) }
func TestRacy_Append(t *testing.T)         { serve(Append{}) }
func TestRacy_MethodOnGlobal(t *testing.T) { serve(Method{}) }
func TestRacy_ShallowCopy(t *testing.T)    { serve(ShallowCopy{}) }
func TestRacy_ReadLocked(t *testing.T)     { serve(ReadLocked{}) }
func TestRacy_AfterUnlock(t *testing.T)    { serve(AfterUnlock{}) }
func TestRacy_LazyInit(t *testing.T)       { serve(Lazy{}) }
func TestRacy_MixedHelper(t *testing.T)    { serve(Mixed{}) }
func TestRacy_Reconciler(t *testing.T)     { reconcile(&PodReconciler{}) }
func TestRacy_StashContext(t *testing.T)   { reconcile(Stash{}) }
func TestRacy_CrossPackage(t *testing.T)   { serve(CrossPackage{}) }

func TestRacy_MuxHandleFunc(t *testing.T) {
	mux := http.NewServeMux()
	Routes(mux)
	serve(rewrite{mux, "/m"})
}

// rewrite sends every request to one path of the mux.
type rewrite struct {
	h    http.Handler
	path string
}

func (r rewrite) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	req.URL.Path = r.path
	r.h.ServeHTTP(w, req)
}

func TestSafe_Locked(t *testing.T)         { serve(Locked{}) }
func TestSafe_Silent(t *testing.T)         { serve(&Silent{local: map[string]int{}}) }
func TestSafe_OnceInit(t *testing.T)       { serve(OnceInit{}) }
func TestSafe_LockedRegistry(t *testing.T) { serve(LockedRegistry{}) }
func TestSafe_Embedded(t *testing.T)       { serve(Embedded{}) }
func TestSafe_CrossPackage(t *testing.T)   { serve(SafeCrossPackage{}) }

// Package statecoupling finds package-level state written without
// synchronization from entry points that the host calls concurrently.
//
// A plugin's handler, reconciler or contract method is called by the host
// from many goroutines at once. A write to a package-level variable from
// such a call, with no lock held, is a data race; on a map it is the
// "fatal error: concurrent map writes" that takes down Kubernetes operators
// in production. Flagging every global (as gochecknoglobals does) is noise;
// this analyzer flags the writes that matter: those reachable from a
// concurrent entry point.
//
// # Entry points
//
//   - methods of contracts (interfaces marked //pluginlint:contract, listed
//     by the -contracts flag, asserted from a plugin.Symbol, or built in:
//     net/http.Handler, controller-runtime's reconcile.Reconciler and
//     TypedReconciler[T]) and the methods of types that implement them,
//     except methods marked //pluginlint:once;
//   - functions and function literals converted to, or passed where the
//     parameter is, a contract func type: http.HandlerFunc, reconcile.Func,
//     reconcile.TypedFunc[T];
//   - functions and literals passed to http.HandleFunc and
//     (*http.ServeMux).HandleFunc.
//
// init functions and //pluginlint:once hooks (Init, Close) are not
// concurrent: writes there are fine (but see rule 3).
//
// # What it reports
//
// 1. A write to a package-level variable reachable from an entry point with
// no lock held: assignment, x++, x op= v, map index assignment, delete and
// clear, append assigned back, writes through the variable's fields or
// through a pointer, map or slice stored in it, calls of methods that write
// their receiver on a package-level value, and writes through a shallow
// copy of a package-level struct whose map or pointer is then written.
// Calls to helpers are followed, in the package and across packages. The
// diagnostic is reported at the write (or, for a helper of another package
// or a method writing its receiver, at the call that hands it the state)
// and names the entry point and the call path:
//
//	var hits = map[string]int{}
//
//	func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
//		hits[r.URL.Path]++ // write to package-level var hits without holding a lock, ...
//	}
//
// 2. Lock misuse around such writes: writing while holding only RLock,
// writing after Unlock, a lazily initialised global without sync.Once
// (if g == nil { g = ... }), and a helper that writes a global and is
// called both with and without the lock (the message says so).
//
// 3. Call- or host-scoped values stashed in package-level variables:
// a context.Context, *http.Request or http.ResponseWriter stored from an
// entry point (even under a lock: the value outlives the call that owns it
// and is shared by concurrent calls), and a //pluginlint:once hook storing
// a parameter the host passes it (the host handle given to Init) in a
// package-level variable, which every plugin instance then shares.
//
// # What it does not report
//
// Writes in init functions, in sync.Once.Do, sync.OnceFunc, OnceValue and
// OnceValues bodies, in //pluginlint:once hooks (except rule 3), under a held
// Lock (including a lock the caller holds at the call), through sync.Map,
// atomic types and functions and channels (method calls into the standard
// library are trusted), calls into metrics and logging libraries documented
// as safe for concurrent use (Prometheus client, OpenTelemetry, zap, klog,
// logr, logrus), reads (lookup tables), constants and sentinel errors,
// per-instance struct fields (writes through the receiver of an entry point),
// locals that shadow globals, value copies of a global that are not written
// back, writes in generated files, entry points and writes in test files
// (unless -statecoupling.tests), and registry writes from init
// (plugin.Register, caddy.RegisterModule, inputs.Add called from init).
//
// # How it works, and its limits
//
// Each function body is walked once, in statement order, tracking the locks
// held: x.Lock(), x.RLock(), x.Unlock(), x.RUnlock() on any value whose
// method of that name takes and returns nothing (sync.Mutex, sync.RWMutex,
// sync.Locker, wrappers), keyed by how the lock is spelled (mu, s.mu,
// cache.Mutex). defer x.Unlock() keeps the lock held to the end. At a
// branch, a lock held on any path that falls through counts as held (a
// may-hold merge, chosen so that unusual but correct locking stays silent),
// and paths that return, panic, break or continue are dropped. The walk
// records each write (with the locks held) and each static call (with the
// locks held and which arguments carry package-level state or the caller's
// parameters). Summaries are composed over the package's call graph to a
// fixpoint, and exported functions carry theirs to importers as a Writes fact
// ("writes pkg.G", "writes receiver", "writes param N"). There is no SSA and
// no whole-program call graph. Hence:
//
//   - calls through interfaces and func values are not followed, except the
//     handler values listed above; function literals are assumed to run
//     where they are written, under the locks held there, and go func()
//     literals with no lock;
//   - any lock counts as guarding any write: the analyzer does not check
//     that the right mutex is held;
//   - aliasing is followed only through locals assigned directly from a
//     global (x := G, p := &G, m := G.m) and through call arguments;
//   - per-instance fields are assumed to belong to one instance, so a
//     handler registered as a single shared value that writes its own fields
//     is not reported;
//   - the standard library is not summarised, and a write to a global of
//     another package in a helper of a third package is reported at the call
//     in the analysed package;
//   - the standalone command type-checks dependencies in the module cache
//     and vendor directories from their declarations only (their function
//     bodies are stubbed, which halves its time and memory), so functions of
//     third-party modules are not summarised there either: a handler calling
//     a library function that writes the library's own globals is not
//     reported. Packages of the user's own module, replaced local modules
//     and the packages named on the command line are summarised in full.
//
// # Flags
//
//	-statecoupling.tests      also analyse test files (default false)
//	-statecoupling.contracts  comma-separated fully qualified names of extra
//	                          contract interfaces (pkg/path.Name)
//
// # Modes
//
// Every finding above comes from the per-package pass, so go vet,
// golangci-lint and the standalone command agree. The standalone command
// adds one run-wide step: a plugin package whose contract is known only
// from a host's plugin.Symbol assertion (the plugin does not import the
// contract's package with a //pluginlint:contract directive, or the
// contract is asserted from a package the plugin does not see) has its
// methods implementing that interface checked as entry points once the
// whole run is known.
package statecoupling

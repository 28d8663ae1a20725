// Package contracts is the suite's shared knowledge of contracts.
//
// A contract is an interface that plugins implement and a host calls. An
// interface (or a named func type) is a contract when
//
//   - its doc comment holds the directive //pluginlint:contract;
//   - a flag lists it by fully qualified name (pkg/path.Name);
//   - host code asserts a plugin.Symbol to it or to a pointer to it;
//   - it is a well-known contract: controller-runtime's reconcile.Reconciler,
//     reconcile.TypedReconciler[T], reconcile.Func and reconcile.TypedFunc[T],
//     and net/http's Handler and HandlerFunc.
//
// Every method of a contract is an entry point that the host may call
// concurrently, unless its doc comment holds //pluginlint:once (a lifecycle
// hook such as Init or Close, called once and not concurrently).
//
// The helper analyzer built by New exports an IsContract fact on each
// contract declared in the package and a Once fact on each once-method, so
// that importers (plugins, hosts) know the contracts of their dependencies.
// Contracts learned from plugin.Symbol assertions on types of other packages
// cannot be exported as facts (a pass may only describe its own package);
// they are listed in Result.Asserted and merged by the run-wide step.
package contracts

// Package ifc is internal: its exported API is seen only by the module,
// which is in the run, so accepting an interface makes no extension point.
package ifc

// Sink is accepted by Take but implemented nowhere.
type Sink interface { // runwide `interface Sink has no implementation in this program: remove it or add one`
	Put(v int)
}

// Take stores a Sink.
func Take(s Sink) { s.Put(1) }

// Package shared is imported by a host and by a native plugin.
package shared

type Event struct {
	Name string
}

func Emit(e Event) {}

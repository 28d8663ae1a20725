// Package shared is imported by a host and by a native plugin.
package shared

type Event struct {
	Name string
}

func Emit(e Event, sync bool) {} // want `breaking: func Emit changed from func\(Event\) to func\(Event, bool\) since the baseline`

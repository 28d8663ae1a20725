// Package api is the surface plugins are built against. The abidrift
// scenario snapshots it, then changes Port's type to string (see
// custombinary_test.go), as a careless release would.
package api

// Config is what the host hands every plugin.
type Config struct {
	Name string
	Port int // want(baseline):abidrift
}

// Plugin is what every plugin implements.
type Plugin interface {
	Init(*Config) error
}

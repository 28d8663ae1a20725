// Package abidrift_decls is the old API: constants, variables, functions,
// a struct with methods.
package abidrift_decls

const Limit = 10

const Name string = "x"

const Pi = 3.14

const Removed = 1

var Default int

func Open(path string) error { return nil }

func Gone() {}

type Config struct {
	Name string
	Size int
}

func (c *Config) Validate() error { return nil }

func (c Config) String() string { return c.Name }

type Options struct {
	Verbose bool
}

package errs

import (
	"plugin"
	"testing"
)

// Tests panic loudly anyway: no findings in test files.
func TestOpen(t *testing.T) {
	p, _ := plugin.Open("x.so")
	sym, _ := p.Lookup("Init")
	_ = sym.(func() error)
}

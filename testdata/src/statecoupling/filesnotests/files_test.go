package files

import (
	"net/http"
	"testing"
)

var testHits int

// fake is a test double: ignored by default.
type fake struct{}

func (fake) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	testHits++ // silent: test files are ignored without -statecoupling.tests
}

func TestNothing(t *testing.T) {}

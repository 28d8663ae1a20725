package files

import (
	"net/http"
	"testing"
)

var testHits int

// fake is a test double: ignored unless -statecoupling.tests.
type fake struct{}

func (fake) ServeHTTP(w http.ResponseWriter, r *http.Request) { // want ServeHTTP:"writes files.testHits"
	testHits++ // want `write to package-level var testHits without holding a lock`
}

func TestNothing(t *testing.T) {}

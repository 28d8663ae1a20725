package server

import (
	"net/http"
	"testing"
)

var seen = map[string]bool{}

// recorder is a test double; its defect is reported only with tests: true.
type recorder struct{}

func (recorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	seen[r.URL.Path] = true // want(tests):statecoupling
}

func TestCounter(t *testing.T) {
	var _ http.Handler = recorder{}
	var _ http.Handler = Counter{}
}

package golangci_test

import (
	"encoding/json"
	"testing"

	"github.com/go-plugin-lint/go-plugin-lint/golangci"
)

// FuzzSettings feeds arbitrary settings, as golangci-lint would decode them
// from YAML (JSON here: the same maps, lists and scalars), to every linter.
// Bad settings must give an error, never a panic.
func FuzzSettings(f *testing.F) {
	for _, seed := range []string{
		`{}`,
		`{"tests": true}`,
		`{"contracts": ["net/http.Handler", "example.com/api.Processor"]}`,
		`{"deny-imports": "net/http,os/exec", "require": ["Init:func() error", "New:func(string) (any, error)"]}`,
		`{"scope": "contracts", "all": true, "baseline": "/tmp/none.json"}`,
		`{"test-doubles": "maybe", "whole-program": 3}`,
		`{"contracts": [{"nested": 1}], "tests": null}`,
		`{"unknown-key": 1}`,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		var settings any
		if err := json.Unmarshal([]byte(doc), &settings); err != nil {
			return
		}
		for _, name := range golangci.Names() {
			p, err := golangci.New(name, settings)
			if err != nil {
				continue
			}
			as, err := p.BuildAnalyzers()
			if err == nil && (len(as) != 1 || as[0].Name != name) {
				t.Fatalf("%s: BuildAnalyzers gave %v", name, as)
			}
		}
	})
}

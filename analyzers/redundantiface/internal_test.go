package redundantiface

import (
	"go/token"
	"testing"

	"github.com/go-plugin-lint/go-plugin-lint/internal/runwide"
)

func TestSuccessor(t *testing.T) {
	names := []string{"ProcessorV1", "ProcessorV2", "ProcessorV3", "GetV1", "Getv2", "Store", "V2"}
	for _, tc := range []struct{ name, want string }{
		{"ProcessorV1", "ProcessorV2"},
		{"ProcessorV2", "ProcessorV3"},
		{"ProcessorV3", ""},
		{"GetV1", "Getv2"},
		{"Store", ""},
		{"V2", ""}, // no base name: not a version of anything
	} {
		if got := successor(tc.name, names); got != tc.want {
			t.Errorf("successor(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

// The run-wide step never panics on odd input: no run, failed packages
// (nil results), results of another analyzer.
func TestCorrelateOddInput(t *testing.T) {
	if d := Correlate(nil); d != nil {
		t.Errorf("Correlate(nil) = %v", d)
	}
	run := &runwide.Run{Fset: token.NewFileSet(), Packages: []*runwide.Package{
		{Path: "p", ID: "p"},
		{Path: "q", ID: "q", Result: "not ours"},
		{Path: "r", ID: "r", Result: (*Result)(nil)},
		{Path: "s", ID: "s", Result: &Result{Path: "s", Ifaces: []*Iface{{Key: "s.I", Name: "I"}}}},
	}}
	if d := Correlate(run); len(d) != 0 {
		t.Errorf("Correlate = %v, want nothing (an interface without methods)", d)
	}
}

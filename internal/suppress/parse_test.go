package suppress

import (
	"reflect"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		text string
		ok   bool
		want Directive
	}{
		{"//nolint", true, Directive{Kind: Nolint, All: true}},
		{"//nolint // legacy", true, Directive{Kind: Nolint, All: true, Reason: "legacy"}},
		{"//nolint:all", true, Directive{Kind: Nolint, All: true, Names: []string{"all"}}},
		{"//nolint:statecoupling", true, Directive{Kind: Nolint, Names: []string{"statecoupling"}}},
		{"//nolint:statecoupling,pluginexport // guarded by the host", true,
			Directive{Kind: Nolint, Names: []string{"statecoupling", "pluginexport"}, Reason: "guarded by the host"}},
		{"//nolint:a,,b", true, Directive{Kind: Nolint, Names: []string{"a", "b"}}},
		{"//nolint:", false, Directive{}},
		{"//nolintfoo", false, Directive{}},
		{"//nolint:foo.bar", false, Directive{}},
		{"// nolint:statecoupling", false, Directive{}},
		{"/* nolint */", false, Directive{}},
		{"//lint:ignore statecoupling the host serialises calls", true,
			Directive{Kind: LintIgnore, Names: []string{"statecoupling"}, Reason: "the host serialises calls"}},
		{"//lint:ignore statecoupling,pluginexport why", true,
			Directive{Kind: LintIgnore, Names: []string{"statecoupling", "pluginexport"}, Reason: "why"}},
		{"//lint:ignore statecoupling", true,
			Directive{Kind: LintIgnore, Names: []string{"statecoupling"}, Malformed: "//lint:ignore needs a reason after the analyzer names"}},
		{"//lint:ignore statecoupling   ", true,
			Directive{Kind: LintIgnore, Names: []string{"statecoupling"}, Malformed: "//lint:ignore needs a reason after the analyzer names"}},
		{"//lint:ignore", false, Directive{}},
		{"//lint:ignorestatecoupling why", false, Directive{}},
		{"//lint:file-ignore statecoupling why", false, Directive{}},
		{"// just prose about nolint", false, Directive{}},
	}
	for _, tt := range tests {
		got, ok := Parse(tt.text)
		if ok != tt.ok || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Parse(%q) = %+v, %v; want %+v, %v", tt.text, got, ok, tt.want, tt.ok)
		}
	}
}

// FuzzParse checks that any comment text parses without panicking and that
// an accepted directive is coherent: names are well formed, a //lint:ignore
// without a reason is malformed, and only a //lint:ignore can be malformed.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"//nolint", "//nolint:a,b // x", "//lint:ignore a,b why", "//lint:ignore a", "//nolint:all", "//lint:ignore\tx\ty"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d, ok := Parse(text)
		if !ok {
			if !reflect.DeepEqual(d, Directive{}) {
				t.Fatalf("rejected %q but returned %+v", text, d)
			}
			return
		}
		if d.Kind != Nolint && d.Kind != LintIgnore {
			t.Fatalf("%q: bad kind %v", text, d.Kind)
		}
		if !d.All && len(d.Names) == 0 {
			t.Fatalf("%q: accepted with no names and not all", text)
		}
		for _, n := range d.Names {
			if n == "" || strings.ContainsAny(n, ", \t\n/") {
				t.Fatalf("%q: bad name %q", text, n)
			}
			if !d.Covers(n) {
				t.Fatalf("%q: does not cover its own name %q", text, n)
			}
		}
		if d.Kind == LintIgnore && (d.Reason == "") != (d.Malformed != "") {
			t.Fatalf("%q: reason %q but malformed %q", text, d.Reason, d.Malformed)
		}
		if d.Kind == Nolint && d.Malformed != "" {
			t.Fatalf("%q: a //nolint is never malformed", text)
		}
	})
}

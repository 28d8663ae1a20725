package pluginexport

import (
	"strings"
	"testing"
)

func TestParseRequirements(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"Init", "Init"},
		{"Init:func() error", "Init:func() error"},
		{" Init : func ( ) error , Version:string", "Init:func() error,Version:string"},
		{"Init:func(ctx context.Context, cfg map[string]string) (err error)", "Init:func(context.Context, map[string]string) error"},
		{"New:func(a, b int, opts ...string) (*api.Thing, error)", "New:func(int, int, ...string) (*api.Thing, error)"},
		{"Cfg:interface{},Ch:<-chan []byte,Arr:[4]int", "Cfg:any,Ch:<-chan []byte,Arr:[4]int"},
	} {
		rs, err := ParseRequirements(tc.in)
		if err != nil {
			t.Errorf("ParseRequirements(%q): %v", tc.in, err)
			continue
		}
		if got := rs.String(); got != tc.want {
			t.Errorf("ParseRequirements(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, bad := range []string{"init", "Init:", "Init:func(", "Init:func[T any]()", "Init:x.y.Z", "Init:interface{ M() }", "1X:int", "Init:[n]int"} {
		if _, err := ParseRequirements(bad); err == nil {
			t.Errorf("ParseRequirements(%q): no error", bad)
		}
	}
}

func TestPatterns(t *testing.T) {
	for _, tc := range []struct {
		pattern, path string
		want          bool
	}{
		{"net/http", "net/http", true},
		{"net/http", "net/http/pprof", false},
		{"net/http/...", "net/http", true},
		{"net/http/...", "net/http/pprof", true},
		{"net/http/...", "net/httptest", false},
		{"example.com/.../plugins/...", "example.com/x/y/plugins/a", true},
		{"...", "anything", true},
		{"a...b...c", "axxbyyc", true},
		{"a...b...c", "axxcyyb", false},
	} {
		if got := (Patterns{tc.pattern}).Match(tc.path); got != tc.want {
			t.Errorf("%q matches %q = %v, want %v", tc.pattern, tc.path, got, tc.want)
		}
	}
	var p Patterns
	if err := p.Set(" a/... , ,b "); err != nil || p.String() != "a/...,b" {
		t.Errorf("Set: %v %q", err, p.String())
	}
}

// FuzzParseRequirements: the flag parser takes user input from command
// lines and golangci settings; it must never panic, and what it accepts must
// print back to something it accepts as the same list.
func FuzzParseRequirements(f *testing.F) {
	for _, s := range []string{"Init:func() error", "A,B:int", "X:func(a, b map[string][]*p.T) (int, error)", "Y:chan<- struct{}", ",,", "Z:func(...int)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rs, err := ParseRequirements(s)
		if err != nil {
			return
		}
		again, err := ParseRequirements(rs.String())
		if err != nil {
			t.Fatalf("ParseRequirements(%q) = %q, which does not parse: %v", s, rs.String(), err)
		}
		if again.String() != rs.String() {
			t.Fatalf("not stable: %q -> %q -> %q", s, rs.String(), again.String())
		}
	})
}

// FuzzPatterns: matching must never panic, and a pattern without "..."
// matches only itself.
func FuzzPatterns(f *testing.F) {
	f.Add("a/...", "a/b")
	f.Add("...x...", "yxy")
	f.Fuzz(func(t *testing.T, pattern, path string) {
		got := matchPattern(pattern, path)
		if !strings.Contains(pattern, "...") && got != (pattern == path) {
			t.Fatalf("matchPattern(%q, %q) = %v", pattern, path, got)
		}
	})
}

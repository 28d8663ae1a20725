package abicheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A case loads plugins into a host. want gives each plugin's outcome as
// "loads", "fails", "fails:PKG" (the mismatching package), "crashes" or
// "not-reached", so a fixture that stopped producing the failure it was
// built for fails the test; cause, when set, must occur in one of the
// failures' causes.
type integrationCase struct {
	name    string
	host    string
	plugins []string
	want    []string
	cause   string
}

var integrationCases = []integrationCase{
	{"identical builds", "host", []string{"./a.so"}, []string{"loads"}, ""},
	{"identical builds, plain relative name", "host", []string{"a.so", "c.so"}, []string{"loads", "loads"}, ""},
	{"shared-package drift", "host", []string{"./a-drift.so"},
		[]string{"fails:example.com/app/shared"}, "the source of package example.com/app/shared differs between the host and the plugin"},
	{"dependency version mismatch", "host", []string{"./a-dep2.so"},
		[]string{"fails:example.com/dep"}, "module example.com/dep is v1.0.0 => ../dep/v1 in the host but v1.1.0 => "},
	{"-trimpath on the plugin only", "host", []string{"./a-trim.so"},
		[]string{"fails"}, `-trimpath is unset in the host but "true" in the plugin`},
	{"-race on the plugin only", "host", []string{"./a-race.so"},
		[]string{"fails"}, `-race is unset in the host but "true" in the plugin`},
	{"host linked with -s -w", "host-sw", []string{"./a.so", "./a-drift.so"},
		[]string{"loads", "fails"}, "plugin path example.com/app/plugins/a"},
	{"host linked with -s -w, drift", "host-sw", []string{"./a-drift.so"},
		[]string{"fails:example.com/app/shared"}, "the source of package example.com/app/shared differs between the host and the plugin"},
	{"host stripped by strip", "host-strip", []string{"./c.so", "./a-drift.so"},
		[]string{"loads", "fails:example.com/app/shared"}, "the source of package example.com/app/shared differs between the host and the plugin"},
	{"two plugins conflict with each other", "host", []string{"./c.so", "./d.so"},
		[]string{"loads", "fails:example.com/app/extra"}, "the source of package example.com/app/extra differs between ./c.so and the plugin"},
	{"a failed plugin still defines its packages", "host", []string{"./e.so", "./c.so"},
		[]string{"fails:example.com/app/shared", "fails:example.com/app/extra"},
		"example.com/app/extra differs between ./e.so and the plugin (Go version, build settings and module versions agree); ./e.so failed to load, but the dynamic linker keeps its symbols"},
	{"the same plugin twice", "host", []string{"./a.so", "./a.so"}, []string{"loads", "loads"}, ""},
	{"a symbolic link to a loaded plugin", "host", []string{"./a.so", "./a-symlink.so"}, []string{"loads", "loads"}, ""},
	{"a hard link to a loaded plugin", "host", []string{"./a.so", "./a-hardlink.so", "./c.so"},
		[]string{"loads", "fails", "loads"}, "same file as ./a.so (a hard link)"},
	{"a hard link first, then a non-Go shared object", "host", []string{"./a-hardlink.so", "./clib.so"},
		[]string{"loads", "fails"}, "last loaded plugin (./a-hardlink.so)"},
	{"a copy of a loaded plugin", "host", []string{"./a.so", "./a-copy.so"},
		[]string{"loads", "fails"}, "same plugin path example.com/app/plugins/a"},
	{"a failed plugin twice", "host", []string{"./a-drift.so", "./a-drift.so", "./a.so"},
		[]string{"fails:example.com/app/shared", "fails", "loads"}, ""},
	{"a non-Go shared object first", "host", []string{"./clib.so", "./a.so"},
		[]string{"crashes", "not-reached"}, "not a Go plugin, so it adds no Go module"},
	{"a non-Go shared object after a plugin", "host", []string{"./a.so", "./clib.so", "./c.so"},
		[]string{"loads", "fails", "loads"}, "not a Go plugin"},
	{"a non-Go shared object after a failed plugin", "host", []string{"./a-drift.so", "./clib.so"},
		[]string{"fails", "crashes"}, ""},
	{"files that are not ELF", "host", []string{"notes.txt", "./garbage.bin", "./a.so"},
		[]string{"fails", "fails", "loads"}, "dlopen refuses the file"},
	{"a name with a quote and a backslash", "host", []string{`./odd"name\.txt`},
		[]string{"fails"}, "dlopen refuses the file"},
	{"an executable as a plugin", "host", []string{"./host-sw"}, []string{"fails"}, "dlopen refuses the file"},
	{"a host built with CGO_ENABLED=0", "host-nocgo", []string{"./a.so"},
		[]string{"fails"}, "CGO_ENABLED=0"},
}

// TestPredictionsMatchTheRealHost builds real hosts and plugins, runs the
// host (which calls plugin.Open for each plugin in order), and requires
// abicheck's prediction to be exactly what happened, error text included.
func TestPredictionsMatchTheRealHost(t *testing.T) {
	f := artifacts(t)
	for _, tc := range integrationCases {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := os.Stat(filepath.Join(f.dir, tc.host)); err != nil {
				t.Skipf("%s was not built: %v", tc.host, err)
			}
			results := f.predicted(t, tc.host, tc.plugins)
			var text strings.Builder
			if err := WriteText(&text, results); err != nil {
				t.Fatal(err)
			}
			t.Logf("abicheck %s %s\n%s", tc.host, strings.Join(tc.plugins, " "), text.String())
			checkWant(t, tc, results)

			stdout, stderr, code := f.observed(t, tc.host, tc.plugins)
			var want strings.Builder
			wantCode := 0
			for _, r := range results {
				if r.Outcome == Crashes {
					wantCode = 2
					if !strings.HasPrefix(stderr, r.Error+"\n") {
						t.Errorf("predicted %q for %s, but the host's stderr begins:\n%.300s", r.Error, r.Plugin, stderr)
					}
					break
				}
				want.WriteString(line(r) + "\n")
			}
			if stdout != want.String() {
				t.Errorf("the host printed:\n%s\nabicheck predicted:\n%s", stdout, want.String())
			}
			if code != wantCode {
				t.Errorf("the host exited with %d, want %d; stderr:\n%.300s", code, wantCode, stderr)
			}
		})
	}
}

// line is what the host prints for one plugin.Open.
func line(r Result) string {
	if r.Outcome == Loads {
		return r.Plugin + ": loads"
	}
	return r.Plugin + ": " + r.Error
}

func checkWant(t *testing.T, tc integrationCase, results []Result) {
	t.Helper()
	if len(results) != len(tc.want) {
		t.Fatalf("got %d results, want %d", len(results), len(tc.want))
	}
	cause := ""
	for i, r := range results {
		got := string(r.Outcome)
		if r.Package != "" && strings.Contains(tc.want[i], ":") {
			got += ":" + r.Package
		}
		if got != tc.want[i] {
			t.Errorf("%s: predicted %s (%s), want %s", r.Plugin, got, r.Error, tc.want[i])
		}
		if r.Outcome != Loads {
			cause += r.Cause + "\n"
		}
	}
	if !strings.Contains(cause, tc.cause) {
		t.Errorf("cause %q does not contain %q", cause, tc.cause)
	}
}

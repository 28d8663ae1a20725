package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// binary is the real command, built once by TestMain; integration tests run
// it on the fixture modules under testdata/<scenario>, each its own module.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "go-plugin-lint-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "go-plugin-lint")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building the command: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	stdout, stderr string
	code           int
}

// run runs the binary in dir with args; env adds variables.
func run(t *testing.T, dir string, env []string, args ...string) result {
	t.Helper()
	return runCmd(t, dir, env, binary, args...)
}

func runCmd(t *testing.T, dir string, env []string, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	// Fixtures are standalone modules: no workspace of the caller applies.
	cmd.Env = append(os.Environ(), append([]string{"GOWORK=off", "GOFLAGS="}, env...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("running %s %v: %v", name, args, err)
		}
		code = ee.ExitCode()
	}
	return result{stdout.String(), stderr.String(), code}
}

func fixture(name string) string {
	dir, err := filepath.Abs(filepath.Join("testdata", name))
	if err != nil {
		panic(err)
	}
	return dir
}

// copyFixture copies a fixture module to a temporary directory, for tests
// that change files.
func copyFixture(t *testing.T, name string) string {
	t.Helper()
	dst := t.TempDir()
	if err := os.CopyFS(dst, os.DirFS(fixture(name))); err != nil {
		t.Fatal(err)
	}
	return dst
}

// lineOf returns the 1-based line of the only line of file holding marker,
// so that expectations follow the fixtures rather than line numbers.
func lineOf(t *testing.T, file, marker string) int {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for i, l := range strings.Split(string(data), "\n") {
		if strings.Contains(l, marker) {
			if found != 0 {
				t.Fatalf("%s: marker %q is on two lines", file, marker)
			}
			found = i + 1
		}
	}
	if found == 0 {
		t.Fatalf("%s: no line holds %q", file, marker)
	}
	return found
}

// want is an expected finding: "file:line analyzer" (file slash-separated,
// relative to the module); messages are not compared so that wording
// changes in the analyzers do not break these tests.
func want(t *testing.T, dir, file, marker, analyzer string) string {
	t.Helper()
	return fmt.Sprintf("%s:%d %s", file, lineOf(t, filepath.Join(dir, filepath.FromSlash(file)), marker), analyzer)
}

var textLine = regexp.MustCompile(`^(.+?):(\d+):(\d+): (.+) \(([a-z]+)\)$`)

// parseText turns text output into sorted "file:line analyzer" keys,
// failing on lines not in the documented format.
func parseText(t *testing.T, out string) []string {
	t.Helper()
	var keys []string
	for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if l == "" {
			continue
		}
		m := textLine.FindStringSubmatch(l)
		if m == nil {
			t.Fatalf("output line not in the file:line:col: message (analyzer) format: %q", l)
		}
		keys = append(keys, filepath.ToSlash(m[1])+":"+m[2]+" "+m[5])
	}
	sort.Strings(keys)
	return keys
}

func sameKeys(t *testing.T, what string, got, want []string) {
	t.Helper()
	sort.Strings(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\ngot:\n\t%s\nwant:\n\t%s", what, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

package redundantiface_test

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// buildCommand builds the real go-plugin-lint binary into a temporary
// directory.
func buildCommand(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the command")
	}
	bin := filepath.Join(t.TempDir(), "go-plugin-lint")
	cmd := exec.Command("go", "build", "-o", bin, "github.com/go-plugin-lint/go-plugin-lint/cmd/go-plugin-lint")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

var textFinding = regexp.MustCompile(`^(.+?):(\d+):\d+: (.*) \(redundantiface\)$`)

// findings turns the command's text output into "file:line: message" lines.
func findings(t *testing.T, out []byte) []string {
	t.Helper()
	var got []string
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		m := textFinding.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		got = append(got, filepath.ToSlash(m[1])+":"+m[2]+": "+m[3])
	}
	return got
}

func runIn(t *testing.T, dir, name string, args ...string) ([]byte, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if stderr.Len() > 0 {
		t.Logf("%s stderr:\n%s", name, stderr.String())
	}
	return append(stdout.Bytes(), stderr.Bytes()...), code
}

// The standalone command over a module with a host, a plugin package main,
// cross-package implementers, a _test.go double, a mockgen mock and
// generics reports the run-wide findings and the per-package ones.
func TestCommandRunWide(t *testing.T) {
	bin := buildCommand(t)
	dir := filepath.Join("testdata", "runwide")
	out, code := runIn(t, dir, bin, "-redundantiface", "./...")
	if code != 3 {
		t.Errorf("exit code %d, want 3 (findings)\n%s", code, out)
	}
	check(t, findings(t, out), expectationsIn(t, dir, "runwide", "pkg"))
}

// Under go vet only the per-package tier runs: the run-wide findings need
// the standalone command.
func TestVetPerPackageOnly(t *testing.T) {
	bin := buildCommand(t)
	dir := filepath.Join("testdata", "runwide")
	out, _ := runIn(t, dir, "go", "vet", "-vettool="+bin, "-redundantiface", "./...")
	var got []string
	for _, line := range strings.Split(string(out), "\n") {
		// go vet prints "file:line:col: message" without the analyzer name.
		if m := regexp.MustCompile(`^(.+?):(\d+):\d+: (.*)$`).FindStringSubmatch(strings.TrimPrefix(line, "./")); m != nil {
			got = append(got, filepath.ToSlash(m[1])+":"+m[2]+": "+m[3])
		}
	}
	check(t, got, expectationsIn(t, dir, "pkg"))
}

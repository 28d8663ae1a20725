package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestAbicheckCommand runs the subcommand on a real host and real plugins
// (from internal/abicheck/testdata/app) and checks its exit statuses, its
// text and JSON output, and its one-line errors on bad input.
func TestAbicheckCommand(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("abicheck reads Linux ELF files; -buildmode=plugin artifacts are built for linux only here")
	}
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("-buildmode=plugin needs cgo, and gcc is not installed")
	}
	dir := t.TempDir()
	app, err := filepath.Abs(filepath.Join("..", "..", "internal", "abicheck", "testdata", "app"))
	if err != nil {
		t.Fatal(err)
	}
	overlay := filepath.Join(dir, "drift.json")
	drift := filepath.Join(app, "..", "drift", "shared.go")
	data, _ := json.Marshal(map[string]any{"Replace": map[string]string{filepath.Join(app, "shared", "shared.go"): drift}})
	if err := os.WriteFile(overlay, data, 0o666); err != nil {
		t.Fatal(err)
	}
	gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
	for _, b := range [][]string{
		{"-o", filepath.Join(dir, "host"), "./host"},
		{"-buildmode=plugin", "-o", filepath.Join(dir, "a.so"), "./plugins/a"},
		{"-buildmode=plugin", "-overlay=" + overlay, "-o", filepath.Join(dir, "a-drift.so"), "./plugins/a"},
	} {
		cmd := exec.Command(gobin, append([]string{"build"}, b...)...)
		cmd.Dir = app
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOPROXY=off", "GOFLAGS=", "CGO_ENABLED=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go build %v: %v\n%s", b, err, out)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("text\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)

	run := func(args ...string) (string, string, int) {
		var stdout, stderr bytes.Buffer
		code := abicheckRun(args, &stdout, &stderr)
		return stdout.String(), stderr.String(), code
	}

	stdout, _, code := run("host", "./a.so")
	if code != exitClean || stdout != "./a.so: loads\n" {
		t.Errorf("identical build: exit %d, output %q", code, stdout)
	}

	stdout, _, code = run("host", "./a.so", "./a-drift.so")
	want := "./a.so: loads\n" +
		"./a-drift.so: plugin.Open(\"./a-drift\"): plugin already loaded\n" +
		"\tcause: ./a.so has the same plugin path example.com/app/plugins/a (each plugin's main package must have its own import path)\n"
	if code != exitFindings || stdout != want {
		t.Errorf("exit %d, output:\n%s\nwant exit 3 and:\n%s", code, stdout, want)
	}

	stdout, _, code = run("-json", "host", "./a-drift.so")
	var rep struct {
		Host    string
		Loads   bool
		Plugins []struct{ Plugin, Outcome, Error, Package, ConflictsWith, Cause string }
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("-json output is not JSON: %v\n%s", err, stdout)
	}
	if code != exitFindings || rep.Loads || len(rep.Plugins) != 1 || rep.Plugins[0].Package != "example.com/app/shared" ||
		rep.Plugins[0].ConflictsWith != "the host" ||
		rep.Plugins[0].Error != `plugin.Open("./a-drift"): plugin was built with a different version of package example.com/app/shared` {
		t.Errorf("-json: exit %d, report %+v", code, rep)
	}

	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"host"}, "need a host and at least one plugin"},
		{[]string{"missing", "./a.so"}, "missing: no such file or directory"},
		{[]string{"host", "missing.so"}, "missing.so: no such file or directory"},
		{[]string{"notes.txt", "./a.so"}, "notes.txt: not an ELF file"},
		{[]string{"./a.so", "./a.so"}, "./a.so: host is a shared object, not an executable"},
	} {
		stdout, stderr, code := run(tc.args...)
		if code != exitError || stdout != "" || !strings.Contains(stderr, tc.want) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("abicheck %v: exit %d, stdout %q, stderr %q; want exit 1 and one line containing %q",
				tc.args, code, stdout, stderr, tc.want)
		}
	}
}

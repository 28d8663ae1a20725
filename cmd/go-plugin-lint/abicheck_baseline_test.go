package main

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/go-plugin-lint/go-plugin-lint/analyzers/abidrift/baseline"
)

// TestAbicheckBaseline: a baseline recorded from the host's sources, and a
// plugin built from a working tree whose shared package gained a method in
// its contract and a new function. abicheck must predict the failure and
// name both changed declarations, read from the working tree's source.
func TestAbicheckBaseline(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("abicheck reads Linux ELF files; -buildmode=plugin artifacts are built for linux only here")
	}
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("-buildmode=plugin needs cgo, and gcc is not installed")
	}
	t.Setenv("GOWORK", "off")
	t.Setenv("GOPROXY", "off")
	t.Setenv("GOFLAGS", "")
	dir := t.TempDir()
	app, err := filepath.Abs(filepath.Join("..", "..", "internal", "abicheck", "testdata", "app"))
	if err != nil {
		t.Fatal(err)
	}

	// The baseline: the API of shared as the host was built.
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedTypes | packages.NeedSyntax, Dir: app}, "./shared")
	if err != nil || len(pkgs) != 1 || len(pkgs[0].Errors) > 0 {
		t.Fatalf("loading shared: %v %v", err, pkgs)
	}
	data, err := baseline.New([]baseline.Input{{Types: pkgs[0].Types, Files: pkgs[0].Syntax}}, baseline.Options{}).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	baseFile := filepath.Join(dir, "shared.baseline.json")
	if err := os.WriteFile(baseFile, data, 0o666); err != nil {
		t.Fatal(err)
	}

	// The working tree: a copy of the module and its dependency, same
	// go.mod, with shared changed.
	work := filepath.Join(dir, "app")
	copyTree(t, app, work)
	copyTree(t, filepath.Join(app, "..", "dep"), filepath.Join(dir, "dep"))
	writeFile(t, filepath.Join(work, "shared", "shared.go"), `// Package shared is the contract host and plugins share.
package shared

// Greeter is what plugins implement.
type Greeter interface {
	Greet() string
	Close() error
}

// Name names the contract.
func Name() string { return "greeter" }

// Extra is new.
func Extra() int { return 1 }
`)
	gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
	for _, b := range []struct{ dir, out, pkg, mode string }{
		{app, filepath.Join(dir, "host"), "./host", "-buildmode=default"},
		{work, filepath.Join(work, "a.so"), "./plugins/a", "-buildmode=plugin"},
	} {
		cmd := exec.Command(gobin, "build", b.mode, "-o", b.out, b.pkg)
		cmd.Dir = b.dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go build %s: %v\n%s", b.pkg, err, out)
		}
	}

	t.Chdir(work)
	var stdout, stderr bytes.Buffer
	code := abicheckRun([]string{"-json", "-baseline", baseFile, filepath.Join(dir, "host"), "./a.so"}, &stdout, &stderr)
	var rep struct {
		Plugins []struct {
			Package string
			Changes []string
		}
	}
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatalf("exit %d, stderr %q, output is not JSON: %v\n%s", code, stderr.String(), err, stdout.String())
	}
	t.Logf("%s", stdout.String())
	if code != exitFindings || len(rep.Plugins) != 1 || rep.Plugins[0].Package != "example.com/app/shared" {
		t.Fatalf("exit %d, report %+v, stderr %q", code, rep, stderr.String())
	}
	changes := strings.Join(rep.Plugins[0].Changes, "\n")
	for _, want := range []string{"Greeter.Close: added (breaking)", "Extra: added (compatible)"} {
		if !strings.Contains(changes, want) {
			t.Errorf("changes %q do not contain %q", changes, want)
		}
	}

	// A baseline that is not one is bad input, in one line.
	stdout.Reset()
	stderr.Reset()
	code = abicheckRun([]string{"-baseline", filepath.Join(work, "go.mod"), filepath.Join(dir, "host"), "./a.so"}, &stdout, &stderr)
	if code != exitError || strings.Count(stderr.String(), "\n") != 1 || !strings.Contains(stderr.String(), "baseline") {
		t.Errorf("bad baseline: exit %d, stderr %q", code, stderr.String())
	}
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o777)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), data, 0o666)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o666); err != nil {
		t.Fatal(err)
	}
}

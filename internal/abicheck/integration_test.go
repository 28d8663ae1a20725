package abicheck

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// TestMain removes the shared fixture directory after all tests and
// benchmarks of the package.
func TestMain(m *testing.M) {
	code := m.Run()
	if fixtureDir != "" {
		os.RemoveAll(fixtureDir)
	}
	os.Exit(code)
}

// fixture holds the real artifacts every integration case uses, built once
// per test binary from testdata/ into one temporary directory.
type fixture struct {
	dir string // the host runs here, and the plugins are named relative to it
}

var (
	fixtureOnce sync.Once
	fixtureVal  *fixture
	fixtureErr  error
	fixtureSkip string
	fixtureDir  string // removed by TestMain, even after a failed build
)

// artifacts builds (once) the hosts and plugins of testdata/app:
//
//	host         the host, linking shared and dep v1.0.0
//	host-sw      the host linked with -ldflags=-s -w
//	host-strip   host stripped by strip(1), when strip exists
//	host-nocgo   the host built with CGO_ENABLED=0
//	a.so         plugin a (shared, dep), identical build
//	a-copy.so    a copy of a.so under another name
//	a-hardlink.so, a-symlink.so  links to a.so
//	a-drift.so   plugin a with one unexported function added to shared
//	a-dep2.so    plugin a with dep at v1.1.0 (another go.mod via -modfile)
//	a-trim.so    plugin a built with -trimpath
//	a-race.so    plugin a built with -race
//	c.so         plugin c (extra only)
//	d.so         plugin d (extra, drifted)
//	e.so         plugin e (shared and extra, drifted)
//	clib.so      a C shared object
//	notes.txt    a short text file; garbage.bin a longer non-ELF file;
//	             odd"name\.txt a text file with a quote in its name
func artifacts(t testing.TB) *fixture {
	t.Helper()
	fixtureOnce.Do(func() { fixtureVal, fixtureErr, fixtureSkip = buildArtifacts() })
	if fixtureSkip != "" {
		t.Skip(fixtureSkip)
	}
	if fixtureErr != nil {
		t.Fatal(fixtureErr)
	}
	return fixtureVal
}

func buildArtifacts() (*fixture, error, string) {
	if runtime.GOOS != "linux" {
		return nil, nil, "abicheck's integration test needs linux: it reads ELF files and builds with -buildmode=plugin"
	}
	gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
	cgo, err := exec.Command(gobin, "env", "CGO_ENABLED").Output()
	if err != nil || strings.TrimSpace(string(cgo)) != "1" {
		return nil, nil, "-buildmode=plugin needs cgo, and go env CGO_ENABLED is not 1 here"
	}
	if _, err := exec.LookPath("gcc"); err != nil {
		return nil, nil, "-buildmode=plugin needs cgo, and gcc is not installed"
	}
	// The fixture's root lives outside the test's temporary directories
	// so that every test and benchmark of this binary shares one build.
	dir, err := os.MkdirTemp("", "abicheck-test-")
	if err != nil {
		return nil, err, ""
	}
	fixtureDir = dir
	app, err := filepath.Abs(filepath.Join("testdata", "app"))
	if err != nil {
		return nil, err, ""
	}
	drift, _ := filepath.Abs(filepath.Join("testdata", "drift"))
	dep2, _ := filepath.Abs(filepath.Join("testdata", "dep", "v2"))

	// -overlay swaps the sources of shared and extra in place, so their
	// file paths (part of the export data) stay the same: pure drift.
	overlay, _ := json.Marshal(map[string]any{"Replace": map[string]string{
		filepath.Join(app, "shared", "shared.go"): filepath.Join(drift, "shared.go"),
		filepath.Join(app, "extra", "extra.go"):   filepath.Join(drift, "extra.go"),
	}})
	overlayFile := filepath.Join(dir, "drift.json")
	// -modfile builds the same sources with dep at another version.
	modFile := filepath.Join(dir, "dep2.mod")
	mod := fmt.Sprintf("module example.com/app\n\ngo 1.26.0\n\nrequire example.com/dep v1.1.0\n\nreplace example.com/dep v1.1.0 => %s\n", dep2)
	if err := os.WriteFile(overlayFile, overlay, 0o666); err != nil {
		return nil, err, ""
	}
	if err := os.WriteFile(modFile, []byte(mod), 0o666); err != nil {
		return nil, err, ""
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not a plugin\n"), 0o666); err != nil {
		return nil, err, ""
	}
	// A name with a quote and a backslash: the runtime does not escape it.
	if err := os.WriteFile(filepath.Join(dir, `odd"name\.txt`), []byte("x"), 0o666); err != nil {
		return nil, err, ""
	}
	garbage := bytes.Repeat([]byte("this is not an ELF file, but it is longer than one ELF header. "), 4)
	if err := os.WriteFile(filepath.Join(dir, "garbage.bin"), garbage, 0o666); err != nil {
		return nil, err, ""
	}

	plugin := []string{"-buildmode=plugin"}
	builds := []struct {
		out   string
		flags []string
		pkg   string
		env   []string
	}{
		{"host", nil, "./host", nil},
		{"host-sw", []string{"-ldflags=-s -w"}, "./host", nil},
		{"host-nocgo", nil, "./host", []string{"CGO_ENABLED=0"}},
		{"a.so", plugin, "./plugins/a", nil},
		{"a-drift.so", append(plugin, "-overlay="+overlayFile), "./plugins/a", nil},
		{"a-dep2.so", append(plugin, "-modfile="+modFile), "./plugins/a", nil},
		{"a-trim.so", append(plugin, "-trimpath"), "./plugins/a", nil},
		{"a-race.so", append(plugin, "-race"), "./plugins/a", nil},
		{"c.so", plugin, "./plugins/c", nil},
		{"d.so", append(plugin, "-overlay="+overlayFile), "./plugins/d", nil},
		{"e.so", append(plugin, "-overlay="+overlayFile), "./plugins/e", nil},
	}
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		errs []error
		sem  = make(chan struct{}, 3) // 2 cores: link while compiling
	)
	record := func(err error) {
		mu.Lock()
		errs = append(errs, err)
		mu.Unlock()
	}
	for _, b := range builds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			args := append([]string{"build", "-o", filepath.Join(dir, b.out)}, b.flags...)
			cmd := exec.Command(gobin, append(args, b.pkg)...)
			cmd.Dir = app
			// No network, no workspace: the fixtures are self-contained.
			cmd.Env = append(os.Environ(), "GOWORK=off", "GOPROXY=off", "GOFLAGS=")
			cmd.Env = append(cmd.Env, b.env...)
			if out, err := cmd.CombinedOutput(); err != nil {
				record(fmt.Errorf("go %s: %v\n%s", strings.Join(cmd.Args[1:], " "), err, out))
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		out, err := exec.Command("gcc", "-shared", "-fPIC", "-o", filepath.Join(dir, "clib.so"),
			filepath.Join("testdata", "clib", "clib.c")).CombinedOutput()
		if err != nil {
			record(fmt.Errorf("gcc: %v\n%s", err, out))
		}
	}()
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err, ""
	}
	for _, c := range [][2]string{{"a.so", "a-copy.so"}, {"host", "host-strip"}} {
		data, err := os.ReadFile(filepath.Join(dir, c[0]))
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, c[1]), data, 0o755)
		}
		if err != nil {
			return nil, err, ""
		}
	}
	if err := os.Link(filepath.Join(dir, "a.so"), filepath.Join(dir, "a-hardlink.so")); err != nil {
		return nil, err, ""
	}
	if err := os.Symlink("a.so", filepath.Join(dir, "a-symlink.so")); err != nil {
		return nil, err, ""
	}
	if strip, err := exec.LookPath("strip"); err == nil {
		if out, err := exec.Command(strip, filepath.Join(dir, "host-strip")).CombinedOutput(); err != nil {
			return nil, fmt.Errorf("strip: %v\n%s", err, out), ""
		}
	} else {
		os.Remove(filepath.Join(dir, "host-strip"))
	}
	return &fixture{dir: dir}, nil, ""
}

// observed runs the real host, which opens each plugin in order, and
// returns what it printed, its stderr and its exit code.
func (f *fixture) observed(t *testing.T, host string, plugins []string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command("./"+host, plugins...)
	cmd.Dir = f.dir
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("running the host: %v", err)
	}
	return out.String(), errb.String(), cmd.ProcessState.ExitCode()
}

// predicted runs abicheck on the same paths, from the same directory.
func (f *fixture) predicted(t *testing.T, host string, plugins []string) []Result {
	t.Helper()
	t.Chdir(f.dir)
	h, err := Read(host)
	if err != nil {
		t.Fatal(err)
	}
	var ps []*Artifact
	for _, p := range plugins {
		a, err := Read(p)
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, a)
	}
	results, err := Predict(h, ps)
	if err != nil {
		t.Fatal(err)
	}
	return results
}

// BenchmarkAbicheck measures one full prediction for a real host and a
// real plugin: reading both files and replaying plugin.Open.
func BenchmarkAbicheck(b *testing.B) {
	f := artifacts(b)
	b.Chdir(f.dir)
	for b.Loop() {
		h, err := Read("host")
		if err != nil {
			b.Fatal(err)
		}
		p, err := Read("./a-drift.so")
		if err != nil {
			b.Fatal(err)
		}
		results, err := Predict(h, []*Artifact{p})
		if err != nil || len(results) != 1 || results[0].Outcome != Fails {
			b.Fatalf("unexpected prediction %v, %v", results, err)
		}
	}
}

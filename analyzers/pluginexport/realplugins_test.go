package pluginexport_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
)

// pair is one host run against one plugin.
type pair struct{ host, plugin string }

// realPairs are the host/plugin pairs of testdata/realplugins. What really
// happens is decided by running them; works records what the runtime is
// known to do on Go 1.26 (checked too, so a change in the runtime shows).
var realPairs = []struct {
	pair
	works bool
}{
	{pair{"classic", "ifacevar"}, false}, // sym.(api.Processor) on a variable: panics
	{pair{"ptr", "ifacevar"}, true},      // *sym.(*api.Processor): works
	{pair{"ptr", "concrete"}, false},     // Lookup gives *main.impl
	{pair{"ptr", "redecl"}, false},       // Lookup gives *main.Processor
	{pair{"iface", "concrete"}, true},    // *impl has the methods
	{pair{"iface", "ifacevar"}, false},   // *api.Processor has no methods
	{pair{"iface", "ptrvar"}, false},     // **impl has no methods
	{pair{"ptr", "ptrvar"}, false},       // **impl is not *api.Processor
	{pair{"funcsig", "funcs"}, true},     // exact unnamed signature
	{pair{"named", "funcs"}, false},      // named func type never matches
	{pair{"ptrfunc", "funcs"}, false},    // a function's symbol is not a pointer
	{pair{"missing", "funcs"}, false},    // symbol not found
	{pair{"unchecked", "funcs"}, false},  // ignored Open error: nil *Plugin
}

const realModule = "example.com/realplugins"

// TestRealPlugins builds real -buildmode=plugin plugins and their hosts,
// runs every pair, and checks that the standalone command (with its
// run-wide cross-check) reports every pair that really fails and no pair
// that really works.
func TestRealPlugins(t *testing.T) {
	if testing.Short() {
		t.Skip("builds real plugins; skipped in -short mode")
	}
	switch runtime.GOOS {
	case "linux", "darwin", "freebsd":
	default:
		t.Skipf("-buildmode=plugin is not supported on %s", runtime.GOOS)
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	if out, err := exec.Command(goTool, "env", "CGO_ENABLED", "CC").Output(); err != nil {
		t.Skipf("go env: %v", err)
	} else if lines := strings.Fields(string(out)); len(lines) < 2 || lines[0] != "1" {
		t.Skip("-buildmode=plugin needs cgo, and CGO_ENABLED is not 1")
	} else if _, err := exec.LookPath(lines[1]); err != nil {
		t.Skipf("-buildmode=plugin needs a C compiler, and %s is not on PATH", lines[1])
	}

	fixture, err := filepath.Abs(filepath.Join("testdata", "realplugins"))
	if err != nil {
		t.Fatal(err)
	}
	repo, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	env := append(os.Environ(), "GOWORK=off", "GOFLAGS=", "CGO_ENABLED=1")
	goCmd := func(dir string, args ...string) error {
		cmd := exec.Command(goTool, args...)
		cmd.Dir, cmd.Env = dir, env
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return nil
	}

	// Build the plugins, the hosts and the command, two at a time (the
	// machine this runs on in CI has two cores).
	plugins := map[string]bool{}
	for _, p := range realPairs {
		plugins[p.plugin] = true
	}
	jobs := []func() error{
		func() error {
			return goCmd(fixture, "build", "-o", filepath.Join(tmp, "hosts")+string(filepath.Separator), "./hosts/...")
		},
		func() error {
			return goCmd(repo, "build", "-o", filepath.Join(tmp, "go-plugin-lint"), "./cmd/go-plugin-lint")
		},
	}
	for _, name := range sortedKeys(plugins) {
		jobs = append(jobs, func() error {
			return goCmd(fixture, "build", "-buildmode=plugin", "-o", filepath.Join(tmp, name+".so"), "./plugins/"+name)
		})
	}
	if err := runParallel(2, jobs); err != nil {
		t.Fatal(err)
	}

	// What really happens.
	outcome := map[pair]string{}
	for _, p := range realPairs {
		cmd := exec.Command(filepath.Join(tmp, "hosts", p.host), filepath.Join(tmp, p.plugin+".so"))
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("host %s with plugin %s: %v\n%s", p.host, p.plugin, err, out)
		}
		outcome[p.pair] = strings.TrimSpace(string(out))
		if works := strings.HasPrefix(outcome[p.pair], "OK"); works != p.works {
			t.Errorf("host %s with plugin %s: %s; the runtime behaves differently than this test knows", p.host, p.plugin, outcome[p.pair])
		}
	}

	// What the command reports.
	findings := lintReal(t, filepath.Join(tmp, "go-plugin-lint"), fixture, env)
	for _, p := range realPairs {
		works := strings.HasPrefix(outcome[p.pair], "OK")
		got := findingsFor(findings, p.pair)
		switch {
		case works && len(got) > 0:
			t.Errorf("host %s with plugin %s works (%s), but is reported:\n\t%s", p.host, p.plugin, outcome[p.pair], strings.Join(got, "\n\t"))
		case !works && len(got) == 0:
			t.Errorf("host %s with plugin %s fails (%s), but nothing reports it", p.host, p.plugin, outcome[p.pair])
		default:
			t.Logf("host %s with plugin %s: %s; %d finding(s)", p.host, p.plugin, outcome[p.pair], len(got))
		}
	}
}

type realFinding struct {
	dir     string // directory relative to the fixture, e.g. hosts/ptr
	message string
}

// lintReal runs the standalone command over the fixture module and returns
// its pluginexport findings.
func lintReal(t *testing.T, bin, fixture string, env []string) []realFinding {
	t.Helper()
	cmd := exec.Command(bin, "-pluginexport", "-json", "./...")
	cmd.Dir, cmd.Env = fixture, env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	_ = cmd.Run() // a non-zero exit only says there are findings; the output decides
	if stderr.Len() > 0 {
		t.Fatalf("go-plugin-lint: %s", stderr.String())
	}
	var tree map[string]map[string][]struct {
		Posn    string `json:"posn"`
		Message string `json:"message"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &tree); err != nil {
		t.Fatalf("go-plugin-lint -json: %v\n%s", err, stdout.String())
	}
	var out []realFinding
	for _, pkg := range sortedKeys(tree) {
		for _, d := range tree[pkg]["pluginexport"] {
			file := d.Posn
			if i := strings.Index(file, ".go:"); i >= 0 {
				file = file[:i+3]
			}
			rel, err := filepath.Rel(fixture, filepath.Dir(file))
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, realFinding{filepath.ToSlash(rel), d.Message})
			t.Logf("finding: %s: %s", d.Posn, d.Message)
		}
	}
	return out
}

// findingsFor returns the findings that concern the pair: in the host's
// files, naming the plugin or no plugin at all (a per-package host rule);
// or anywhere in the plugin's files.
func findingsFor(findings []realFinding, p pair) []string {
	pluginPath := realModule + "/plugins/" + p.plugin
	var out []string
	for _, f := range findings {
		names := func(path string) bool {
			i := strings.Index(f.message, path)
			return i >= 0 && (i+len(path) == len(f.message) || strings.ContainsRune(" :,)", rune(f.message[i+len(path)])))
		}
		switch {
		case f.dir == "hosts/"+p.host && (names(pluginPath) || !strings.Contains(f.message, realModule+"/plugins/") || strings.Contains(f.message, "fails for every plugin in this run")):
			out = append(out, f.message)
		case f.dir == "plugins/"+p.plugin:
			out = append(out, f.message)
		}
	}
	return out
}

func runParallel(n int, jobs []func() error) error {
	sem := make(chan struct{}, n)
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	for i, job := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			errs[i] = job()
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

package golangci

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// golangciVersion is the golangci-lint release the custom binary is built
// from; go.mod pins the versions of the dependencies it shares with us.
const golangciVersion = "v" + golangciVersionNumber

const golangciVersionNumber = "2.15.0"

const golangciModule = "github.com/golangci/golangci-lint/v2"

const ourModule = "github.com/go-plugin-lint/go-plugin-lint"

// customMain is the custom binary's main package: what golangci-lint's own
// cmd/golangci-lint/main.go does (hand the build info to commands.Execute,
// exit 3 on error), plus the blank import that registers our linters. It is
// the same program `golangci-lint custom` generates from .custom-gcl.yml,
// built from the module proxy because CI cannot clone from GitHub.
const customMain = `// The custom golangci-lint binary of go-plugin-lint's integration test.
package main

import (
	"fmt"
	"os"
	"runtime/debug"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	_ "` + ourModule + `/golangci"
)

// version is set at build time to golangci-lint's version and the cache key
// of the binary: golangci-lint salts its analysis cache with the version, so
// a binary with other analyzers must not share one.
var version = "` + golangciVersionNumber + `-go-plugin-lint-test"

func main() {
	info := commands.BuildInfo{Version: version, Commit: "?", Date: "(unknown)", GoVersion: "unknown"}
	if bi, ok := debug.ReadBuildInfo(); ok {
		info.GoVersion = bi.GoVersion
	}
	if err := commands.Execute(info); err != nil {
		_, _ = fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}
`

// customGoMod is the custom binary's go.mod; %s is the checkout.
const customGoMod = `module go-plugin-lint.test/custom-gcl

go 1.26.0

require (
	` + golangciModule + ` ` + golangciVersion + `
	` + ourModule + ` v0.0.0
)

replace ` + ourModule + ` => %s
`

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// customBinary returns a golangci-lint binary with our plugin linked in,
// built once per test process and cached across runs under the user cache
// directory, keyed by everything that goes into it.
func customBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("building a custom golangci-lint binary takes minutes; skipped with -short")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Fatalf("the go command is needed to build the custom golangci-lint binary: %v", err)
	}
	buildOnce.Do(func() { binPath, buildErr = buildCustomBinary(t) })
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// checkout returns the root of our module: the directory above this package.
func checkout() (string, error) {
	root, err := filepath.Abs("..")
	if err != nil {
		return "", err
	}
	data, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return "", err
	}
	if !bytes.HasPrefix(data, []byte("module "+ourModule+"\n")) {
		return "", fmt.Errorf("%s is not the root of %s", root, ourModule)
	}
	return root, nil
}

// goCmd runs the go command in dir with an environment that makes the
// custom module independent of the caller's: no workspace, no toolchain
// switch, module mode, none of the caller's GOFLAGS (such as -mod=vendor).
// It never passes -mod=mod: in our checkout, go list must not edit go.mod.
func goCmd(dir string, args ...string) *exec.Cmd {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOTOOLCHAIN=local", "GOFLAGS=-buildvcs=false", "GO111MODULE=on")
	return cmd
}

func run(cmd *exec.Cmd) ([]byte, error) {
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return out, fmt.Errorf("%s (in %s): %v\n%s", strings.Join(cmd.Args, " "), cmd.Dir, err, stderr.Bytes())
	}
	return out, nil
}

// cacheKey hashes what determines the binary: the golangci-lint version,
// the Go toolchain, the generated module, and our go.mod, go.sum and every
// file that the plugin package's build reads from our module.
func cacheKey(root string) (string, error) {
	h := sha256.New()
	goVersion, err := run(goCmd(root, "env", "GOVERSION"))
	if err != nil {
		return "", err
	}
	fmt.Fprintf(h, "golangci %s\ngo %s\nmain %s\ngo.mod %s\n", golangciVersion, bytes.TrimSpace(goVersion), customMain, customGoMod)
	files := []string{filepath.Join(root, "go.mod"), filepath.Join(root, "go.sum")}
	out, err := run(goCmd(root, "list", "-deps", "-json=Dir,GoFiles,CgoFiles,EmbedFiles,Module", "./golangci"))
	if err != nil {
		return "", err
	}
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		var p struct {
			Dir                           string
			GoFiles, CgoFiles, EmbedFiles []string
			Module                        *struct{ Main bool }
		}
		if err := dec.Decode(&p); err != nil {
			return "", fmt.Errorf("go list output: %v", err)
		}
		if p.Module == nil || !p.Module.Main {
			continue // dependencies are fixed by go.sum
		}
		for _, list := range [][]string{p.GoFiles, p.CgoFiles, p.EmbedFiles} {
			for _, f := range list {
				files = append(files, filepath.Join(p.Dir, f))
			}
		}
	}
	sort.Strings(files)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return "", err
		}
		rel, _ := filepath.Rel(root, f)
		fmt.Fprintf(h, "%s %d\n", filepath.ToSlash(rel), len(data))
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

func buildCustomBinary(t *testing.T) (string, error) {
	root, err := checkout()
	if err != nil {
		return "", err
	}
	key, err := cacheKey(root)
	if err != nil {
		return "", fmt.Errorf("computing the cache key: %v", err)
	}
	userCache, err := os.UserCacheDir()
	if err != nil {
		// No $HOME or XDG_CACHE_HOME (a bare CI container): build anyway,
		// in the temporary directory, which is cache enough for one run.
		t.Logf("no user cache directory (%v): the custom binary goes to %s", err, os.TempDir())
		userCache = os.TempDir()
	}
	cacheRoot := filepath.Join(userCache, "go-plugin-lint-test")
	final := filepath.Join(cacheRoot, "golangci-"+key)
	bin := filepath.Join(final, "golangci-lint")
	if _, err := os.Stat(bin); err == nil {
		t.Logf("using the cached custom golangci-lint binary %s", bin)
		return bin, checkDependencies(t, final)
	}

	if err := os.MkdirAll(cacheRoot, 0o755); err != nil {
		return "", err
	}
	work, err := os.MkdirTemp(cacheRoot, "build-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(work) // left only when the rename below did not happen
	if err := os.WriteFile(filepath.Join(work, "main.go"), []byte(customMain), 0o644); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(work, "go.mod"), fmt.Appendf(nil, customGoMod, root), 0o644); err != nil {
		return "", err
	}
	start := time.Now()
	if _, err := run(goCmd(work, "mod", "tidy")); err != nil {
		return "", err
	}
	t.Logf("go mod tidy of the custom module: %s", time.Since(start).Round(time.Second))
	start = time.Now()
	ldflags := "-X main.version=" + golangciVersionNumber + "-go-plugin-lint-test-" + key
	if _, err := run(goCmd(work, "build", "-ldflags="+ldflags, "-o", "golangci-lint", ".")); err != nil {
		return "", err
	}
	t.Logf("go build of the custom golangci-lint binary: %s", time.Since(start).Round(time.Second))
	modules, err := run(goCmd(work, "list", "-m", "-json=Path,Version,Main,Replace", "all"))
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(work, "modules.json"), modules, 0o644); err != nil {
		return "", err
	}
	// The rename publishes the binary at once; a concurrent run that got
	// there first wins, and this one uses its result.
	if err := os.Rename(work, final); err != nil {
		if _, statErr := os.Stat(bin); statErr != nil {
			return "", fmt.Errorf("publishing the custom binary: %v", err)
		}
	}
	pruneOldBinaries(cacheRoot, filepath.Base(final))
	return bin, checkDependencies(t, final)
}

// pruneOldBinaries keeps the binaries of the three most recent builds
// besides keep (about 70 MB each: every change to our sources makes a new
// one) and removes older ones, unless they were built within the hour,
// which a concurrent run from another checkout may be using.
func pruneOldBinaries(cacheRoot, keep string) {
	entries, err := os.ReadDir(cacheRoot)
	if err != nil {
		return
	}
	type built struct {
		name string
		mod  time.Time
	}
	var old []built
	for _, e := range entries {
		if e.Name() == keep || !strings.HasPrefix(e.Name(), "golangci-") {
			continue
		}
		if info, err := e.Info(); err == nil {
			old = append(old, built{e.Name(), info.ModTime()})
		}
	}
	sort.Slice(old, func(i, j int) bool { return old[i].mod.After(old[j].mod) })
	for i, b := range old {
		if i >= 3 && time.Since(b.mod) > time.Hour {
			os.RemoveAll(filepath.Join(cacheRoot, b.name))
		}
	}
}

type goModule struct {
	Path, Version string
	Main          bool
	Replace       *goModule
}

// checkDependencies checks that building our plugin into golangci-lint
// selected every module golangci-lint requires at exactly the version its
// go.mod names: the Go command only ever raises versions, so any difference
// means our go.mod forces a newer dependency on every user's custom binary.
func checkDependencies(t *testing.T, dir string) error {
	data, err := os.ReadFile(filepath.Join(dir, "modules.json"))
	if err != nil {
		return fmt.Errorf("the module list of the custom build: %v", err)
	}
	selected := map[string]goModule{}
	dec := json.NewDecoder(bytes.NewReader(data))
	for dec.More() {
		var m goModule
		if err := dec.Decode(&m); err != nil {
			return fmt.Errorf("the module list of the custom build: %v", err)
		}
		selected[m.Path] = m
	}
	if _, ok := selected[golangciModule]; !ok {
		return fmt.Errorf("the custom build does not use %s", golangciModule)
	}

	modJSON, err := run(goCmd(dir, "mod", "download", "-json", golangciModule+"@"+golangciVersion))
	if err != nil {
		return err
	}
	var dl struct{ GoMod string }
	if err := json.Unmarshal(modJSON, &dl); err != nil || dl.GoMod == "" {
		return fmt.Errorf("locating golangci-lint's go.mod: %v", err)
	}
	editJSON, err := run(goCmd(dir, "mod", "edit", "-json", dl.GoMod))
	if err != nil {
		return err
	}
	var gm struct {
		Go      string
		Require []struct{ Path, Version string }
	}
	if err := json.Unmarshal(editJSON, &gm); err != nil {
		return fmt.Errorf("parsing golangci-lint's go.mod: %v", err)
	}

	var raised []string
	for _, r := range gm.Require {
		m, ok := selected[r.Path]
		if !ok {
			continue // pruned from the build graph: nothing was raised
		}
		if m.Version != r.Version {
			raised = append(raised, fmt.Sprintf("%s %s (golangci-lint requires %s)", r.Path, m.Version, r.Version))
		}
	}
	if len(raised) > 0 {
		return fmt.Errorf("building our plugin into golangci-lint %s raised %d of its dependencies; pin golangci-lint's versions in go.mod:\n\t%s",
			golangciVersion, len(raised), strings.Join(raised, "\n\t"))
	}
	// A go directive above golangci-lint's would force a newer toolchain on
	// every user: tidy raises the custom module's go line to its highest
	// dependency's.
	customJSON, err := run(goCmd(dir, "mod", "edit", "-json", filepath.Join(dir, "go.mod")))
	if err != nil {
		return err
	}
	var custom struct{ Go string }
	if err := json.Unmarshal(customJSON, &custom); err != nil {
		return fmt.Errorf("parsing the custom module's go.mod: %v", err)
	}
	if custom.Go != gm.Go {
		return fmt.Errorf("building our plugin into golangci-lint %s raised the go version to %s (golangci-lint says go %s)", golangciVersion, custom.Go, gm.Go)
	}
	t.Logf("custom build: %d modules, none above golangci-lint %s's requirements (%d checked)", len(selected), golangciVersion, len(gm.Require))
	return nil
}

// lintResult is golangci-lint's JSON output, the parts the tests read.
type lintResult struct {
	Issues []struct {
		FromLinter string
		Text       string
		Pos        struct {
			Filename string
			Line     int
		}
	}
	Report *struct {
		Linters []struct {
			Name    string
			Enabled bool
		}
		Error string
	}
}

// lint runs the custom binary in dir and returns the parsed JSON output,
// the stderr text and the exit code.
func lint(t *testing.T, bin, cache, dir string, args ...string) (lintResult, string, int) {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"run",
		"--output.json.path=stdout", "--output.text.path=", "--show-stats=false",
		"--max-issues-per-linter=0", "--max-same-issues=0"}, args...)...)
	cmd.Dir = dir
	// golangci-lint salts its cache with the linter settings and the binary's
	// version (which names the binary's cache key), so runs may share a cache
	// without one scenario's results standing in for another's.
	cmd.Env = append(os.Environ(), "GOLANGCI_LINT_CACHE="+cache, "GOWORK=off", "GOTOOLCHAIN=local", "GOFLAGS=-mod=mod")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("running %s: %v", bin, err)
		}
		code = ee.ExitCode()
	}
	var res lintResult
	if code == 0 || code == 1 {
		if err := json.Unmarshal(stdout.Bytes(), &res); err != nil {
			t.Fatalf("golangci-lint exit %d, JSON output does not parse: %v\nstdout:\n%s\nstderr:\n%s", code, err, stdout.Bytes(), stderr.Bytes())
		}
	}
	return res, stderr.String(), code
}

// copyDir copies the fixture module src into a new temporary directory, so
// that runs never write into the source tree.
func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	return dst
}

// wantMarker is `want:<linter>` (reported with the example configuration)
// or `want(<scenario>):<linter>` (reported in that scenario), in a comment.
var wantMarker = regexp.MustCompile(`want(?:\(([a-z0-9-]+)\))?:([a-z0-9]+)`)

// expected returns "file:line: linter" for every marker of scenario in the
// Go files of dir.
func expected(t *testing.T, dir, scenario string) []string {
	t.Helper()
	var out []string
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			_, comment, ok := strings.Cut(line, "//")
			if !ok {
				continue
			}
			for _, m := range wantMarker.FindAllStringSubmatch(comment, -1) {
				if m[1] == scenario {
					out = append(out, fmt.Sprintf("%s:%d: %s", filepath.Base(f), i+1, m[2]))
				}
			}
		}
	}
	sort.Strings(out)
	return out
}

// ours returns "file:line: linter" for the findings of our linters.
func ours(res lintResult) []string {
	names := Names()
	var out []string
	for _, is := range res.Issues {
		if slices.Contains(names, is.FromLinter) {
			out = append(out, fmt.Sprintf("%s:%d: %s", filepath.Base(is.Pos.Filename), is.Pos.Line, is.FromLinter))
		}
	}
	sort.Strings(out)
	return out
}

// TestGolangciLintCustomBinary builds golangci-lint with our plugin linked
// in, from the module proxy, and runs it on the fixture modules in
// testdata with .golangci.example.yml (changed only where a scenario
// changes a setting).
func TestGolangciLintCustomBinary(t *testing.T) {
	bin := customBinary(t)
	// One analysis cache for the whole test: the standard library's facts are
	// computed once per configuration rather than once per run.
	cache := t.TempDir()
	tools := t.TempDir()
	goPluginLint := sync.OnceValues(func() (string, error) { return buildCommand(tools) })

	scenarios := []struct {
		name, fixture string
		// linter and settings added to the example configuration
		linter   string
		settings []string
		// prepare changes the fixture's copy before the run
		prepare func(t *testing.T, dir string)
	}{
		{name: "", fixture: "host"},
		{name: "", fixture: "server"},
		{name: "tests", fixture: "server", linter: "statecoupling", settings: []string{"tests: true"}},
		{name: "", fixture: "iface"},
		{name: "test-doubles", fixture: "iface", linter: "redundantiface", settings: []string{"test-doubles: false"}},
		{name: "", fixture: "plugin"},
		{name: "deny-imports", fixture: "plugin", linter: "pluginexport", settings: []string{"deny-imports: [net/http, os/exec]"}},
		{name: "require", fixture: "plugin", linter: "pluginexport", settings: []string{`require: ["Init:func() error", "Version"]`}},
		{name: "", fixture: "api"},
		{name: "baseline", fixture: "api", linter: "abidrift", settings: []string{"baseline: baseline.txt"},
			prepare: func(t *testing.T, dir string) {
				// The baseline of today's API, then a breaking change to it.
				bin, err := goPluginLint()
				if err != nil {
					t.Fatal(err)
				}
				cmd := exec.Command(bin, "snapshot", "-o", "baseline.txt", "./...")
				cmd.Dir = dir
				if out, err := cmd.CombinedOutput(); err != nil {
					t.Fatalf("go-plugin-lint snapshot: %v\n%s", err, out)
				}
				replaceIn(t, filepath.Join(dir, "api.go"), "Port int", "Port string")
			}},
	}
	for _, sc := range scenarios {
		title := sc.fixture + "/" + cmp.Or(sc.name, "example")
		t.Run(title, func(t *testing.T) {
			dir := copyDir(t, filepath.Join("testdata", sc.fixture))
			if sc.prepare != nil {
				sc.prepare(t, dir)
			}
			config := withSettings(t, cmp.Or(sc.linter, Names()[0]), sc.settings...)
			writeConfig(t, dir, config)
			var args []string
			if sc.fixture != "host" || sc.name != "" {
				// One run uses the example exactly as users get it; the others
				// leave golangci-lint's standard linters out, which would only
				// add minutes: they are about our linters.
				args = append(args, "--default=none")
			}
			res, stderr, code := lint(t, bin, cache, dir, append(args, "./...")...)
			if code != 0 && code != 1 {
				t.Fatalf("golangci-lint exit %d:\n%s", code, stderr)
			}
			enabled := map[string]bool{}
			if res.Report != nil {
				for _, l := range res.Report.Linters {
					enabled[l.Name] = l.Enabled
				}
			}
			for _, name := range Names() {
				if !enabled[name] {
					t.Errorf("JSON report does not list %s as enabled", name)
				}
			}
			if res.Report != nil && res.Report.Error != "" {
				t.Errorf("JSON report has an error: %s", res.Report.Error)
			}
			got, want := ours(res), expected(t, dir, sc.name)
			t.Logf("findings of our linters: %q", got)
			if !slices.Equal(got, want) {
				t.Errorf("findings of our linters:\n\t%s\nwant (from the want markers):\n\t%s\nall issues: %+v",
					strings.Join(got, "\n\t"), strings.Join(want, "\n\t"), res.Issues)
			}
			if (len(res.Issues) > 0) != (code == 1) {
				t.Errorf("exit %d with %d issues; golangci-lint exits 1 exactly when it reports issues", code, len(res.Issues))
			}
		})
	}

	// Bad settings stop the run with one clear line naming the linter and
	// the setting, before any package is loaded.
	for _, bad := range []struct {
		linter, setting string
		want            []string
	}{
		{"statecoupling", "no-such-setting: true", []string{"statecoupling", `unknown setting "no-such-setting"`, "valid settings: "}},
		{"pluginexport", "contracts: [NotQualified]", []string{"pluginexport", `setting "contracts"`, "NotQualified"}},
	} {
		t.Run("bad-setting/"+bad.linter, func(t *testing.T) {
			dir := copyDir(t, filepath.Join("testdata", "host"))
			writeConfig(t, dir, withSettings(t, bad.linter, bad.setting))
			_, stderr, code := lint(t, bin, cache, dir, "./...")
			if code == 0 || code == 1 {
				t.Fatalf("golangci-lint exit %d with the bad setting %q, want a failure; stderr:\n%s", code, bad.setting, stderr)
			}
			for _, w := range bad.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr does not say %q:\n%s", w, stderr)
				}
			}
		})
	}
}

// buildCommand builds the standalone command into dir: it writes abidrift's
// baselines (`go-plugin-lint snapshot`). It uses the developer's own go
// environment, as `go build` in the checkout would: it must never edit
// our go.mod.
func buildCommand(dir string) (string, error) {
	bin := filepath.Join(dir, "go-plugin-lint")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/go-plugin-lint")
	cmd.Dir = ".."
	_, err := run(cmd)
	return bin, err
}

// replaceIn replaces old, which must occur once, with new in file.
func replaceIn(t *testing.T, file, old, new string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), old); n != 1 {
		t.Fatalf("%s has %q %d times, want once", file, old, n)
	}
	if err := os.WriteFile(file, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// The dependency check itself must be able to fail: a build that selected
// a newer x/tools than golangci-lint's, or raised the go line, is caught.
func TestCheckDependenciesCatchesRaise(t *testing.T) {
	if testing.Short() {
		t.Skip("needs golangci-lint's go.mod from the module proxy; skipped with -short")
	}
	for _, tc := range []struct {
		name, goLine, tools, want string
	}{
		{"same", "1.26.0", "v0.52.0", ""},
		{"raised module", "1.26.0", "v0.99.0", "golang.org/x/tools v0.99.0 (golangci-lint requires v0.52.0)"},
		{"raised go line", "1.26.5", "v0.52.0", "raised the go version to 1.26.5"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			modules := fmt.Sprintf(`{"Path":"go-plugin-lint.test/custom-gcl","Main":true}
{"Path":%q,"Version":%q}
{"Path":"golang.org/x/tools","Version":%q}
`, golangciModule, golangciVersion, tc.tools)
			if err := os.WriteFile(filepath.Join(dir, "modules.json"), []byte(modules), 0o644); err != nil {
				t.Fatal(err)
			}
			goMod := "module go-plugin-lint.test/custom-gcl\n\ngo " + tc.goLine + "\n"
			if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(goMod), 0o644); err != nil {
				t.Fatal(err)
			}
			err := checkDependencies(t, dir)
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Fatalf("error = %v, want one saying %q", err, tc.want)
			}
		})
	}
}

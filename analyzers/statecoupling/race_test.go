package statecoupling_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/go-plugin-lint/go-plugin-lint/analyzers/statecoupling"
)

// TestRaceCompanion proves that the fixtures' races are real: the module
// testdata/racemod mirrors each positive fixture that can race (TestRacy_*)
// and each silent twin (TestSafe_*), and runs each entry point from several
// goroutines. Under the race detector every TestRacy_* must fail with a
// DATA RACE report (or the runtime's fatal concurrent map write) and every
// TestSafe_* must pass.
//
// The test binary is built once and each test runs in its own process:
// a fatal concurrent map write kills the whole process, so one binary run
// cannot attribute it. Skipped with -short (building the race runtime is
// slow the first time) and where -race is unsupported (no cgo).
func TestRaceCompanion(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the race companion in -short mode")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not found")
	}
	dir, err := filepath.Abs(filepath.Join("testdata", "racemod"))
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "racemod.test")
	build := exec.Command(gobin, "test", "-race", "-c", "-o", bin, ".")
	build.Dir = dir
	build.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=", "GOTOOLCHAIN=local")
	if out, err := build.CombinedOutput(); err != nil {
		s := string(out)
		if strings.Contains(s, "requires cgo") || strings.Contains(s, "not supported") || strings.Contains(s, "C compiler") {
			t.Skipf("the race detector is unsupported here (it needs cgo and a C compiler): %s", s)
		}
		t.Fatalf("building the race companion: %v\n%s", err, s)
	}
	list, err := exec.Command(bin, "-test.list", ".").Output()
	if err != nil {
		t.Fatalf("listing the race companion's tests: %v", err)
	}
	var racy, safe int
	for _, name := range strings.Fields(string(list)) {
		t.Run(name, func(t *testing.T) {
			cmd := exec.Command(bin, "-test.run", "^"+name+"$", "-test.count", "1")
			var out bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &out
			err := cmd.Run()
			var exit *exec.ExitError
			if err != nil && !errors.As(err, &exit) {
				t.Fatal(err)
			}
			raced := strings.Contains(out.String(), "WARNING: DATA RACE") || strings.Contains(out.String(), "concurrent map")
			switch {
			case strings.HasPrefix(name, "TestRacy_"):
				racy++
				if err == nil || !raced {
					t.Errorf("%s: want a race reported, got exit %v:\n%s", name, err, tail(out.String()))
				}
			case strings.HasPrefix(name, "TestSafe_"):
				safe++
				if err != nil || raced {
					t.Errorf("%s: want no race, got exit %v:\n%s", name, err, tail(out.String()))
				}
			default:
				t.Errorf("%s: race companion tests are named TestRacy_* or TestSafe_*", name)
			}
		})
	}
	if racy == 0 || safe == 0 {
		t.Errorf("race companion ran %d racy and %d safe tests; want some of each", racy, safe)
	}
}

func tail(s string) string {
	if len(s) > 2000 {
		return "..." + s[len(s)-2000:]
	}
	return s
}

// TestRaceCompanionMatchesAnalyzer checks that the race companion mirrors
// the analyzer: run over testdata/racemod, it reports exactly the lines
// marked "// racy", the writes that TestRaceCompanion proves race.
func TestRaceCompanionMatchesAnalyzer(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("testdata", "racemod"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  dir,
		Env:  append(os.Environ(), "GOWORK=off", "GOFLAGS=", "GOTOOLCHAIN=local"),
	}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("racemod has errors")
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{statecoupling.New(statecoupling.Default())}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, act := range graph.Roots {
		for _, d := range act.Diagnostics {
			p := act.Package.Fset.Position(d.Pos)
			got[fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)] = true
		}
	}
	want := map[string]bool{}
	for _, name := range []string{"racemod.go", filepath.Join("helpers", "helpers.go")} {
		src, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(src), "\n") {
			if strings.HasSuffix(line, "// racy") {
				want[fmt.Sprintf("%s:%d", filepath.Base(name), i+1)] = true
			}
		}
	}
	for k := range want {
		if !got[k] {
			t.Errorf("%s: marked racy, but the analyzer reports nothing", k)
		}
	}
	for k := range got {
		if !want[k] {
			t.Errorf("%s: reported, but not marked racy", k)
		}
	}
}

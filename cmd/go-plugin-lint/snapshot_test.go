package main

import (
	"bytes"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/go-plugin-lint/go-plugin-lint/analyzers/abidrift"
	"github.com/go-plugin-lint/go-plugin-lint/analyzers/abidrift/baseline"
	"github.com/go-plugin-lint/go-plugin-lint/internal/runwide"
)

const snapLibV1 = `package lib

// Plugin is implemented by plugins.
//
//pluginlint:contract
type Plugin interface {
	Name() string
}

type Config struct {
	Name string
	Size int32
}

func Load(path string) (*Config, error) { return nil, nil }
`

const snapLibV2 = `package lib

// Plugin is implemented by plugins.
//
//pluginlint:contract
type Plugin interface {
	Name() string
	Init(cfg *Config) error
}

type Config struct {
	Name string
	Size int32
	ID   int64
}

func Load(path string, strict bool) (*Config, error) { return nil, nil }
`

// snapWriteModule writes a module with package lib holding src, and an
// internal package that the api scope leaves out.
func snapWriteModule(t *testing.T, dir, src string) {
	t.Helper()
	files := map[string]string{
		"go.mod":                "module example.com/lib\n\ngo 1.26\n",
		"lib.go":                src,
		"internal/impl/impl.go": "package impl\n\nfunc Hidden() {}\n",
	}
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestSnapshotTwiceSameBytes(t *testing.T) {
	dir := t.TempDir()
	snapWriteModule(t, dir, snapLibV1)
	opts := &snapshotOptions{scope: baseline.ScopeAPI}
	first, err := snapshot(dir, []string{"./..."}, opts)
	if err != nil {
		t.Fatal(err)
	}
	second, err := snapshot(dir, []string{"./..."}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, second) {
		t.Fatalf("two snapshots differ:\n%s\n---\n%s", first, second)
	}
	for _, bad := range []string{dir, "internal/impl", "\"pos\""} {
		if bytes.Contains(first, []byte(bad)) {
			t.Errorf("baseline contains %q:\n%s", bad, first)
		}
	}
	b, err := baseline.Parse("snapshot", first)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Packages) != 1 || b.Packages[0].Path != "example.com/lib" || b.Module != "example.com/lib" {
		t.Errorf("unexpected baseline: %s", first)
	}
}

func snapGit(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"}, args...)...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// TestSnapshotRev snapshots the previous commit of a repository with -rev
// and checks the working tree against it, as a CI gate would.
func TestSnapshotRev(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := t.TempDir()
	snapWriteModule(t, dir, snapLibV1)
	snapGit(t, dir, "init", "-q")
	snapGit(t, dir, "add", ".")
	snapGit(t, dir, "commit", "-q", "-m", "v1")
	snapGit(t, dir, "tag", "v1.2.0")
	snapWriteModule(t, dir, snapLibV2)
	snapGit(t, dir, "commit", "-q", "-a", "-m", "v2")

	data, err := snapshot(dir, []string{"./..."}, &snapshotOptions{scope: baseline.ScopeAPI, rev: "HEAD~1"})
	if err != nil {
		t.Fatal(err)
	}
	if wts := snapGit(t, dir, "worktree", "list"); strings.Count(wts, "\n") != 1 {
		t.Errorf("the temporary worktree was not removed:\n%s", wts)
	}
	if !bytes.Contains(data, []byte(`"moduleVersion": "v1.2.0"`)) {
		t.Errorf("the baseline does not record the release tag:\n%s", data)
	}
	if !bytes.Contains(data, []byte("func Load(path string) (*Config, error)")) {
		t.Fatalf("the baseline is not the old revision's:\n%s", data)
	}
	file := filepath.Join(t.TempDir(), "base.json")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}

	got := snapLint(t, dir, file)
	joined := strings.Join(got, "\n")
	for _, w := range []string{
		"lib.go:8: breaking: method Init added to contract Plugin since the baseline",
		"lib.go:11: layout: struct Config changed since the baseline (size 24 → 32 bytes",
		"lib.go:17: breaking: func Load changed from func(string) (*Config, error) to func(string, bool) (*Config, error) since the baseline",
		"lib.go:1: summary: 2 breaking, 1 layout, 1 compatible changes since the baseline: a major version bump is required (v1.2.0 → v2.0.0, module path example.com/lib/v2)",
	} {
		if !strings.Contains(joined, w) {
			t.Errorf("missing finding %q in:\n%s", w, joined)
		}
	}
	if len(got) != 4 {
		t.Errorf("got %d findings, want 4:\n%s", len(got), joined)
	}

	// A bad revision fails cleanly and leaves no worktree behind.
	if _, err := snapshot(dir, []string{"./..."}, &snapshotOptions{scope: baseline.ScopeAPI, rev: "no-such-rev"}); err == nil {
		t.Error("snapshot -rev no-such-rev succeeded")
	}
	if wts := snapGit(t, dir, "worktree", "list"); strings.Count(wts, "\n") != 1 {
		t.Errorf("a worktree was left behind:\n%s", wts)
	}
}

// snapLint runs abidrift and its run-wide step over dir's
// packages, as the standalone command does, and returns "file:line: message".
func snapLint(t *testing.T, dir, file string) []string {
	t.Helper()
	fset := token.NewFileSet()
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: dir, Fset: fset}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	cfg := abidrift.Default()
	cfg.Baseline = file
	a := abidrift.New(cfg)
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	run := &runwide.Run{Fset: fset}
	var diags []analysis.Diagnostic
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Fatal(act.Err)
		}
		diags = append(diags, act.Diagnostics...)
		run.Packages = append(run.Packages, &runwide.Package{Path: act.Package.PkgPath, ID: act.Package.ID, Types: act.Package.Types, Result: act.Result})
	}
	sort.Slice(run.Packages, func(i, j int) bool { return run.Packages[i].ID < run.Packages[j].ID })
	diags = append(diags, abidrift.Correlate(run)...)
	var out []string
	for _, d := range diags {
		p := fset.Position(d.Pos)
		out = append(out, filepath.Base(p.Filename)+":"+strconv.Itoa(p.Line)+": "+d.Message)
	}
	sort.Strings(out)
	return out
}

package abidrift_test

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/exp/apidiff"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/go-plugin-lint/go-plugin-lint/analyzers/abidrift"
	"github.com/go-plugin-lint/go-plugin-lint/analyzers/abidrift/baseline"
)

var update = flag.Bool("update", false, "rewrite the fixtures' baselines from their old sources")

// A fixture is a scenario: its old sources live in a second GOPATH tree
// (testdata/abidrift_old) under the same import paths as the new ones in
// testdata/src, and its baseline, written from the old sources, next to
// the new ones.
type fixture struct {
	name  string
	scope string
	all   bool
}

var fixtures = []fixture{
	{"abidrift_nochange", baseline.ScopeAPI, true},
	{"abidrift_decls", baseline.ScopeAPI, true},
	{"abidrift_quiet", baseline.ScopeAPI, false},
	{"abidrift_ifaces", baseline.ScopeAPI, false},
	{"abidrift_generics", baseline.ScopeAPI, true},
	{"abidrift_layout", baseline.ScopeAPI, false},
	{"abidrift_plugin", baseline.ScopeAPI, false},
	{"abidrift_contracts", baseline.ScopeContracts, false},
	{"abidrift_generated", baseline.ScopeAPI, true},
}

func testdata() string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		panic(err)
	}
	return dir
}

func oldTree() string { return filepath.Join(testdata(), "abidrift_old") }

func baselineFile(f fixture) string {
	return filepath.Join(testdata(), "src", f.name, "baseline.json")
}

// recorder is an analyzer that only lets analysistest load packages.
var recorder = &analysis.Analyzer{
	Name: "recorder",
	Doc:  "records the packages analysistest loads",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

// loadOnly passes on analysistest's errors except the unmatched
// expectations of the fixtures, which are not the recorder's.
type loadOnly struct{ t *testing.T }

func (l loadOnly) Errorf(format string, args ...any) {
	if msg := fmt.Sprintf(format, args...); !strings.Contains(msg, "no diagnostic was reported matching") {
		l.t.Error(msg)
	}
}

type loadedPkg struct {
	types *types.Package
	files []*ast.File
}

// loadCache keeps loaded fixtures for the tests that compare them: the
// packages are only read.
var loadCache = map[string]map[string]loadedPkg{}

// load type-checks the fixture's packages in the tree dir.
func load(t *testing.T, dir, name string) map[string]loadedPkg {
	t.Helper()
	key := dir + "\x00" + name
	if out, ok := loadCache[key]; ok {
		return out
	}
	out := map[string]loadedPkg{}
	loadCache[key] = out
	for _, r := range analysistest.Run(loadOnly{t}, dir, recorder, name+"/...") {
		out[r.Pass.Pkg.Path()] = loadedPkg{r.Pass.Pkg, r.Pass.Files}
	}
	return out
}

func snapshotOld(t *testing.T, f fixture) []byte {
	t.Helper()
	pkgs := load(t, oldTree(), f.name)
	var in []baseline.Input
	for _, p := range pkgs {
		if f.scope == baseline.ScopeAPI && !abidrift.InAPIScope(p.types.Path(), p.types.Name()) {
			continue
		}
		in = append(in, baseline.Input{Types: p.types, Files: p.files})
	}
	sort.Slice(in, func(i, j int) bool { return in[i].Types.Path() < in[j].Types.Path() })
	b := baseline.New(in, baseline.Options{Module: "example.com/" + f.name, Scope: f.scope})
	data, err := b.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestBaselines checks that each fixture's baseline is what a snapshot of
// its old sources writes (run with -update to rewrite them).
func TestBaselines(t *testing.T) {
	for _, f := range fixtures {
		t.Run(f.name, func(t *testing.T) {
			got := snapshotOld(t, f)
			if again := snapshotOld(t, f); !bytes.Equal(got, again) {
				t.Fatalf("two snapshots differ")
			}
			if *update {
				if err := os.WriteFile(baselineFile(f), got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(baselineFile(f))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s is stale: run go test -run TestBaselines -update", baselineFile(f))
			}
		})
	}
}

func analyzer(f fixture) *analysis.Analyzer {
	cfg := abidrift.Default()
	cfg.Baseline = baselineFile(f)
	cfg.Scope = abidrift.Scope(f.scope)
	cfg.All = f.all
	return abidrift.New(cfg)
}

// TestAnalyzer runs the pass on each fixture with its baseline.
func TestAnalyzer(t *testing.T) {
	for _, f := range fixtures {
		t.Run(f.name, func(t *testing.T) {
			analysistest.Run(t, testdata(), analyzer(f), f.name+"/...")
		})
	}
}

// TestNoBaseline checks that the pass is silent without a baseline.
func TestNoBaseline(t *testing.T) {
	for _, r := range analysistest.Run(t, testdata(), abidrift.New(abidrift.Default()), "abidrift_nobaseline") {
		if len(r.Diagnostics) > 0 || r.Err != nil {
			t.Errorf("%v %v", r.Diagnostics, r.Err)
		}
	}
}

// TestAgainstApidiff checks that comparing the baseline with the new
// package gives apidiff's verdicts on the real old and new packages: the
// baseline loses nothing apidiff needs.
func TestAgainstApidiff(t *testing.T) {
	for _, f := range fixtures {
		t.Run(f.name, func(t *testing.T) {
			b, err := baseline.Read(baselineFile(f))
			if err != nil {
				t.Fatal(err)
			}
			olds := load(t, oldTree(), f.name)
			news := load(t, testdata(), f.name)
			for _, p := range b.Packages {
				old, cur := olds[p.Path].types, news[p.Path].types
				if old == nil || cur == nil {
					continue
				}
				var want []string
				for _, c := range apidiff.Changes(old, cur).Changes {
					want = append(want, verdict(c.Compatible, c.Message))
				}
				changes, err := baseline.Diff(p, cur, baseline.ImportedBy(cur), b.Targets)
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, c := range changes {
					if c.Class == baseline.ClassLayout {
						continue
					}
					if f.scope == baseline.ScopeContracts && p.Decl(c.Object) == nil {
						continue
					}
					got = append(got, verdict(c.Class == baseline.ClassCompatible, c.Apidiff))
				}
				if f.scope == baseline.ScopeContracts {
					want = filterRecorded(want, p)
				}
				want, got = normalize(want), normalize(got)
				if strings.Join(got, "\n") != strings.Join(want, "\n") {
					t.Errorf("%s: baseline vs apidiff:\ngot:\n\t%s\nwant:\n\t%s", p.Path, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
				}
			}
		})
	}
}

// normalize sorts messages and merges those about a generic type and its
// instances ("Set[K].Add: added", "Set[int].Add: added"), which Diff
// reports once.
func normalize(msgs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range msgs {
		parts := strings.SplitN(m, ": ", 3) // class, subject, what
		if len(parts) == 3 {
			subject := parts[1]
			if i := strings.Index(subject, "["); i >= 0 {
				if j := strings.Index(subject[i:], "]"); j >= 0 {
					subject = subject[:i] + subject[i+j+1:]
				}
			}
			m = parts[0] + ": " + subject + ": " + parts[2]
		}
		if !seen[m] {
			seen[m] = true
			out = append(out, m)
		}
	}
	sort.Strings(out)
	return out
}

func verdict(compatible bool, msg string) string {
	if compatible {
		return "compatible: " + msg
	}
	return "breaking: " + msg
}

// filterRecorded keeps the messages about declarations the baseline
// records (a contracts-scope baseline records part of the package).
func filterRecorded(msgs []string, p *baseline.Package) []string {
	var out []string
	for _, m := range msgs {
		_, rest, _ := strings.Cut(m, ": ")
		name := strings.TrimLeft(rest, "(*")
		if i := strings.IndexAny(name, ".,:)["); i >= 0 {
			name = name[:i]
		}
		if p.Decl(name) != nil {
			out = append(out, m)
		}
	}
	return out
}

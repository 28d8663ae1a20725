package statecoupling_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/go-plugin-lint/go-plugin-lint/analyzers/statecoupling"
)

func testdata(t *testing.T) string {
	t.Helper()
	dir, err := filepathAbs()
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// filepathAbs returns the suite's shared analysistest directory.
func filepathAbs() (string, error) { return filepath.Abs(filepath.Join("..", "..", "testdata")) }

// TestDefault runs the default analyzer over every fixture that needs no
// flag, in one load (loading net/http from source dominates the cost):
//   - statecoupling/basic: rule 1 on net/http.Handler, every kind of write,
//     and the silent twins (sync.Map, atomics, channels, reads, constants,
//     sentinel errors, per-instance fields, shadowing locals, value copies);
//   - statecoupling/locks: rule 2 (read locks, writes after Unlock, lazy
//     initialisation, helpers called with and without the lock, sync.Once);
//   - statecoupling/reconciler: controller-runtime Reconcile methods (alias
//     and generic), reconcile.Func/TypedFunc and http handler values, init;
//   - statecoupling/contract: //pluginlint:contract entry points,
//     //pluginlint:once hooks and rule 3 (call- and host-scoped stashes);
//   - statecoupling_xpkg: Writes facts across packages;
//   - statecoupling/filesnotests: test files ignored, generated files not
//     reported in but still entry points;
//   - statecoupling/registry: init-time registry writes, trusted collectors.
func TestDefault(t *testing.T) {
	defer statecoupling.TrustPrefix("statecoupling_trusted/")()
	analysistest.Run(t, testdata(t), statecoupling.New(statecoupling.Default()),
		"statecoupling/basic", "statecoupling/locks", "statecoupling/reconciler", "statecoupling/contract",
		"statecoupling_xpkg/helpers", "statecoupling_xpkg/plugin", "statecoupling/filesnotests", "statecoupling/registry")
}

// TestFilesWithTests checks the tests flag.
func TestFilesWithTests(t *testing.T) {
	a := statecoupling.New(statecoupling.Default())
	if err := a.Flags.Set("tests", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testdata(t), a, "statecoupling/files")
}

// TestContractsFlag checks that -contracts adds entry points.
func TestContractsFlag(t *testing.T) {
	a := statecoupling.New(statecoupling.Config{Contracts: []string{"statecoupling/flagged.Source"}})
	analysistest.Run(t, testdata(t), a, "statecoupling/flagged")
}

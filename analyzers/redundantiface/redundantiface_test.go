package redundantiface_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/go-plugin-lint/go-plugin-lint/analyzers/redundantiface"
)

func testdata() string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		panic(err)
	}
	return dir
}

func TestLocal(t *testing.T) {
	analysistest.Run(t, testdata(), redundantiface.New(redundantiface.Default()),
		"redundantiface/local", "redundantiface/doubles")
}

func TestTestDoublesOff(t *testing.T) {
	cfg := redundantiface.Default()
	cfg.TestDoubles = false
	analysistest.Run(t, testdata(), redundantiface.New(cfg), "redundantiface/doublesoff")
}

// Flags are kebab-case, bound to a private copy of the config: setting one
// on an analyzer changes neither the caller's Config nor other analyzers.
func TestFlags(t *testing.T) {
	cfg := redundantiface.Default()
	a := redundantiface.New(cfg)
	for _, name := range []string{"test-doubles", "whole-program", "contracts"} {
		if a.Flags.Lookup(name) == nil {
			t.Errorf("flag %s missing", name)
		}
	}
	if err := a.Flags.Set("whole-program", "true"); err != nil {
		t.Fatal(err)
	}
	if err := a.Flags.Set("contracts", "example.com/p.I"); err != nil {
		t.Fatal(err)
	}
	if cfg.WholeProgram || len(cfg.Contracts) != 0 {
		t.Errorf("New shares its config with the caller: %+v", cfg)
	}
	if b := redundantiface.New(redundantiface.Default()); b.Flags.Lookup("whole-program").Value.String() != "false" {
		t.Errorf("a second analyzer sees the first one's flag")
	}
	if err := a.Flags.Set("contracts", "notqualified"); err == nil {
		t.Errorf("contracts accepted a name without a package path")
	}
}

func TestContractsFlag(t *testing.T) {
	cfg := redundantiface.Default()
	cfg.Contracts = []string{"redundantiface/flagcontract.Plugin"}
	analysistest.Run(t, testdata(), redundantiface.New(cfg), "redundantiface/flagcontract")
}

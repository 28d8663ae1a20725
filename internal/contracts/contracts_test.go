package contracts_test

import (
	"go/types"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/go-plugin-lint/go-plugin-lint/internal/contracts"
)

func testdata() string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		panic(err)
	}
	return dir
}

// TestFacts checks the facts exported on contracts declared with the
// directive or asserted from a plugin.Symbol, and on once-methods,
// including methods of an embedded interface and of a generic contract.
func TestFacts(t *testing.T) {
	analysistest.Run(t, testdata(), contracts.Analyzer, "contracts/api", "contracts/host")
}

// probe reports, for each method of each named type in the package, what
// the contracts Result says about it, so that a test can read the verdicts
// of an importer (a plugin) that sees contracts only through facts.
func probe(t *testing.T, extra []string) map[string]string {
	t.Helper()
	got := map[string]string{}
	a := &analysis.Analyzer{
		Name:     "probe",
		Doc:      "reports contract verdicts",
		Requires: []*analysis.Analyzer{contracts.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			r := pass.ResultOf[contracts.Analyzer].(*contracts.Result).With(pass.Pkg, extra)
			for _, name := range pass.Pkg.Scope().Names() {
				tn, ok := pass.Pkg.Scope().Lookup(name).(*types.TypeName)
				if !ok {
					continue
				}
				ms := types.NewMethodSet(types.NewPointer(tn.Type()))
				for sel := range ms.Methods() {
					fn := sel.Obj().(*types.Func)
					if c, ok := r.EntryPoint(fn); ok {
						got[tn.Name()+"."+fn.Name()] = c.Pkg().Path() + "." + c.Name()
					} else {
						got[tn.Name()+"."+fn.Name()] = "-"
					}
				}
			}
			var all []string
			for _, c := range r.All() {
				all = append(all, c.Pkg().Path()+"."+c.Name()+"("+r.Why(c)+")")
			}
			got["all"] = strings.Join(all, " ")
			return nil, nil
		},
	}
	analysistest.Run(t, testdata(), a, "contracts/plugin")
	return got
}

func TestEntryPointsInImporter(t *testing.T) {
	got := probe(t, nil)
	want := map[string]string{
		"proc.Init":         "-", // //pluginlint:once
		"proc.Process":      "contracts/api.Processor",
		"handler.ServeHTTP": "net/http.Handler",
		"source.Next":       "contracts/api.Source", // generic contract, matched by shape
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: got %q, want %q", k, got[k], v)
		}
	}
	for _, c := range []string{"contracts/api.Processor(directive)", "contracts/api.Sink(directive)", "contracts/api.Source(directive)", "net/http.Handler(builtin)", "net/http.HandlerFunc(builtin)"} {
		if !strings.Contains(got["all"], c) {
			t.Errorf("contracts %q lack %s", got["all"], c)
		}
	}
	if strings.Contains(got["all"], "notAContract") || strings.Contains(got["all"], "api.Host") {
		t.Errorf("unexpected contract in %q", got["all"])
	}
}

func TestFlagContract(t *testing.T) {
	got := probe(t, []string{"contracts/api.Host"})
	if !strings.Contains(got["all"], "contracts/api.Host(flag)") {
		t.Errorf("flag-listed contract missing from %q", got["all"])
	}
}

func TestValidName(t *testing.T) {
	for _, ok := range []string{"net/http.Handler", "example.com/a/b.I", "p.T"} {
		if err := contracts.ValidName(ok); err != nil {
			t.Errorf("ValidName(%q) = %v", ok, err)
		}
	}
	for _, bad := range []string{"", "Handler", ".T", "net/http.", "a.b/c"} {
		if err := contracts.ValidName(bad); err == nil {
			t.Errorf("ValidName(%q) = nil, want error", bad)
		}
	}
}

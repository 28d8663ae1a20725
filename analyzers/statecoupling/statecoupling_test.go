package statecoupling_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/go-plugin-lint/go-plugin-lint/analyzers/statecoupling"
)

func testdata(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestBasic covers the core rule on a net/http.Handler.
func TestBasic(t *testing.T) {
	analysistest.Run(t, testdata(t), statecoupling.New(statecoupling.Default()), "statecoupling/basic")
}

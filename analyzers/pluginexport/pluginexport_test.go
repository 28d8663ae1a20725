package pluginexport_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/go-plugin-lint/go-plugin-lint/analyzers/pluginexport"
)

func testdata(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestHostErrors(t *testing.T) {
	analysistest.Run(t, testdata(t), pluginexport.New(pluginexport.Default()),
		"pluginexport_host/errs", "pluginexport_host/never", "pluginexport_host/notahost")
}

func TestHostSingleValueFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata(t), pluginexport.New(pluginexport.Default()), "pluginexport_host/assert")
}

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

func TestPluginRules(t *testing.T) {
	analysistest.Run(t, testdata(t), pluginexport.New(pluginexport.Default()),
		"pluginexport_plugin/good", "pluginexport_plugin/bad", "pluginexport_plugin/varinit",
		"pluginexport_plugin/wrongsig", "pluginexport_plugin/program", "pluginexport_plugin/generated")
}

func TestPluginFlags(t *testing.T) {
	cfg := pluginexport.Default()
	cfg.Plugins = pluginexport.Patterns{"pluginexport_plugin/lib"}
	cfg.DenyImports = pluginexport.Patterns{"net/http/..."}
	analysistest.Run(t, testdata(t), pluginexport.New(cfg), "pluginexport_plugin/lib", "pluginexport_plugin/denied")
}

func TestFlagsBindPrivateConfig(t *testing.T) {
	a := pluginexport.New(pluginexport.Default())
	if err := a.Flags.Set("require", "Init:func(context.Context, map[string]string) error,Version"); err != nil {
		t.Fatal(err)
	}
	if got := a.Flags.Lookup("require").Value.String(); got != "Init:func(context.Context, map[string]string) error,Version" {
		t.Errorf("require = %q", got)
	}
	if got := pluginexport.Analyzer.Flags.Lookup("require").Value.String(); got != "Init:func() error" {
		t.Errorf("global analyzer changed: require = %q", got)
	}
	if err := a.Flags.Set("require", "init:func()"); err == nil {
		t.Error("unexported name accepted")
	}
}

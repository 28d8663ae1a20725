package golangci

import (
	"encoding/json"
	"flag"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"

	"github.com/go-plugin-lint/go-plugin-lint/analyzers"
)

// Every analyzer of the suite is registered under its own name, so that
// `//nolint:<name>` and `linters.enable: [<name>]` address it alone.
func TestEveryAnalyzerIsRegistered(t *testing.T) {
	suite := analyzers.Suite()
	if len(suite) == 0 {
		t.Fatal("the suite is empty")
	}
	for _, m := range suite {
		name := m.Analyzer.Name
		newPlugin, err := register.GetPlugin(name)
		if err != nil {
			t.Fatalf("analyzer %s: %v", name, err)
		}
		p, err := newPlugin(nil)
		if err != nil {
			t.Fatalf("%s with no settings: %v", name, err)
		}
		if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
			t.Errorf("%s load mode = %q, want %q", name, got, register.LoadModeTypesInfo)
		}
		as, err := p.BuildAnalyzers()
		if err != nil {
			t.Fatalf("%s BuildAnalyzers: %v", name, err)
		}
		if len(as) != 1 || as[0].Name != name {
			t.Fatalf("%s BuildAnalyzers returned %v, want the one analyzer %s", name, as, name)
		}
	}
}

// golangci-lint lower-cases every settings key, so a flag with an upper-case
// letter (or any non-kebab-case name) could never be set from .golangci.yml.
func TestFlagNamesAreKebabCase(t *testing.T) {
	kebab := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	for _, m := range analyzers.Suite() {
		m.Analyzer.Flags.VisitAll(func(f *flag.Flag) {
			if !kebab.MatchString(f.Name) {
				t.Errorf("flag %s.%s is not kebab-case: golangci-lint lower-cases settings keys, so it could not be set there", m.Analyzer.Name, f.Name)
			}
		})
	}
}

// Each plugin builds a new analyzer: settings of one golangci-lint run never
// leak into the global analyzer the command uses, nor into another build.
func TestBuildAnalyzersIsFresh(t *testing.T) {
	for _, name := range Names() {
		p1, err := New(name, nil)
		if err != nil {
			t.Fatal(err)
		}
		a1, err := p1.BuildAnalyzers()
		if err != nil {
			t.Fatal(err)
		}
		a2, err := p1.BuildAnalyzers()
		if err != nil {
			t.Fatal(err)
		}
		if a1[0] == a2[0] {
			t.Errorf("%s: two BuildAnalyzers calls returned the same analyzer", name)
		}
		for _, m := range analyzers.Suite() {
			if m.Analyzer == a1[0] {
				t.Errorf("%s: BuildAnalyzers returned a suite analyzer", name)
			}
		}
	}
}

func TestUnknownSettingNamesKeyAndValidOnes(t *testing.T) {
	for _, name := range Names() {
		p, err := New(name, map[string]any{"no-such-setting": true})
		if err != nil {
			t.Fatalf("New decodes only, yet failed: %v", err)
		}
		_, err = p.BuildAnalyzers()
		if err == nil {
			t.Fatalf("%s: unknown setting accepted", name)
		}
		msg := err.Error()
		if !strings.Contains(msg, `"no-such-setting"`) || !strings.Contains(msg, name) || strings.Contains(msg, "\n") {
			t.Errorf("%s: error %q should be one line naming the analyzer and the key", name, msg)
		}
		a := fresh(name)
		for _, f := range FlagNames(a) {
			if !strings.Contains(msg, f) {
				t.Errorf("%s: error %q does not list the valid setting %q", name, msg, f)
			}
		}
	}
}

// Map order is random; the error must not be.
func TestUnknownSettingIsDeterministic(t *testing.T) {
	settings := map[string]any{"zzz": 1, "aaa": 1, "mmm": 1}
	var first string
	for i := range 20 {
		p, _ := New(Names()[0], settings)
		_, err := p.BuildAnalyzers()
		if err == nil {
			t.Fatal("unknown settings accepted")
		}
		if i == 0 {
			first = err.Error()
			if !strings.Contains(first, `"aaa"`) {
				t.Fatalf("error %q should name the first unknown key in sorted order", first)
			}
		} else if err.Error() != first {
			t.Fatalf("error changed between runs: %q vs %q", first, err.Error())
		}
	}
}

func TestUnknownAnalyzer(t *testing.T) {
	if _, err := New("nosuchlinter", nil); err == nil || !strings.Contains(err.Error(), `"nosuchlinter"`) {
		t.Fatalf("New(nosuchlinter) error = %v, want one naming it", err)
	}
}

func TestSettingsMustBeAMap(t *testing.T) {
	for _, bad := range []any{[]any{"a"}, "text", 3} {
		if _, err := New(Names()[0], bad); err == nil {
			t.Errorf("settings %#v accepted", bad)
		}
	}
}

func TestFlagValue(t *testing.T) {
	for _, tc := range []struct {
		in      any
		want    string
		wantErr string
	}{
		{in: "os/exec", want: "os/exec"},
		{in: true, want: "true"},
		{in: false, want: "false"},
		{in: float64(3), want: "3"},
		{in: 2.5, want: "2.5"},
		{in: []any{"a/b.I", "c/d.J"}, want: "a/b.I,c/d.J"},
		{in: []any{}, want: ""},
		{in: []any{"x", true, float64(1)}, want: "x,true,1"},
		{in: nil, wantErr: "empty value"},
		{in: []any{"x", nil}, wantErr: "list element 2: empty value"},
		{in: map[string]any{"a": "b"}, wantErr: "unsupported value of type map"},
		{in: []any{[]any{"x"}}, wantErr: "list element 1: unsupported value of type list"},
	} {
		got, err := flagValue(tc.in)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("flagValue(%#v) error = %v, want %q", tc.in, err, tc.wantErr)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("flagValue(%#v) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

// A valid setting reaches the analyzer's flag, with the flag's own parsing
// and validation: the setting means exactly what the flag means.
func TestSettingSetsTheFlag(t *testing.T) {
	tested := 0
	for _, name := range Names() {
		a := fresh(name)
		if a.Flags.Lookup("contracts") == nil {
			continue
		}
		tested++
		p, err := New(name, map[string]any{"contracts": []any{"example.com/api.Processor", "example.com/api.Sink"}})
		if err != nil {
			t.Fatal(err)
		}
		as, err := p.BuildAnalyzers()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got := as[0].Flags.Lookup("contracts").Value.String(); got != "example.com/api.Processor,example.com/api.Sink" {
			t.Errorf("%s contracts flag = %q after setting a two-element list", name, got)
		}
		// The flag's validation applies, with the key in the message.
		p, _ = New(name, map[string]any{"contracts": []any{"NotQualified"}})
		if _, err := p.BuildAnalyzers(); err == nil || !strings.Contains(err.Error(), `"contracts"`) {
			t.Errorf("%s: invalid contract name: error %v, want one naming the setting", name, err)
		}
	}
	if tested == 0 {
		t.Fatal("no analyzer has a contracts flag to test settings with")
	}
	// The global analyzers stay at their defaults.
	for _, m := range analyzers.Suite() {
		if f := m.Analyzer.Flags.Lookup("contracts"); f != nil && f.Value.String() != "" {
			t.Errorf("%s: a fresh suite analyzer has contracts %q", m.Analyzer.Name, f.Value.String())
		}
	}
}

func TestBoolSetting(t *testing.T) {
	for _, name := range Names() {
		a := fresh(name)
		var boolFlag string
		for _, f := range FlagNames(a) {
			if bf, ok := a.Flags.Lookup(f).Value.(interface{ IsBoolFlag() bool }); ok && bf.IsBoolFlag() {
				boolFlag = f
				break
			}
		}
		if boolFlag == "" {
			continue
		}
		def := a.Flags.Lookup(boolFlag).DefValue
		want := "true"
		if def == "true" {
			want = "false"
		}
		p, _ := New(name, map[string]any{boolFlag: want == "true"})
		as, err := p.BuildAnalyzers()
		if err != nil {
			t.Fatalf("%s.%s: %v", name, boolFlag, err)
		}
		if got := as[0].Flags.Lookup(boolFlag).Value.String(); got != want {
			t.Errorf("%s.%s = %q after setting it to %s", name, boolFlag, got, want)
		}
		p, _ = New(name, map[string]any{boolFlag: "maybe"})
		if _, err := p.BuildAnalyzers(); err == nil {
			t.Errorf("%s.%s accepted %q", name, boolFlag, "maybe")
		}
		return
	}
	t.Skip("no analyzer has a boolean flag yet")
}

// golangci-lint links us, not the other way round: requiring it would drag
// its hundreds of modules into every user of the analyzers. The custom
// binary of the integration test lives in its own module for that reason.
func TestMainModuleDoesNotRequireGolangciLint(t *testing.T) {
	out, err := exec.Command("go", "mod", "edit", "-json", "../go.mod").Output()
	if err != nil {
		t.Fatalf("go mod edit -json ../go.mod: %v", err)
	}
	var gm struct{ Require []struct{ Path string } }
	if err := json.Unmarshal(out, &gm); err != nil {
		t.Fatal(err)
	}
	if len(gm.Require) == 0 {
		t.Fatal("go.mod has no requirements: wrong file?")
	}
	for _, r := range gm.Require {
		if strings.HasPrefix(r.Path, "github.com/golangci/golangci-lint") {
			t.Errorf("go.mod requires %s: build the custom golangci-lint binary in its own module instead", r.Path)
		}
	}
}

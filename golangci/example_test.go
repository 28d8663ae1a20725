package golangci

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/go-plugin-lint/go-plugin-lint/analyzers"
	"github.com/go-plugin-lint/go-plugin-lint/internal/docs"
)

var update = flag.Bool("update", false, "rewrite the linters.settings.custom section of .golangci.example.yml from the analyzers' flags")

const exampleConfig = "../.golangci.example.yml"

// customSection renders the linters.settings.custom section of the example
// configuration from the suite: one block per analyzer, every flag as a
// commented-out setting at its default, with the flag's usage below it.
// The settings are documented once, in the flags.
func customSection() string {
	var b strings.Builder
	b.WriteString("    custom:\n")
	b.WriteString("      # Generated from the analyzers' flags by\n")
	b.WriteString("      # `go test ./golangci -run TestExampleConfig -update`; every setting is\n")
	b.WriteString("      # the analyzer flag of the same name (-<linter>.<setting> on the command line).\n")
	for i, m := range analyzers.Suite() {
		a := m.Analyzer
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "      %s:\n", a.Name)
		b.WriteString("        type: module\n")
		fmt.Fprintf(&b, "        description: %s\n", strconv.Quote(docs.Summary(a.Doc)))
		fmt.Fprintf(&b, "        original-url: %s\n", docs.URL(a.Name))
		b.WriteString("        settings:\n")
		a.Flags.VisitAll(func(f *flag.Flag) {
			// The setting at its default, then the flag's usage indented
			// below it, so that no line of prose reads as a setting.
			fmt.Fprintf(&b, "          # %s: %s\n", f.Name, yamlDefault(f))
			for _, line := range wrap(f.Usage, 76) {
				fmt.Fprintf(&b, "          #   %s\n", line)
			}
		})
	}
	return b.String()
}

// yamlDefault writes a flag's default as the YAML value that sets it.
func yamlDefault(f *flag.Flag) string {
	if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && bf.IsBoolFlag() {
		return f.DefValue
	}
	if isList(f) {
		var items []string
		for _, s := range splitTopLevel(f.DefValue) {
			items = append(items, strconv.Quote(s))
		}
		return "[" + strings.Join(items, ", ") + "]"
	}
	return strconv.Quote(f.DefValue)
}

// isList reports whether a flag takes a comma-separated list: the suite's
// convention says so in the usage's first words.
func isList(f *flag.Flag) bool {
	return strings.HasPrefix(strings.ToLower(f.Usage), "comma-separated")
}

// splitTopLevel splits a list default at the commas outside brackets, so
// that "Init:func(a, b) error" stays one element.
func splitTopLevel(s string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, strings.TrimSpace(s[start:i]))
				start = i + 1
			}
		}
	}
	if last := strings.TrimSpace(s[start:]); last != "" || len(out) > 0 {
		out = append(out, last)
	}
	return out
}

func wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len(line)+1+len(w) > width {
			lines = append(lines, line)
			line = w
			continue
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	return append(lines, line)
}

// sectionBounds finds the custom section: from its "    custom:" line to
// the next line indented by four spaces or less.
func sectionBounds(lines []string) (start, end int, err error) {
	start = slices.Index(lines, "    custom:")
	if start < 0 {
		return 0, 0, fmt.Errorf("%s has no linters.settings.custom section (a line \"    custom:\")", exampleConfig)
	}
	end = len(lines)
	for i := start + 1; i < len(lines); i++ {
		l := lines[i]
		if strings.TrimSpace(l) != "" && len(l)-len(strings.TrimLeft(l, " ")) <= 4 {
			end = i
			break
		}
	}
	// Trailing blank lines belong to what follows.
	for end > start+1 && strings.TrimSpace(lines[end-1]) == "" {
		end--
	}
	return start, end, nil
}

// The example's linter settings are the analyzers' flags: generated from
// them, checked here, so the documentation of every setting cannot rot.
func TestExampleConfig(t *testing.T) {
	data, err := os.ReadFile(exampleConfig)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	start, end, err := sectionBounds(lines)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Split(strings.TrimSuffix(customSection(), "\n"), "\n")
	if *update {
		out := slices.Concat(lines[:start], want, lines[end:])
		if err := os.WriteFile(exampleConfig, []byte(strings.Join(out, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	// Compare the linters and their settings with their defaults. The prose
	// (descriptions from doc.go, flag usages) is refreshed by -update, but a
	// reworded sentence is not a stale setting and should not fail CI.
	got := slices.DeleteFunc(slices.Clone(lines[start:end]), isProse)
	if !slices.Equal(got, slices.DeleteFunc(slices.Clone(want), isProse)) {
		t.Errorf("%s does not document the analyzers' current settings; run\n\tgo test ./golangci -run TestExampleConfig -update\nwant:\n%s", exampleConfig, strings.Join(want, "\n"))
	}

	// Every linter is enabled: the example is a ready configuration.
	enabled := enabledLinters(lines)
	for _, name := range Names() {
		if !slices.Contains(enabled, name) {
			t.Errorf("%s does not enable %s under linters.enable", exampleConfig, name)
		}
	}
}

// settingLine is a commented-out setting with its default.
var settingLine = regexp.MustCompile(`^          # [a-z0-9]+(-[a-z0-9]+)*: `)

// isProse reports whether a line of the custom section is a description or
// a comment other than a setting.
func isProse(line string) bool {
	if strings.HasPrefix(line, "        description: ") {
		return true
	}
	return strings.HasPrefix(strings.TrimSpace(line), "#") && !settingLine.MatchString(line)
}

// enabledLinters returns the items of the linters.enable list.
func enabledLinters(lines []string) []string {
	var out []string
	in := false
	item := regexp.MustCompile(`^    - ([a-z0-9-]+)\s*(#.*)?$`)
	for _, l := range lines {
		switch {
		case l == "  enable:":
			in = true
		case in && item.MatchString(l):
			out = append(out, item.FindStringSubmatch(l)[1])
		case in && strings.TrimSpace(l) != "" && !strings.HasPrefix(strings.TrimSpace(l), "#"):
			in = false
		}
	}
	return out
}

// withSettings returns the example configuration with settings added to
// the linter called name: the configuration every integration scenario
// runs is the example itself, changed only where the scenario says.
func withSettings(t *testing.T, name string, settings ...string) string {
	t.Helper()
	data, err := os.ReadFile(exampleConfig)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	start, end, err := sectionBounds(lines)
	if err != nil {
		t.Fatal(err)
	}
	block := slices.Index(lines[start:end], "      "+name+":")
	if block < 0 {
		t.Fatalf("%s has no settings block for %s", exampleConfig, name)
	}
	at := slices.Index(lines[start+block:end], "        settings:")
	if at < 0 {
		t.Fatalf("%s: the block of %s has no settings line", exampleConfig, name)
	}
	at += start + block + 1
	var add []string
	for _, s := range settings {
		add = append(add, "          "+s)
	}
	return strings.Join(slices.Concat(lines[:at], add, lines[at:]), "\n")
}

// writeConfig writes a configuration into dir as .golangci.yml.
func writeConfig(t *testing.T, dir, config string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, ".golangci.yml"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestSplitTopLevel(t *testing.T) {
	for in, want := range map[string][]string{
		"":                                   nil,
		"a":                                  {"a"},
		"a,b":                                {"a", "b"},
		"Init:func(a, b) error,Close":        {"Init:func(a, b) error", "Close"},
		"New:func() (map[string]int, error)": {"New:func() (map[string]int, error)"},
	} {
		if got := splitTopLevel(in); !slices.Equal(got, want) {
			t.Errorf("splitTopLevel(%q) = %q, want %q", in, got, want)
		}
	}
}

// .custom-gcl.example.yml builds the binary the integration test builds:
// the same golangci-lint version, our module and our plugin package.
func TestCustomGclExample(t *testing.T) {
	data, err := os.ReadFile("../.custom-gcl.example.yml")
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			keys = append(keys, strings.TrimPrefix(l, "- "))
		}
	}
	for _, want := range []string{
		"version: " + golangciVersion,
		"module: " + ourModule,
		"import: " + ourModule + "/golangci",
	} {
		if !slices.Contains(keys, want) {
			t.Errorf(".custom-gcl.example.yml lacks the line %q", want)
		}
	}
}

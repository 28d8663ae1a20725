package golangci

import (
	"flag"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/go-plugin-lint/go-plugin-lint/analyzers"
)

// The plugins are registered when a custom golangci-lint binary links this
// package (a blank import, written by `golangci-lint custom`).
func init() {
	for _, name := range Names() {
		register.Plugin(name, func(settings any) (register.LinterPlugin, error) {
			return New(name, settings)
		})
	}
}

// Names returns the names of the suite's analyzers, which are also the
// names of the golangci-lint linters this package registers.
func Names() []string {
	var names []string
	for _, m := range analyzers.Suite() {
		names = append(names, m.Analyzer.Name)
	}
	return names
}

// Plugin is one analyzer of the suite as a golangci-lint module plugin.
type Plugin struct {
	name     string
	settings map[string]any
}

// New decodes the settings golangci-lint passes for the linter called name
// (the `settings` map of `linters.settings.custom.<name>`). It only decodes:
// the keys are checked against the analyzer's flags in BuildAnalyzers, so
// that a flag another analyzer adds later is a valid setting at once.
func New(name string, settings any) (*Plugin, error) {
	if !slices.Contains(Names(), name) {
		return nil, fmt.Errorf("go-plugin-lint has no analyzer %q (analyzers: %s)", name, strings.Join(Names(), ", "))
	}
	// A map rather than a struct: DisallowUnknownFields has nothing to
	// reject in a map, and the check against the flags below names the
	// unknown key and the valid ones.
	s, err := register.DecodeSettings[map[string]any](settings)
	if err != nil {
		return nil, fmt.Errorf("%s: settings must be a map of setting names to values: %w", name, err)
	}
	return &Plugin{name: name, settings: s}, nil
}

// GetLoadMode implements register.LinterPlugin: every analyzer needs types.
func (p *Plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

// BuildAnalyzers implements register.LinterPlugin. It builds a fresh
// analyzer (never the global one, which the command owns) and sets each
// setting as the analyzer flag of the same name, so a setting means exactly
// what `-<name>.<flag>` means on the command line and under go vet.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	a := fresh(p.name)
	if a == nil {
		return nil, fmt.Errorf("go-plugin-lint has no analyzer %q", p.name)
	}
	keys := make([]string, 0, len(p.settings))
	for k := range p.settings {
		keys = append(keys, k)
	}
	sort.Strings(keys) // the first error is the same on every run
	for _, key := range keys {
		if a.Flags.Lookup(key) == nil {
			return nil, fmt.Errorf("%s: unknown setting %q (valid settings: %s)", p.name, key, strings.Join(FlagNames(a), ", "))
		}
		value, err := flagValue(p.settings[key])
		if err != nil {
			return nil, fmt.Errorf("%s: setting %q: %v", p.name, key, err)
		}
		if err := a.Flags.Set(key, value); err != nil {
			return nil, fmt.Errorf("%s: setting %q: %v", p.name, key, err)
		}
	}
	return []*analysis.Analyzer{a}, nil
}

// fresh returns a newly built analyzer called name with default settings.
func fresh(name string) *analysis.Analyzer {
	for _, m := range analyzers.Suite() {
		if m.Analyzer.Name == name {
			return m.Analyzer
		}
	}
	return nil
}

// FlagNames returns the sorted names of a's flags: the valid settings.
func FlagNames(a *analysis.Analyzer) []string {
	var names []string
	a.Flags.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	sort.Strings(names)
	return names
}

// flagValue turns a decoded YAML value into the text of a flag value: a
// scalar as written, a sequence of scalars joined with commas (the suite's
// list flags are comma-separated).
func flagValue(v any) (string, error) {
	if list, ok := v.([]any); ok {
		parts := make([]string, len(list))
		for i, e := range list {
			s, err := scalar(e)
			if err != nil {
				return "", fmt.Errorf("list element %d: %v", i+1, err)
			}
			parts[i] = s
		}
		return strings.Join(parts, ","), nil
	}
	return scalar(v)
}

func scalar(v any) (string, error) {
	switch v := v.(type) {
	case string:
		return v, nil
	case bool:
		return strconv.FormatBool(v), nil
	case float64: // JSON numbers, as DecodeSettings round-trips through JSON
		if v == math.Trunc(v) && math.Abs(v) < 1<<53 {
			return strconv.FormatInt(int64(v), 10), nil
		}
		return strconv.FormatFloat(v, 'g', -1, 64), nil
	case nil:
		return "", fmt.Errorf("empty value: write a string, a number, a boolean or a list of those")
	default:
		return "", fmt.Errorf("unsupported value of type %s: write a string, a number, a boolean or a list of those", jsonKind(v))
	}
}

func jsonKind(v any) string {
	switch v.(type) {
	case map[string]any:
		return "map"
	case []any:
		return "list"
	default:
		return fmt.Sprintf("%T", v)
	}
}

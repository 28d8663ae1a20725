// Package suppress reads the suppression directives that users write on a
// finding's line or on the line above it:
//
//	//nolint:statecoupling,pluginexport // why      (golangci-lint style)
//	//nolint:all                                   (every analyzer)
//	//nolint                                       (bare: every analyzer, as golangci-lint does)
//	//lint:ignore statecoupling,pluginexport why    (staticcheck style; the reason is required)
//
// Both forms are shared with other tools (golangci-lint's other linters,
// staticcheck's checks), so names that are not analyzers of the run are
// ignored rather than reported.
package suppress

import (
	"strings"
)

// Kind tells the two directive styles apart.
type Kind uint8

const (
	// Nolint is golangci-lint's //nolint[:names].
	Nolint Kind = iota + 1
	// LintIgnore is staticcheck's //lint:ignore names reason.
	LintIgnore
)

func (k Kind) String() string {
	if k == LintIgnore {
		return "//lint:ignore"
	}
	return "//nolint"
}

// Directive is one parsed suppression comment.
type Directive struct {
	Kind Kind
	// All is set by //nolint, //nolint:all and //lint:ignore all.
	All bool
	// Names are the analyzer names listed, in the order written; empty when All
	// is set by a bare //nolint.
	Names []string
	// Reason is the explanation: the text after "//" following a //nolint
	// list, or the required reason of //lint:ignore.
	Reason string
	// Malformed, when not empty, says why the directive cannot suppress
	// anything (a //lint:ignore without a reason). Such a directive is
	// reported instead of silently working.
	Malformed string
}

// Covers reports whether the directive names analyzer (or all analyzers).
func (d Directive) Covers(analyzer string) bool {
	if d.All {
		return true
	}
	for _, n := range d.Names {
		if n == analyzer {
			return true
		}
	}
	return false
}

// Parse parses the text of one comment as it appears in the source
// ("//nolint:a,b"). It reports false when the comment is not a suppression
// directive. Block comments and "// nolint" with a space are not directives:
// like //go: lines, directives have no space after the slashes.
func Parse(text string) (Directive, bool) {
	if rest, ok := strings.CutPrefix(text, "//nolint"); ok {
		return parseNolint(rest)
	}
	if rest, ok := strings.CutPrefix(text, "//lint:ignore"); ok {
		return parseLintIgnore(rest)
	}
	return Directive{}, false
}

func parseNolint(rest string) (Directive, bool) {
	d := Directive{Kind: Nolint}
	list, ok := strings.CutPrefix(rest, ":")
	if !ok {
		// Bare //nolint, possibly followed by an explanation; "//nolintfoo"
		// is some other word.
		if rest != "" && !startsWithSpace(rest) {
			return Directive{}, false
		}
		d.All = true
		d.Reason = explanation(rest)
		return d, true
	}
	names, tail := splitNames(list)
	if len(names) == 0 {
		return Directive{}, false
	}
	if tail != "" && !startsWithSpace(tail) {
		return Directive{}, false
	}
	d.Reason = explanation(tail)
	d.setNames(names)
	return d, true
}

func parseLintIgnore(rest string) (Directive, bool) {
	if !startsWithSpace(rest) {
		return Directive{}, false
	}
	fields := strings.Fields(rest)
	if len(fields) == 0 {
		return Directive{}, false
	}
	d := Directive{Kind: LintIgnore}
	names, tail := splitNames(fields[0])
	if len(names) == 0 || tail != "" {
		return Directive{}, false
	}
	d.setNames(names)
	d.Reason = strings.Join(fields[1:], " ")
	if d.Reason == "" {
		d.Malformed = "//lint:ignore needs a reason after the analyzer names"
	}
	return d, true
}

func (d *Directive) setNames(names []string) {
	for _, n := range names {
		if n == "all" {
			d.All = true
		}
	}
	d.Names = names
}

// splitNames reads a comma-separated list of names made of letters, digits,
// '-' and '_' from the start of s, and returns the rest of s.
func splitNames(s string) ([]string, string) {
	i := 0
	for i < len(s) && (isNameByte(s[i]) || s[i] == ',') {
		i++
	}
	var names []string
	for _, n := range strings.Split(s[:i], ",") {
		if n != "" {
			names = append(names, n)
		}
	}
	return names, s[i:]
}

func isNameByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_'
}

func startsWithSpace(s string) bool {
	return s != "" && (s[0] == ' ' || s[0] == '\t')
}

// explanation returns the "// why" text that golangci-lint allows after a
// //nolint directive.
func explanation(s string) string {
	s = strings.TrimSpace(s)
	s, _ = strings.CutPrefix(s, "//")
	return strings.TrimSpace(s)
}

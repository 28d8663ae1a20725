package suppress

import (
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

const src = `package p

func f() {
	a() //nolint:statecoupling
	//lint:ignore pluginexport the host checks the error
	b()
	c() //nolint:statecoupling,pluginexport // unused for pluginexport
	//lint:ignore statecoupling
	d()
	e() //nolint:errcheck
	g() //nolint
	//nolint:otherlinter
	h()
}
`

func index(t *testing.T) *Index {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	ix := NewIndex()
	ix.AddFile(fset, f)
	ix.AddFile(fset, f) // a test variant shares the file: no double entries
	return ix
}

func TestSuppressed(t *testing.T) {
	ix := index(t)
	tests := []struct {
		line     int
		analyzer string
		want     bool
	}{
		{4, "statecoupling", true},  // same line
		{4, "pluginexport", false},  // other analyzer
		{5, "statecoupling", true},  // line below a trailing directive: "the line above"
		{6, "pluginexport", true},   // line above
		{6, "statecoupling", false}, // other analyzer
		{7, "statecoupling", true},
		{9, "statecoupling", false}, // malformed: no reason
		{10, "statecoupling", false},
		{11, "abidrift", true}, // bare //nolint is all
		{13, "statecoupling", false},
		{15, "statecoupling", false},
	}
	for _, tt := range tests {
		if got := ix.Suppressed("p.go", tt.line, tt.analyzer); got != tt.want {
			t.Errorf("Suppressed(line %d, %s) = %v, want %v", tt.line, tt.analyzer, got, tt.want)
		}
	}
	if ix.Suppressed("other.go", 4, "statecoupling") {
		t.Errorf("a directive suppressed a finding in another file")
	}
}

func TestProblems(t *testing.T) {
	ix := index(t)
	ix.Suppressed("p.go", 4, "statecoupling")
	ix.Suppressed("p.go", 7, "statecoupling")
	ix.Suppressed("p.go", 9, "statecoupling") // hits the malformed directive
	ran := map[string]bool{"statecoupling": true, "pluginexport": true}

	var got []string
	for _, p := range ix.Unused(ran) {
		got = append(got, p.Pos.String()+": "+p.Message)
	}
	want := []string{
		"p.go:5:2: //lint:ignore directive suppresses no finding of pluginexport",
		"p.go:7:6: //nolint directive suppresses no finding of pluginexport",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Unused:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Only analyzers that ran are reported.
	if u := ix.Unused(map[string]bool{"abidrift": true}); len(u) != 0 {
		t.Errorf("Unused reported directives for analyzers that did not run: %v", u)
	}

	m := ix.Malformed(ran, false)
	if len(m) != 1 || m[0].Pos.Line != 8 || !strings.Contains(m[0].Message, "needs a reason") {
		t.Errorf("Malformed = %v, want the reasonless //lint:ignore on line 8", m)
	}
	if m := ix.Malformed(map[string]bool{"abidrift": true}, true); len(m) != 0 {
		t.Errorf("Malformed reported a directive naming only other tools' checks: %v", m)
	}
}

func TestMalformedReportedOnlyWhereItMatters(t *testing.T) {
	ix := index(t)
	ran := map[string]bool{"statecoupling": true}
	if m := ix.Malformed(ran, false); len(m) != 0 {
		t.Errorf("a malformed directive that hid nothing was reported without -report-unused-suppressions: %v", m)
	}
	if m := ix.Malformed(ran, true); len(m) != 1 {
		t.Errorf("Malformed(all) = %v, want one", m)
	}
}

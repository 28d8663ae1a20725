package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestSuppression(t *testing.T) {
	t.Parallel()
	dir := fixture("suppress")
	file := "sup/sup.go"
	reported := []string{
		// A //lint:ignore without a reason does not work, and says so.
		file + ":" + strconv.Itoa(lineOf(t, filepath.Join(dir, file), `plugin.Open(path + "c")`)-1) + " suppression",
		want(t, dir, file, `plugin.Open(path + "c")`, "pluginexport"),
		// A directive naming another analyzer does not silence this one.
		want(t, dir, file, `plugin.Open(path + "d")`, "pluginexport"),
	}
	r := run(t, dir, nil, "./...")
	if r.code != exitFindings {
		t.Errorf("exit status %d, want 3; stderr:\n%s", r.code, r.stderr)
	}
	sameKeys(t, "findings left by the directives", parseText(t, r.stdout), reported)

	r = run(t, dir, nil, "-report-unused-suppressions", "./...")
	unused := append(reported,
		want(t, dir, file, "//nolint:statecoupling", "suppression"),
		want(t, dir, file, "//nolint:pluginexport // nothing to silence", "suppression"),
	)
	sameKeys(t, "with -report-unused-suppressions", parseText(t, r.stdout), unused)
	if !strings.Contains(r.stdout, "no finding of statecoupling (suppression)") {
		t.Errorf("the unused report does not name the analyzer:\n%s", r.stdout)
	}

	// Only analyzers that ran count: with statecoupling alone, the
	// //nolint:pluginexport directives are not unused, and the malformed
	// //lint:ignore pluginexport concerns an analyzer that did not run.
	r = run(t, dir, nil, "-statecoupling", "-report-unused-suppressions", "./...")
	sameKeys(t, "-statecoupling -report-unused-suppressions", parseText(t, r.stdout), []string{
		want(t, dir, file, "//nolint:statecoupling", "suppression"),
	})
}

func TestBaseline(t *testing.T) {
	t.Parallel()
	dir := copyFixture(t, "baseline")
	base := filepath.Join(dir, "baseline.json")
	host := filepath.Join(dir, "host", "host.go")

	r := run(t, dir, nil, "-write-baseline", base, "./...")
	if r.code != exitClean || r.stdout != "" {
		t.Fatalf("-write-baseline: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	data, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Version  int
		Findings []struct {
			File, Analyzer, Decl, Message string
			Count                         int
		}
	}
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatalf("baseline is not JSON: %v\n%s", err, data)
	}
	if file.Version != 1 || len(file.Findings) != 1 {
		t.Fatalf("baseline:\n%s", data)
	}
	if f := file.Findings[0]; f.File != "host/host.go" || f.Analyzer != "pluginexport" || f.Decl != "func Open" || f.Count != 1 {
		t.Errorf("baseline entry %+v, want host/host.go, pluginexport, func Open, 1", f)
	}
	if strings.Contains(string(data), `"line"`) {
		t.Errorf("baseline keys on line numbers:\n%s", data)
	}

	// Lines inserted above the finding do not make it new, whatever the
	// directory the command runs from.
	insertLine(t, host, "// Open", "// A comment that moves the finding down.\n\n")
	for _, d := range []string{dir, filepath.Join(dir, "host")} {
		r = run(t, d, nil, "-baseline", base, "./...")
		if r.code != exitClean || r.stdout != "" {
			t.Errorf("in %s after inserting lines: exit %d, stdout %q, stderr %q", d, r.code, r.stdout, r.stderr)
		}
	}

	// A second identical finding in the same declaration is new: the
	// baseline is a multiset.
	insertLine(t, host, "\treturn p", "\tq, _ := plugin.Open(path + \".old\")\n\t_ = q\n")
	r = run(t, dir, nil, "-baseline", base, "./...")
	if r.code != exitFindings {
		t.Errorf("with a new finding: exit %d, want 3; stderr %q", r.code, r.stderr)
	}
	sameKeys(t, "new findings", parseText(t, r.stdout), []string{
		want(t, dir, "host/host.go", `q, _ := plugin.Open(path + ".old")`, "pluginexport"),
	})
}

func TestBaselineErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for name, content := range map[string]string{
		"corrupt.json": `{"version": 1, "findings": [`,
		"newer.json":   `{"version": 99, "findings": []}`,
		"empty.json":   ``,
	} {
		path := filepath.Join(dir, name)
		os.WriteFile(path, []byte(content), 0o666)
		r := run(t, fixture("clean"), nil, "-baseline", path, "./...")
		lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
		if r.code != exitError || len(lines) != 1 || !strings.Contains(lines[0], path) || strings.Contains(r.stderr, "panic") {
			t.Errorf("%s: exit %d, stderr %q; want 1 and one line naming the file", name, r.code, r.stderr)
		}
	}
}

// TestAnalyzerErrorOnce: an unreadable -abidrift.baseline stops abidrift
// on every package, and the user sees it once.
func TestAnalyzerErrorOnce(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "abi.json")
	os.WriteFile(path, []byte(`{"format": 1, "scope": "api"`), 0o666)
	r := run(t, fixture("findings"), nil, "-abidrift.baseline", path, "./...")
	lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
	if r.code != exitError || len(lines) != 1 || !strings.Contains(lines[0], path+": corrupt abidrift baseline") ||
		!strings.Contains(lines[0], "(in 3 packages, example.com/findings/api first)") {
		t.Errorf("exit %d, stderr %q; want 1 and one line naming the file and the 3 packages", r.code, r.stderr)
	}
}

// TestMisspeltSubcommand: a word close to a subcommand that does not load
// as a package gets a hint; a real package does not.
func TestMisspeltSubcommand(t *testing.T) {
	t.Parallel()
	r := run(t, fixture("clean"), nil, "snapshto")
	if r.code != exitError || !strings.Contains(r.stderr, `"snapshto" is not a package; did you mean 'go-plugin-lint snapshot'?`) {
		t.Errorf("exit %d, stderr %q; want 1 and a hint naming snapshot", r.code, r.stderr)
	}
	if got := misspeltSubcommand("abichek"); got != "abicheck" {
		t.Errorf("abichek: %q, want abicheck", got)
	}
	for _, word := range []string{"snapshot", "std", "fmt", "./...", "helpers"} {
		if got := misspeltSubcommand(word); got != "" {
			t.Errorf("%s is taken for a misspelt %s", word, got)
		}
	}
}

// TestCgo: in a cgo package the command analyses the files cgo generates;
// findings must point at the user's file, and its directives must apply.
func TestCgo(t *testing.T) {
	t.Parallel()
	r := run(t, fixture("cgo"), []string{"CGO_ENABLED=1"}, "./...")
	want := "web/web.go:18:2: write to package-level var hits without holding a lock"
	if r.code != exitFindings || !strings.HasPrefix(r.stdout, want) || strings.Count(r.stdout, "\n") != 1 {
		t.Errorf("exit %d, stdout %q, stderr %q; want 3 and only the finding %q", r.code, r.stdout, r.stderr, want)
	}
	// go vet hands the tool cgo's files too (and applies no directives).
	r = runCmd(t, fixture("cgo"), []string{"CGO_ENABLED=1"}, "go", "vet", "-vettool="+binary, "./...")
	if r.code == 0 || !strings.Contains(r.stderr, want) {
		t.Errorf("go vet: exit %d, stderr %q; want the finding %q", r.code, r.stderr, want)
	}
}

// TestGoVet runs the binary as go vet's tool: only the per-package passes,
// findings printed by go vet itself, directives not applied.
func TestGoVet(t *testing.T) {
	t.Parallel()
	dir := fixture("findings")
	r := runCmd(t, dir, nil, "go", "vet", "-vettool="+binary, "./...")
	if r.code == 0 {
		t.Errorf("go vet with findings exited 0")
	}
	for _, w := range findingsWant(t, dir) {
		file, rest, _ := strings.Cut(w, ":")
		line, _, _ := strings.Cut(rest, " ")
		if !strings.Contains(r.stderr, filepath.FromSlash(file)+":"+line+":") {
			t.Errorf("go vet output lacks %s:\n%s", w, r.stderr)
		}
	}

	// -json, with an analyzer flag passed through as -<analyzer>.<flag>.
	r = runCmd(t, dir, nil, "go", "vet", "-vettool="+binary, "-json", "-pluginexport.deny-imports=os/exec", "./...")
	if r.code != 0 || strings.Contains(r.stderr, "flag provided but not defined") {
		t.Fatalf("go vet -json: exit %d\n%s", r.code, r.stderr)
	}
	var got []string
	// go vet -json prints "# pkg" headers and one JSON object per package.
	dec := json.NewDecoder(strings.NewReader(stripComments(r.stderr + r.stdout)))
	for dec.More() {
		var tree jsonTree
		if err := dec.Decode(&tree); err != nil {
			t.Fatalf("go vet -json output: %v\n%s", err, r.stderr)
		}
		for _, byAnalyzer := range tree {
			for analyzer, raw := range byAnalyzer {
				var diags []jsonDiagnostic
				json.Unmarshal(raw, &diags)
				for _, d := range diags {
					file, line := splitPosn(t, d.Posn)
					rel, _ := filepath.Rel(dir, file)
					got = append(got, filepath.ToSlash(rel)+":"+line+" "+analyzer)
				}
			}
		}
	}
	sameKeys(t, "go vet -json findings", sortStrings(got), findingsWant(t, dir))
}

func TestGoVetIgnoresDirectives(t *testing.T) {
	t.Parallel()
	dir := fixture("suppress")
	r := runCmd(t, dir, nil, "go", "vet", "-vettool="+binary, "./...")
	line := strconv.Itoa(lineOf(t, filepath.Join(dir, "sup", "sup.go"), "//nolint:pluginexport // the caller"))
	if !strings.Contains(r.stderr, "sup.go:"+line+":") {
		t.Errorf("go vet applied a //nolint directive (documented as standalone only):\n%s", r.stderr)
	}
}

func stripComments(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func TestHelpAndVersion(t *testing.T) {
	t.Parallel()
	dir := fixture("clean")
	r := run(t, dir, nil, "help")
	if r.code != 0 {
		t.Errorf("help: exit %d", r.code)
	}
	for _, w := range []string{"redundantiface", "statecoupling", "pluginexport", "abidrift", "-baseline", "go vet", "Exit status", "//lint:ignore"} {
		if !strings.Contains(r.stdout, w) {
			t.Errorf("help lacks %q", w)
		}
	}
	r = run(t, dir, nil, "help", "pluginexport")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "pluginexport: ") || !strings.Contains(r.stdout, "-pluginexport.deny-imports") {
		t.Errorf("help pluginexport: exit %d\n%s", r.code, r.stdout)
	}
	r = run(t, dir, nil, "help", "nosuch")
	if r.code != exitError || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("help nosuch: exit %d, stderr %q", r.code, r.stderr)
	}
	for _, arg := range []string{"version", "-V"} {
		r = run(t, dir, nil, arg)
		if r.code != 0 || !strings.HasPrefix(r.stdout, progname+" version ") {
			t.Errorf("%s: exit %d, %q", arg, r.code, r.stdout)
		}
	}
}

// TestFixAndDiff uses pluginexport's comma-ok fix on the real binary.
func TestFixAndDiff(t *testing.T) {
	t.Parallel()
	dir := copyFixture(t, "findings")
	host := filepath.Join(dir, "host", "host.go")
	before, _ := os.ReadFile(host)

	r := run(t, dir, nil, "-diff", "./host/")
	if r.code != exitFindings {
		t.Errorf("-diff: exit %d, want 3; stderr %q", r.code, r.stderr)
	}
	for _, w := range []string{"--- a/host/host.go\n+++ b/host/host.go\n@@ ", "\n-\tproc := sym.(api.Processor)\n", "\n+\tproc, ok := sym.(api.Processor)\n"} {
		if !strings.Contains(r.stdout, w) {
			t.Errorf("-diff output lacks %q:\n%s", w, r.stdout)
		}
	}
	if after, _ := os.ReadFile(host); string(after) != string(before) {
		t.Fatalf("-diff changed the file")
	}

	r = run(t, dir, nil, "-fix", "./host/")
	if r.code != exitFindings {
		t.Errorf("-fix: exit %d, want 3 for the finding without a fix; stderr %q", r.code, r.stderr)
	}
	sameKeys(t, "findings left after -fix", parseText(t, r.stdout), []string{
		want(t, dir, "host/host.go", "p, _ := plugin.Open(path)", "pluginexport"),
	})
	after, _ := os.ReadFile(host)
	if !strings.Contains(string(after), "proc, ok := sym.(api.Processor)") {
		t.Errorf("-fix did not apply the comma-ok fix:\n%s", after)
	}
	if b := runCmd(t, dir, nil, "go", "vet", "./..."); b.code != 0 {
		t.Errorf("the fixed module does not build or vet:\n%s", b.stderr)
	}
}

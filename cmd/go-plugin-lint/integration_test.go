package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/go-plugin-lint/go-plugin-lint/internal/sarif"
)

// findingsWant lists the findings of testdata/findings: pluginexport's host
// rules and statecoupling's basic rule.
func findingsWant(t *testing.T, dir string) []string {
	return []string{
		want(t, dir, "host/host.go", "p, _ := plugin.Open(path)", "pluginexport"),
		want(t, dir, "host/host.go", "proc := sym.(api.Processor)", "pluginexport"),
		want(t, dir, "web/web.go", "hits[r.URL.Path]++", "statecoupling"),
	}
}

// findingsRuns are the runs over testdata/findings, which imports net/http
// (costly to load from source): each is made once and shared by the tests
// of text, JSON and SARIF output and of determinism.
type findingsRuns struct {
	text, text2   result // with -sarif, GOMAXPROCS=1 and 8
	sarif, sarif2 []byte
	json, json2   result // GOMAXPROCS=1 and 8
}

var (
	findingsOnce sync.Once
	findingsRes  *findingsRuns
	findingsErr  error
)

func runFindings(t *testing.T) *findingsRuns {
	t.Helper()
	findingsOnce.Do(func() {
		dir, tmp := fixture("findings"), t.TempDir()
		// t.TempDir is removed with the first test; the outputs are read now.
		r := &findingsRuns{}
		readSARIF := func(name string) []byte {
			data, err := os.ReadFile(filepath.Join(tmp, name))
			if err != nil {
				findingsErr = err
			}
			return data
		}
		r.text = run(t, dir, []string{"GOMAXPROCS=1"}, "-sarif", filepath.Join(tmp, "1.sarif"), "./...")
		r.sarif = readSARIF("1.sarif")
		// The driver analyses up to GOMAXPROCS packages at once: 8 on
		// any machine interleaves far more than 1.
		r.text2 = run(t, dir, []string{"GOMAXPROCS=8"}, "-sarif", filepath.Join(tmp, "2.sarif"), "./...")
		r.sarif2 = readSARIF("2.sarif")
		r.json = run(t, dir, []string{"GOMAXPROCS=1"}, "-json", "./...")
		r.json2 = run(t, dir, []string{"GOMAXPROCS=8"}, "-json", "./...")
		findingsRes = r
	})
	if findingsErr != nil || findingsRes == nil {
		t.Fatalf("runs over testdata/findings failed: %v", findingsErr)
	}
	return findingsRes
}

func TestTextOutputAndExitStatus(t *testing.T) {
	t.Parallel()
	dir := fixture("findings")
	r := runFindings(t).text
	if r.code != exitFindings {
		t.Errorf("exit status %d, want %d; stderr:\n%s", r.code, exitFindings, r.stderr)
	}
	sameKeys(t, "findings", parseText(t, r.stdout), findingsWant(t, dir))
	if !strings.HasPrefix(r.stdout, "host/host.go:") {
		t.Errorf("text output not sorted by file or not relative to the working directory:\n%s", r.stdout)
	}
}

func TestDeterminism(t *testing.T) {
	t.Parallel()
	r := runFindings(t)
	if r.text.stdout == "" || r.text.stdout != r.text2.stdout {
		t.Errorf("text output differs between GOMAXPROCS=1 and 8:\n%s\n---\n%s", r.text.stdout, r.text2.stdout)
	}
	if r.json.stdout == "" || r.json.stdout != r.json2.stdout {
		t.Errorf("JSON output differs between GOMAXPROCS=1 and 8:\n%s\n---\n%s", r.json.stdout, r.json2.stdout)
	}
	if len(r.sarif) == 0 || string(r.sarif) != string(r.sarif2) {
		t.Errorf("SARIF differs between GOMAXPROCS=1 and 8")
	}
}

func TestCleanModuleExitsZero(t *testing.T) {
	t.Parallel()
	r := run(t, fixture("clean"), nil, "./...")
	if r.code != exitClean || r.stdout != "" {
		t.Errorf("clean module: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}

func TestUsageErrors(t *testing.T) {
	t.Parallel()
	dir := fixture("clean")
	for _, args := range [][]string{
		{"-no-such-flag", "./..."},
		{},
		{"-baseline", "x.json", "-write-baseline", "y.json", "./..."},
		{"-statecoupling.no-such-flag=1", "./..."},
		{"-baseline", filepath.Join(t.TempDir(), "missing.json"), "./..."},
	} {
		r := run(t, dir, nil, args...)
		if r.code != exitError || r.stdout != "" {
			t.Errorf("%v: exit %d, stdout %q; want 1 and no output", args, r.code, r.stdout)
		}
		if lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n"); len(lines) != 1 || !strings.HasPrefix(lines[0], progname+": ") {
			t.Errorf("%v: stderr is not one %q line:\n%s", args, progname+": ", r.stderr)
		}
	}
}

func TestTypeErrorsReportedOthersAnalysed(t *testing.T) {
	t.Parallel()
	dir := fixture("typeerr")
	r := run(t, dir, nil, "./...")
	if r.code != exitError {
		t.Errorf("exit status %d, want 1", r.code)
	}
	sameKeys(t, "the good package's findings", parseText(t, r.stdout), []string{
		want(t, dir, "good/good.go", "p, _ := plugin.Open(path)", "pluginexport"),
	})
	lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("want one stderr line per type error (2), got:\n%s", r.stderr)
	}
	for i, marker := range []string{"undefinedName", `"not an int"`} {
		prefix := progname + ": example.com/typeerr/bad: " + filepath.FromSlash("bad/bad.go:") + strconv.Itoa(lineOf(t, filepath.Join(dir, "bad", "bad.go"), marker)) + ":"
		if !strings.HasPrefix(lines[i], prefix) {
			t.Errorf("stderr line %q, want prefix %q", lines[i], prefix)
		}
	}
	if strings.Contains(r.stderr, "goroutine") || strings.Contains(r.stderr, "panic") {
		t.Errorf("crash output:\n%s", r.stderr)
	}

	// In JSON, as x/tools does: the skipped package's analyzers carry an
	// error, the good package its findings.
	r = run(t, dir, nil, "-json", "./...")
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(r.stdout), &tree); err != nil || r.code != exitError {
		t.Fatalf("-json: exit %d, %v\n%s", r.code, err, r.stdout)
	}
	var e struct{ Error string }
	if err := json.Unmarshal(tree["example.com/typeerr/bad"]["pluginexport"], &e); err != nil || e.Error == "" {
		t.Errorf("no {\"error\": ...} for the ill-typed package:\n%s", r.stdout)
	}
	if len(tree["example.com/typeerr/good"]["pluginexport"]) == 0 {
		t.Errorf("no findings for the good package:\n%s", r.stdout)
	}
}

// jsonTree is the x/tools checker's JSON shape.
type jsonTree map[string]map[string]json.RawMessage

func TestJSON(t *testing.T) {
	t.Parallel()
	dir := fixture("findings")
	r := runFindings(t).json
	if r.code != exitFindings {
		t.Errorf("exit status %d, want 3; stderr:\n%s", r.code, r.stderr)
	}
	var tree jsonTree
	if err := json.Unmarshal([]byte(r.stdout), &tree); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, r.stdout)
	}
	var got []string
	var fixes int
	for pkg, byAnalyzer := range tree {
		for analyzer, raw := range byAnalyzer {
			var diags []jsonDiagnostic
			if err := json.Unmarshal(raw, &diags); err != nil {
				t.Fatalf("%s/%s: not a diagnostic list: %s", pkg, analyzer, raw)
			}
			for _, d := range diags {
				file, line := splitPosn(t, d.Posn)
				rel, _ := filepath.Rel(dir, file)
				got = append(got, filepath.ToSlash(rel)+":"+line+" "+analyzer)
				if wantPkg := "example.com/findings/" + filepath.Dir(filepath.ToSlash(rel)); pkg != wantPkg {
					t.Errorf("%s: under package %q, want %q", d.Posn, pkg, wantPkg)
				}
				if d.Message == "" || d.End == "" {
					t.Errorf("%s: empty message or end", d.Posn)
				}
				for _, f := range d.SuggestedFixes {
					fixes++
					if f.Message == "" || len(f.Edits) == 0 || f.Edits[0].Filename != file {
						t.Errorf("%s: malformed fix %+v", d.Posn, f)
					}
				}
			}
		}
	}
	sameKeys(t, "JSON findings", sortStrings(got), findingsWant(t, dir))
	if fixes != 1 {
		t.Errorf("want the comma-ok suggested fix in the JSON, found %d fixes", fixes)
	}
}

func TestRunWideFindingsUnderTheirPackage(t *testing.T) {
	t.Parallel()
	dir := fixture("runwide")
	r := run(t, dir, nil, "-json", "./...")
	var tree jsonTree
	if err := json.Unmarshal([]byte(r.stdout), &tree); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, r.stdout)
	}
	if _, ok := tree["run-wide"]; ok {
		t.Errorf("run-wide findings under a pseudo-package:\n%s", r.stdout)
	}
	var diags []jsonDiagnostic
	if err := json.Unmarshal(tree["example.com/runwide/host"]["pluginexport"], &diags); err != nil || len(diags) != 1 {
		t.Fatalf("want one pluginexport finding under example.com/runwide/host, got:\n%s", r.stdout)
	}
	_, line := splitPosn(t, diags[0].Posn)
	if want := strconv.Itoa(lineOf(t, filepath.Join(dir, "host", "host.go"), "proc, ok := sym.(api.Processor)")); line != want {
		t.Errorf("run-wide finding on line %s, want %s", line, want)
	}
	// Without the plugin in the run, only the run-wide view could tell: silence.
	if r := run(t, dir, nil, "./host/"); r.code != exitClean || r.stdout != "" {
		t.Errorf("host alone: exit %d, output %q; the finding should need the run-wide view", r.code, r.stdout)
	}
}

func TestSARIF(t *testing.T) {
	t.Parallel()
	dir := fixture("findings")
	data := runFindings(t).sarif
	if err := sarif.Validate(data); err != nil {
		t.Fatalf("invalid SARIF: %v", err)
	}
	var log sarif.Log
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	driver := log.Runs[0].Tool.Driver
	var ids []string
	for _, rule := range driver.Rules {
		ids = append(ids, rule.ID)
		if !strings.HasPrefix(rule.HelpURI, "https://") || rule.ShortDescription.Text == "" || !strings.HasPrefix(rule.FullDescription.Text, rule.ID+":") {
			t.Errorf("rule %s lacks help from the analyzer's docs: %+v", rule.ID, rule)
		}
	}
	if strings.Join(ids, ",") != "redundantiface,statecoupling,pluginexport,abidrift" {
		t.Errorf("rules %v, want one per analyzer of the suite", ids)
	}
	var got []string
	for _, res := range log.Runs[0].Results {
		loc := res.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URIBaseID != sarif.SrcRoot || strings.HasPrefix(loc.ArtifactLocation.URI, "/") {
			t.Errorf("location %+v is not relative to %%SRCROOT%%", loc.ArtifactLocation)
		}
		if loc.Region == nil || loc.Region.StartColumn < 1 || loc.Region.EndLine != 0 && loc.Region.EndLine < loc.Region.StartLine {
			t.Errorf("bad region %+v", loc.Region)
		}
		if res.PartialFingerprints[sarif.FingerprintKey] == "" {
			t.Errorf("no partial fingerprint on %+v", res)
		}
		got = append(got, loc.ArtifactLocation.URI+":"+strconv.Itoa(loc.Region.StartLine)+" "+res.RuleID)
	}
	sameKeys(t, "SARIF results", sortStrings(got), findingsWant(t, dir))
	ends := 0
	for _, res := range log.Runs[0].Results {
		if reg := res.Locations[0].PhysicalLocation.Region; reg != nil && reg.EndLine > 0 && reg.EndColumn > 0 {
			ends++
		}
	}
	if ends == 0 {
		t.Errorf("no result has an end, though pluginexport's findings have one")
	}
	if root := log.Runs[0].OriginalURIBaseID[sarif.SrcRoot].URI; root != "file://"+filepath.ToSlash(dir)+"/" {
		t.Errorf("%%SRCROOT%% is %q, want the module root", root)
	}
}

// TestSARIFFingerprintsSurviveLineShifts inserts lines above the findings:
// the fingerprints, which code scanning uses to track alerts, must not move.
func TestSARIFFingerprintsSurviveLineShifts(t *testing.T) {
	t.Parallel()
	dir := copyFixture(t, "baseline")
	fingerprints := func() []string {
		out := filepath.Join(t.TempDir(), "out.sarif")
		run(t, dir, nil, "-sarif", out, "./...")
		data, _ := os.ReadFile(out)
		var log sarif.Log
		if err := json.Unmarshal(data, &log); err != nil {
			t.Fatal(err)
		}
		var fps []string
		for _, r := range log.Runs[0].Results {
			fps = append(fps, r.PartialFingerprints[sarif.FingerprintKey])
		}
		return sortStrings(fps)
	}
	before := fingerprints()
	insertLine(t, filepath.Join(dir, "host", "host.go"), "import", "// an inserted comment\n\n")
	after := fingerprints()
	if len(before) != 1 || strings.Join(before, ",") != strings.Join(after, ",") {
		t.Errorf("fingerprints changed with line numbers:\n%v\n%v", before, after)
	}
}

// insertLine inserts text before the first line of file that starts with prefix.
func insertLine(t *testing.T, file, prefix, text string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	i := strings.Index(s, "\n"+prefix)
	if i < 0 {
		t.Fatalf("%s: no line starts with %q", file, prefix)
	}
	s = s[:i+1] + text + s[i+1:]
	if err := os.WriteFile(file, []byte(s), 0o666); err != nil {
		t.Fatal(err)
	}
}

func splitPosn(t *testing.T, posn string) (file, line string) {
	t.Helper()
	file, rest := splitPos(posn)
	parts := strings.Split(strings.TrimPrefix(rest, ":"), ":")
	if file == "" || len(parts) != 2 {
		t.Fatalf("posn %q is not file:line:col", posn)
	}
	return file, parts[0]
}

func sortStrings(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

package sarif

import (
	"bytes"
	"strings"
	"testing"
)

func sampleLog() *Log {
	rules := []RuleInfo{{ID: "statecoupling", Summary: "finds shared state.", Doc: "statecoupling: finds shared state.\n\nMore.", HelpURI: "https://example.com/#statecoupling"}}
	return New("go-plugin-lint", "https://example.com/", "v1.0.0", "file:///src/mod/", rules, []Finding{
		{RuleID: "statecoupling", Message: "write to m", URI: "a/h.go", Relative: true, Line: 7, Column: 2, EndLine: 7, EndCol: 9, Key: "k", Occurrence: 0},
		{RuleID: "statecoupling", Message: "write to m", URI: "a/h.go", Relative: true, Line: 9, Column: 2, Key: "k", Occurrence: 1},
		{RuleID: "suppression", Message: "unused", URI: "file:///elsewhere/x.go", Line: 3, Column: 1, Key: "u"},
	})
}

func TestNewIsValid(t *testing.T) {
	var buf bytes.Buffer
	if err := sampleLog().Write(&buf); err != nil {
		t.Fatal(err)
	}
	if err := Validate(buf.Bytes()); err != nil {
		t.Fatalf("our own log is invalid: %v\n%s", err, buf.Bytes())
	}
	out := buf.String()
	for _, want := range []string{`"ruleIndex": 1`, `"uriBaseId": "%SRCROOT%"`, `"endColumn": 9`, `"helpUri": "https://example.com/#statecoupling"`} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %s in\n%s", want, out)
		}
	}
	r := sampleLog().Runs[0].Results
	if r[0].PartialFingerprints[FingerprintKey] == r[1].PartialFingerprints[FingerprintKey] {
		t.Errorf("two occurrences of one key share a fingerprint")
	}
	if r[1].Locations[0].PhysicalLocation.Region.EndLine != 0 {
		t.Errorf("unknown end written as a region end")
	}
}

// TestValidateRejects proves the validator can fail: each mutation breaks
// one required part of the schema.
func TestValidateRejects(t *testing.T) {
	var buf bytes.Buffer
	sampleLog().Write(&buf)
	good := buf.String()
	mutations := map[string][2]string{
		"version":     {`"version": "2.1.0"`, `"version": "2.0.0"`},
		"driver name": {`"name": "go-plugin-lint"`, `"nom": "go-plugin-lint"`},
		"rule id":     {`"id": "statecoupling"`, `"ident": "statecoupling"`},
		"ruleIndex":   {`"ruleIndex": 1`, `"ruleIndex": 0`},
		"level":       {`"level": "warning"`, `"level": "severe"`},
		"startLine":   {`"startLine": 7`, `"startLine": 0`},
		"message":     {`"text": "write to m"`, `"txt": "write to m"`},
		"base slash":  {`"uri": "file:///src/mod/"`, `"uri": "file:///src/mod"`},
		"columnKind":  {`"columnKind": "unicodeCodePoints"`, `"columnKind": "bytes"`},
	}
	for name, m := range mutations {
		bad := strings.Replace(good, m[0], m[1], 1)
		if bad == good {
			t.Fatalf("%s: mutation did not apply", name)
		}
		if err := Validate([]byte(bad)); err == nil {
			t.Errorf("%s: invalid log accepted", name)
		}
	}
	if Validate([]byte("{")) == nil {
		t.Error("broken JSON accepted")
	}
}

package findingbase

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func sample() *Baseline {
	b := New()
	b.Add(Key{"host/main.go", "pluginexport", "func main", "error of plugin.Open ignored"})
	b.Add(Key{"a/h.go", "statecoupling", "func (*H) ServeHTTP", "write to m"})
	b.Add(Key{"a/h.go", "statecoupling", "func (*H) ServeHTTP", "write to m"})
	return b
}

func TestRoundTripAndDeterminism(t *testing.T) {
	data := sample().Marshal()
	if again := sample().Marshal(); !bytes.Equal(data, again) {
		t.Fatalf("Marshal is not deterministic:\n%s\n%s", data, again)
	}
	if i, j := bytes.Index(data, []byte("a/h.go")), bytes.Index(data, []byte("host/main.go")); i < 0 || j < 0 || i > j {
		t.Errorf("entries not sorted by file:\n%s", data)
	}
	if !bytes.Contains(data, []byte(`"version": 1`)) || !bytes.Contains(data, []byte(`"count": 2`)) {
		t.Errorf("missing version or count:\n%s", data)
	}
	b, err := Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Marshal(), data) {
		t.Errorf("round trip changed the file")
	}
	if b.Len() != 3 {
		t.Errorf("Len = %d, want 3", b.Len())
	}
}

func TestTakeIsAMultiset(t *testing.T) {
	b := sample()
	k := Key{"a/h.go", "statecoupling", "func (*H) ServeHTTP", "write to m"}
	if !b.Take(k) || !b.Take(k) {
		t.Fatal("the two recorded occurrences were not accepted")
	}
	if b.Take(k) {
		t.Error("a third identical finding in the same declaration was accepted")
	}
	if b.Take(Key{"a/h.go", "statecoupling", "func (*H) Other", "write to m"}) {
		t.Error("a finding in another declaration was accepted")
	}
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	tests := map[string]string{
		"garbage":   "not json",
		"truncated": `{"version": 1, "findings": [`,
		"newer":     `{"version": 2, "findings": []}`,
		"noversion": `{"findings": []}`,
		"zero":      `{"version": 0}`,
		"unknown":   `{"version": 1, "findings": [], "extra": true}`,
		"badentry":  `{"version": 1, "findings": [{"file": "f", "analyzer": "", "decl": "", "message": "m", "count": 1}]}`,
		"badcount":  `{"version": 1, "findings": [{"file": "f", "analyzer": "a", "decl": "", "message": "m", "count": 0}]}`,
		"dup":       `{"version": 1, "findings": [{"file": "f", "analyzer": "a", "decl": "", "message": "m", "count": 1}, {"file": "f", "analyzer": "a", "decl": "", "message": "m", "count": 1}]}`,
		"trailing":  `{"version": 1, "findings": []} {}`,
		"array":     `[1,2]`,
	}
	for name, content := range tests {
		path := filepath.Join(dir, name+".json")
		if err := os.WriteFile(path, []byte(content), 0o666); err != nil {
			t.Fatal(err)
		}
		_, err := Read(path)
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		if msg := err.Error(); strings.Contains(msg, "\n") || !strings.Contains(msg, path) {
			t.Errorf("%s: error %q is not one line naming the file", name, msg)
		}
	}
	if _, err := Read(filepath.Join(dir, "missing.json")); err == nil || !strings.Contains(err.Error(), "missing.json") {
		t.Errorf("missing file: %v", err)
	}
}

// FuzzUnmarshal checks that no input panics, that errors are one line, and
// that whatever is accepted marshals back to a file that reads the same.
func FuzzUnmarshal(f *testing.F) {
	f.Add(sample().Marshal())
	f.Add([]byte(`{"version": 1, "findings": null}`))
	f.Add([]byte(`{"version": 9}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := Unmarshal(data)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("multi-line error %q", err)
			}
			return
		}
		out := b.Marshal()
		b2, err := Unmarshal(out)
		if err != nil {
			t.Fatalf("re-reading our own output: %v\n%s", err, out)
		}
		if !bytes.Equal(b2.Marshal(), out) {
			t.Fatalf("not stable:\n%s", out)
		}
	})
}

package abicheck

import (
	"bytes"
	"debug/buildinfo"
	"debug/elf"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// miniPlugin assembles testdata/mini/mini.s into a tiny shared object
// shaped like a Go plugin and returns its bytes.
func miniPlugin(t testing.TB) []byte {
	t.Helper()
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("gcc is not installed: cannot assemble testdata/mini/mini.s")
	}
	out := filepath.Join(t.TempDir(), "mini.so")
	if b, err := exec.Command("gcc", "-shared", "-nostdlib", "-o", out, filepath.Join("testdata", "mini", "mini.s")).CombinedOutput(); err != nil {
		t.Skipf("cannot assemble testdata/mini/mini.s on this machine: %v\n%s", err, b)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestReaderFindsFingerprintsAndOrder checks the reader on a file whose
// fingerprints and table order are known: the order must follow the
// relocations (b before a), not symbol or name order.
func TestReaderFindsFingerprintsAndOrder(t *testing.T) {
	data := miniPlugin(t)
	a, err := parse(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if a.Kind != Plugin {
		t.Errorf("kind = %d, want Plugin", a.Kind)
	}
	if got := strings.Join(a.Order, " "); got != "example.com/b example.com/a" {
		t.Errorf("order = %q, want the table's order example.com/b example.com/a", got)
	}
	if got, want := a.Hashes["example.com/a"], "\x01\x02\x03\x04\x05\x06\x07\x08"; got != want {
		t.Errorf("fingerprint of example.com/a = %x, want %x", got, want)
	}
	if got, want := a.Hashes["example.com/b"], "\x11\x12\x13\x14\x15\x16\x17\x18"; got != want {
		t.Errorf("fingerprint of example.com/b = %x, want %x", got, want)
	}
}

// TestReaderSurvivesTruncation feeds prefixes of a real artifact to the
// reader: a prefix without the ELF magic is "not ELF" (what dlopen calls
// "file too short" or "invalid ELF header"); every longer prefix must give
// a one-line error, never a panic and never a partial result.
func TestReaderSurvivesTruncation(t *testing.T) {
	data := miniPlugin(t)
	for n := 0; n < len(data); n += 3 {
		a, err := parse(bytes.NewReader(data[:n]), int64(n))
		switch {
		case n < 4 && (err != nil || a.Kind != NotELF):
			t.Fatalf("prefix %d: got %v, %v; want a NotELF artifact", n, a, err)
		case n >= 4 && err == nil:
			t.Fatalf("prefix %d of %d bytes read without error as kind %d", n, len(data), a.Kind)
		case err != nil && strings.Contains(err.Error(), "\n"):
			t.Fatalf("prefix %d: error is not one line: %q", n, err)
		}
	}
}

func TestReadBadInput(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ path, want string }{
		{filepath.Join(dir, "missing.so"), "missing.so: no such file or directory"},
		{dir, "not a regular file"},
	} {
		_, err := Read(tc.path)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Read(%s) = %v, want an error containing %q", tc.path, err, tc.want)
		}
	}
}

// TestCheckHostRejects covers hosts that cannot run plugin.Open at all.
func TestCheckHostRejects(t *testing.T) {
	data := miniPlugin(t)
	mini, err := parse(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	mini.Path = "mini.so"
	text := &Artifact{Path: "notes.txt", Kind: NotELF}
	for _, tc := range []struct {
		host *Artifact
		want string
	}{
		{mini, "mini.so: host is a shared object, not an executable"},
		{text, "notes.txt: not an ELF file"},
		{&Artifact{Path: "cprog", Kind: Executable}, "cprog: host is not a Go executable"},
		{&Artifact{Path: "tool", Kind: Executable, Build: &buildinfo.BuildInfo{Settings: []debug.BuildSetting{{Key: "CGO_ENABLED", Value: "1"}}}},
			"tool: host does not link package plugin"},
	} {
		_, err := Predict(tc.host, []*Artifact{mini})
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("Predict with host %s: %v, want %q", tc.host.Path, err, tc.want)
		}
	}
}

// FuzzParse: truncated and corrupt ELF input gives an error, never a panic.
func FuzzParse(f *testing.F) {
	mini := miniPlugin(f)
	f.Add(mini)
	f.Add(mini[:len(mini)/2])
	f.Add([]byte{})
	f.Add([]byte("\x7fELF"))
	f.Add([]byte("\x7fELF\x02\x01\x01\x00" + strings.Repeat("\x00", 56)))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := parse(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("error is not one line: %q", err)
			}
			return
		}
		for pkg, h := range a.Hashes {
			if len(h) != fingerprintSize {
				t.Fatalf("fingerprint of %s has %d bytes", pkg, len(h))
			}
		}
	})
}

// TestForeignFilesAreBadInput: abicheck says clearly that it reads ELF
// only, instead of predicting a Linux loader message for a Mach-O or PE
// file, and refuses to guess glibc's wording for another machine.
func TestForeignFilesAreBadInput(t *testing.T) {
	data := miniPlugin(t)
	mini, err := parse(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	mini.Path = "mini.so"
	host := &Artifact{Path: "host", Kind: Executable, elf: &elfInfo{machine: mini.elf.machine, class: mini.elf.class},
		Hashes: map[string]string{"example.com/a": "x"}, Build: &buildinfo.BuildInfo{GoVersion: "go1.26.0"}}
	macho := []byte("\xcf\xfa\xed\xfe\x07\x00\x00\x01 rest of a Mach-O header")
	pe := []byte("MZ\x90\x00 rest of a PE file")
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"plugin.dylib", macho, "plugin.dylib: a Mach-O file: abicheck reads Linux ELF files only"},
		{"plugin.dll", pe, "plugin.dll: a PE file: abicheck reads Linux ELF files only"},
	} {
		a, err := parse(bytes.NewReader(tc.data), int64(len(tc.data)))
		if err != nil {
			t.Fatal(err)
		}
		a.Path = tc.name
		if _, err := Predict(host, []*Artifact{a}); err == nil || err.Error() != tc.want {
			t.Errorf("plugin %s: %v, want %q", tc.name, err, tc.want)
		}
		if err := CheckHost(a); err == nil || err.Error() != tc.want {
			t.Errorf("host %s: %v, want %q", tc.name, err, tc.want)
		}
	}
	other := *host
	other.elf = &elfInfo{machine: elf.EM_S390, class: mini.elf.class}
	if _, err := Predict(&other, []*Artifact{mini}); err == nil || !strings.Contains(err.Error(), "but the host is EM_S390") {
		t.Errorf("plugin for another machine: %v", err)
	}
}

// Package exampletest keeps the README's first command honest: it builds
// the real go-plugin-lint binary, runs it over the examples module the way
// the README tells a newcomer to, and compares the output with
// examples/expected.txt. Run with -update to rewrite the expected output
// after a deliberate change, and review the diff.
package exampletest

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite examples/expected.txt")

func TestExamples(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "go-plugin-lint")
	build := exec.Command("go", "build", "-o", bin, "./cmd/go-plugin-lint")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	examples := filepath.Join(root, "examples")
	cmd := exec.Command(bin, "./...")
	cmd.Dir = examples
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 3 {
		t.Fatalf("go-plugin-lint ./... in examples: %v (want exit status 3: findings)\nstderr:\n%s", err, stderr.String())
	}
	if stderr.Len() > 0 {
		t.Errorf("unexpected stderr:\n%s", stderr.String())
	}
	got := strings.ReplaceAll(stdout.String(), examples+string(filepath.Separator), "")

	golden := filepath.Join(examples, "expected.txt")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("output differs from examples/expected.txt (rerun with -update after checking):\n--- got\n%s--- want\n%s", got, want)
	}
	// Every marked defect must be found: a DEFECT comment on line N or N-1
	// of a file names what the finding on the next code line is about.
	for _, defect := range defectLines(t, examples) {
		if !strings.Contains(got, defect) {
			t.Errorf("no finding near the defect marked at %s", defect)
		}
	}
}

// defectLines returns "file:line:" prefixes (relative to dir) of the first
// code line after each "DEFECT:" comment block, where a finding must be.
func defectLines(t *testing.T, dir string) []string {
	var out []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		lines := strings.Split(string(data), "\n")
		for i := 0; i < len(lines); i++ {
			if !strings.Contains(lines[i], "DEFECT:") {
				continue
			}
			j := i + 1
			for j < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[j]), "//") {
				j++
			}
			out = append(out, filepath.ToSlash(rel)+":"+strconv.Itoa(j+1)+":")
			i = j
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

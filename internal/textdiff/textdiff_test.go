package textdiff

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestUnified(t *testing.T) {
	before := "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n"
	after := "a\nb\nc\nd\nE\nf\ng\nh\ni\nj\nk\n"
	want := `--- x.go
+++ x.go
@@ -2,9 +2,10 @@
 b
 c
 d
-e
+E
 f
 g
 h
 i
 j
+k
`
	if got := Unified("x.go", "x.go", before, after); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got := Unified("x", "x", before, before); got != "" {
		t.Errorf("equal texts gave a diff:\n%s", got)
	}
}

// apply applies a unified diff made by Unified to before: it proves the
// hunks' line numbers and contents are right for any input.
func apply(t *testing.T, before, diff string) string {
	t.Helper()
	if diff == "" {
		return before
	}
	src := splitLines(before)
	lines := strings.SplitAfter(diff, "\n")
	var out []string
	next := 0 // index in src of the next line to copy
	for i := 2; i < len(lines) && lines[i] != ""; {
		var oldStart, oldN, newStart, newN int
		h := lines[i]
		if _, err := sscanHunk(h, &oldStart, &oldN, &newStart, &newN); err != nil {
			t.Fatalf("bad hunk header %q: %v", h, err)
		}
		first := oldStart - 1
		if oldN == 0 {
			first = oldStart
		}
		out = append(out, src[next:first]...)
		next = first
		i++
		for i < len(lines) && lines[i] != "" && lines[i][0] != '@' {
			l := lines[i]
			body := l[1:]
			if i+1 < len(lines) && strings.HasPrefix(lines[i+1], `\ No newline`) {
				body = strings.TrimSuffix(body, "\n")
				i++
			}
			switch l[0] {
			case ' ':
				if src[next] != body {
					t.Fatalf("context %q does not match %q", body, src[next])
				}
				out = append(out, body)
				next++
			case '-':
				if src[next] != body {
					t.Fatalf("deletion %q does not match %q", body, src[next])
				}
				next++
			case '+':
				out = append(out, body)
			}
			i++
		}
	}
	out = append(out, src[next:]...)
	return strings.Join(out, "")
}

func sscanHunk(h string, oStart, oN, nStart, nN *int) (int, error) {
	h = strings.TrimSuffix(strings.TrimPrefix(h, "@@ -"), " @@\n")
	o, n, _ := strings.Cut(h, " +")
	parse := func(s string, start, count *int) {
		a, b, ok := strings.Cut(s, ",")
		*start = atoi(a)
		*count = 1
		if ok {
			*count = atoi(b)
		}
	}
	parse(o, oStart, oN)
	parse(n, nStart, nN)
	return 0, nil
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

func TestAgainstPatch(t *testing.T) {
	patch, err := exec.LookPath("patch")
	if err != nil {
		t.Skip("no patch command")
	}
	before := "package p\n\nfunc f() {\n\tx := 1\n\t_ = x\n}\n\nfunc g() {}"
	after := "package p\n\nfunc f() {\n\tx, ok := 1, true\n\t_ = x\n}\n\nfunc g() { _ = 2 }"
	dir := t.TempDir()
	file := filepath.Join(dir, "p.go")
	os.WriteFile(file, []byte(before), 0o666)
	cmd := exec.Command(patch, file)
	cmd.Stdin = strings.NewReader(Unified("p.go", "p.go", before, after))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("patch rejected the diff: %v\n%s", err, out)
	}
	got, _ := os.ReadFile(file)
	if string(got) != after {
		t.Errorf("patched file:\n%q\nwant\n%q", got, after)
	}
}

func FuzzUnified(f *testing.F) {
	f.Add("a\nb\nc\n", "a\nc\nd")
	f.Add("", "x\n")
	f.Add("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n", "0\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n13\n")
	f.Fuzz(func(t *testing.T, before, after string) {
		if len(before) > 2000 || len(after) > 2000 {
			return
		}
		d := Unified("f", "f", before, after)
		if got := apply(t, before, d); got != after {
			t.Fatalf("applying\n%s\nto %q gives %q, want %q", d, before, got, after)
		}
	})
}

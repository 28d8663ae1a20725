package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/go-plugin-lint/go-plugin-lint/internal/textdiff"
)

// applyFixes applies the first suggested fix of each finding, as the x/tools
// drivers do, or with diffOnly prints the unified diff of the result and
// changes nothing. A fix is applied whole or not at all: a fix whose edits
// overlap each other or an edit already accepted from another fix is
// skipped with a warning (identical edits, as two findings may propose, are
// applied once), and a file that changed since it was loaded is left alone.
// It returns the findings that were not fixed.
func applyFixes(findings []finding, diffOnly bool, paths *pathBase) ([]finding, error) {
	accepted := map[string][]edit{} // file → accepted edits
	fixedBy := map[int][]string{}   // finding index → files its fix touches
	for i, f := range findings {
		if len(f.fixes) == 0 {
			continue
		}
		fx := f.fixes[0]
		if why := conflict(fx.edits, accepted); why != "" {
			warn("skipping the fix %q for %s: %s", fx.message, f.posn, why)
			continue
		}
		for _, e := range fx.edits {
			if !contains(accepted[e.file], e) {
				accepted[e.file] = append(accepted[e.file], e)
			}
			fixedBy[i] = append(fixedBy[i], e.file)
		}
	}
	files := make([]string, 0, len(accepted))
	for file := range accepted {
		files = append(files, file)
	}
	sort.Strings(files)
	failed := map[string]bool{}
	for _, file := range files {
		edits := accepted[file]
		old, err := os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("fix: %v", err)
		}
		if len(old) != edits[0].size {
			warn("not fixing %s: it changed since it was loaded", file)
			failed[file] = true
			continue
		}
		updated := apply(old, edits)
		if diffOnly {
			rel, _ := paths.rel(file)
			fmt.Print(textdiff.Unified("a/"+rel, "b/"+rel, string(old), string(updated)))
			continue
		}
		if err := writeFileAtomic(file, updated); err != nil {
			return nil, fmt.Errorf("fix: %v", err)
		}
	}
	var remaining []finding
	for i, f := range findings {
		files, fixed := fixedBy[i]
		for _, file := range files {
			fixed = fixed && !failed[file]
		}
		if !fixed {
			remaining = append(remaining, f)
		}
	}
	return remaining, nil
}

// conflict says why the edits of one fix cannot be applied together with
// the accepted ones, or returns "".
func conflict(edits []edit, accepted map[string][]edit) string {
	for i, e := range edits {
		if e.file == "" || e.start < 0 || e.end < e.start || e.end > e.size {
			return "it has an invalid edit"
		}
		for _, o := range edits[:i] {
			if o.file == e.file && overlap(o, e) {
				return "its own edits overlap"
			}
		}
		for _, o := range accepted[e.file] {
			if o != e && overlap(o, e) {
				return "it conflicts with the fix of another finding"
			}
		}
	}
	return ""
}

// overlap reports whether two edits touch the same bytes, or insert
// different text at the same place (whose order would be arbitrary).
func overlap(a, b edit) bool {
	if a.start == a.end && b.start == b.end {
		return a.start == b.start && a.new != b.new
	}
	return a.start < b.end && b.start < a.end || a.start == a.end && b.start < a.start && a.start < b.end || b.start == b.end && a.start < b.start && b.start < a.end
}

func contains(list []edit, e edit) bool {
	for _, o := range list {
		if o == e {
			return true
		}
	}
	return false
}

// apply returns src with the non-overlapping edits applied.
func apply(src []byte, edits []edit) []byte {
	sorted := append([]edit(nil), edits...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if sorted[i].start != sorted[j].start {
			return sorted[i].start < sorted[j].start
		}
		return sorted[i].end < sorted[j].end
	})
	var out []byte
	last := 0
	for _, e := range sorted {
		out = append(out, src[last:e.start]...)
		out = append(out, e.new...)
		last = e.end
	}
	return append(out, src[last:]...)
}

// writeFileAtomic replaces file by renaming a complete temporary file over
// it, keeping its permissions, so that an interrupted run never leaves a
// half-written source file.
func writeFileAtomic(file string, data []byte) error {
	info, err := os.Stat(file)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), "."+filepath.Base(file)+".fix*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), info.Mode().Perm()); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), file)
}

// warn prints a one-line warning on stderr.
func warn(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "%s: warning: %s\n", progname, fmt.Sprintf(format, args...))
}

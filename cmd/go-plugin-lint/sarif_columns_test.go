package main

import (
	"go/token"
	"os"
	"path/filepath"
	"testing"
)

// TestColumns: SARIF columns count code points on the finding's line,
// found by its number, so that a position in cgo's rewrite of a file (its
// offset in the rewrite, its line in the user's file) converts right.
func TestColumns(t *testing.T) {
	file := filepath.Join(t.TempDir(), "p.go")
	os.WriteFile(file, []byte("package p\n\nvar s = \"héllo\" + x\n"), 0o644)
	c := &columns{files: map[string][]byte{}}
	for _, tc := range []struct {
		posn token.Position
		want int
	}{
		{token.Position{Filename: file, Line: 3, Column: 20, Offset: 30}, 19},   // x, after the two-byte é
		{token.Position{Filename: file, Line: 3, Column: 20, Offset: 9999}, 19}, // an offset from elsewhere
		{token.Position{Filename: file, Line: 3, Column: 5, Offset: 15}, 5},     // before the é
		{token.Position{Filename: file, Line: 9, Column: 5}, 5},                 // no such line: bytes kept
		{token.Position{Filename: file + "-missing", Line: 1, Column: 5}, 5},    // unreadable: bytes kept
	} {
		if got := c.of(tc.posn); got != tc.want {
			t.Errorf("%v: column %d, want %d", tc.posn, got, tc.want)
		}
	}
}

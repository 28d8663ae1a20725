package main

import (
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/packages"
)

// pathBase makes file names relative: to the main module's root for
// baseline keys and SARIF URIs (so they do not depend on the directory the
// command runs from, nor on where the repository is checked out), and to
// the working directory for text output (as the go command prints them).
type pathBase struct {
	root string // module root, or the working directory
	cwd  string
}

func newPathBase(pkgs []*packages.Package) *pathBase {
	cwd, _ := os.Getwd()
	p := &pathBase{root: cwd, cwd: cwd}
	dirs := map[string]bool{}
	for _, pkg := range pkgs {
		if m := pkg.Module; m != nil && m.Main && m.Dir != "" {
			dirs[m.Dir] = true
		}
	}
	// With one main module its root is the base; in a workspace of several
	// modules, the working directory (typically the workspace root) is.
	if len(dirs) == 1 {
		for d := range dirs {
			p.root = d
		}
	}
	return p
}

// rel returns file relative to the root with forward slashes, and whether
// it is under the root; otherwise the absolute path with forward slashes.
func (p *pathBase) rel(file string) (string, bool) {
	if file == "" {
		return "", false
	}
	if r, ok := under(p.root, file); ok {
		return r, true
	}
	return filepath.ToSlash(file), false
}

// display returns file relative to the working directory when under it.
func (p *pathBase) display(file string) string {
	if r, ok := under(p.cwd, file); ok {
		return filepath.FromSlash(r)
	}
	return file
}

func under(dir, file string) (string, bool) {
	if dir == "" || !filepath.IsAbs(file) {
		return "", false
	}
	r, err := filepath.Rel(dir, file)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(r), true
}

package main

import (
	"fmt"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/go-plugin-lint/go-plugin-lint/analyzers/abidrift/baseline"
	"github.com/go-plugin-lint/go-plugin-lint/internal/abicheck"
)

// addBaselineChanges says, for each package a prediction names, which of
// its declarations changed between the abidrift baseline in file and the
// package's source in the current directory.
//
// The binaries hold fingerprints, not declarations, so the current side
// must come from source: the usual workflow snapshots the shared packages
// when the host is released ("go-plugin-lint snapshot") and checks plugins
// built later from the working tree, which is what is loaded here.
// Packages the baseline does not record are left alone.
func addBaselineChanges(file string, results []abicheck.Result) error {
	b, err := baseline.Read(file)
	if err != nil {
		return err
	}
	var paths []string
	seen := map[string]bool{}
	for _, r := range results {
		if r.Package != "" && !seen[r.Package] && b.Package(r.Package) != nil {
			seen[r.Package] = true
			paths = append(paths, r.Package)
		}
	}
	if len(paths) == 0 {
		return nil
	}
	sort.Strings(paths)
	cfg := &packages.Config{
		// The packages' types from source, their dependencies' from
		// export data, as the snapshot command records them.
		Mode: packages.NeedName | packages.NeedTypes | packages.NeedSyntax,
	}
	pkgs, err := packages.Load(cfg, paths...)
	if err != nil {
		return fmt.Errorf("loading %s to compare with the baseline: %v", strings.Join(paths, " "), err)
	}
	changes := map[string][]string{}
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			return fmt.Errorf("loading %s to compare with the baseline: %v", p.PkgPath, p.Errors[0])
		}
		old := b.Package(p.PkgPath)
		if old == nil || p.Types == nil {
			continue
		}
		diff, err := baseline.Diff(old, p.Types, baseline.ImportedBy(p.Types), b.Targets)
		if err != nil {
			return err
		}
		list := []string{}
		for _, c := range diff {
			list = append(list, describeChange(c))
		}
		if len(list) == 0 {
			list = append(list, "no recorded declaration changed (the drift is in unexported code, bodies or positions)")
		}
		changes[p.PkgPath] = list
	}
	for i := range results {
		results[i].Changes = changes[results[i].Package]
	}
	return nil
}

// describeChange names the object and says what changed, in one phrase.
func describeChange(c baseline.Change) string {
	obj := c.Object
	if c.Pointer {
		obj = "(*" + obj + ")"
	}
	if c.Member != "" {
		obj += "." + c.Member
	}
	return fmt.Sprintf("%s: %s (%s)", obj, c.What, c.Class)
}

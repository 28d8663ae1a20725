package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
)

// emit prints findings in the format the options ask for.
func emit(w io.Writer, findings []finding, opts *lintOptions) error {
	if opts.json {
		return writeJSON(w, findings)
	}
	return writeText(w, findings)
}

// writeText prints "file:line:col: message (analyzer)", one per line.
func writeText(w io.Writer, findings []finding) error {
	for _, f := range findings {
		if _, err := fmt.Fprintf(w, "%s: %s (%s)\n", f.posn, f.message, f.analyzer); err != nil {
			return err
		}
	}
	return nil
}

// jsonDiagnostic is the x/tools checker's JSON shape of one diagnostic.
type jsonDiagnostic struct {
	Category string `json:"category,omitempty"`
	Posn     string `json:"posn"`
	End      string `json:"end,omitempty"`
	Message  string `json:"message"`
}

// writeJSON prints {package: {analyzer: [diagnostic...]}}, with run-wide
// findings under the package that holds their position's file... or, when
// unknown, under the pseudo-package "run-wide".
func writeJSON(w io.Writer, findings []finding) error {
	tree := map[string]map[string][]jsonDiagnostic{}
	for _, f := range findings {
		pkg := f.pkgID
		if pkg == "" {
			pkg = "run-wide"
		}
		if tree[pkg] == nil {
			tree[pkg] = map[string][]jsonDiagnostic{}
		}
		d := jsonDiagnostic{Category: f.category, Posn: f.posn.String(), Message: f.message}
		if f.end.IsValid() {
			d.End = f.end.String()
		}
		tree[pkg][f.analyzer] = append(tree[pkg][f.analyzer], d)
	}
	// encoding/json sorts map keys, so the output is deterministic.
	_ = sort.Strings
	enc := json.NewEncoder(w)
	enc.SetIndent("", "\t")
	return enc.Encode(tree)
}

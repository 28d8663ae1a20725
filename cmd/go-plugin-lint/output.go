package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
)

// emit prints findings in the format the options ask for.
func emit(w io.Writer, findings []finding, errs []actionError, opts *lintOptions, paths *pathBase) error {
	if opts.json {
		return writeJSON(w, findings, errs)
	}
	return writeText(w, findings, paths)
}

// writeText prints "file:line:col: message (analyzer)", one per line, with
// file names relative to the working directory when under it.
func writeText(w io.Writer, findings []finding, paths *pathBase) error {
	for _, f := range findings {
		posn := f.posn
		posn.Filename = paths.display(posn.Filename)
		if _, err := fmt.Fprintf(w, "%s: %s (%s)\n", posn, f.message, f.analyzer); err != nil {
			return err
		}
	}
	return nil
}

// The JSON shapes of the x/tools checker (-json), so that tools reading
// `go vet -json` or checker output read ours.
type (
	jsonDiagnostic struct {
		Category       string        `json:"category,omitempty"`
		Posn           string        `json:"posn"`
		End            string        `json:"end"`
		Message        string        `json:"message"`
		SuggestedFixes []jsonFix     `json:"suggested_fixes,omitempty"`
		Related        []jsonRelated `json:"related,omitempty"`
	}
	jsonFix struct {
		Message string     `json:"message"`
		Edits   []jsonEdit `json:"edits"`
	}
	jsonEdit struct {
		Filename string `json:"filename"`
		Start    int    `json:"start"`
		End      int    `json:"end"`
		New      string `json:"new"`
	}
	jsonRelated struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	}
	jsonError struct {
		Err string `json:"error"`
	}
)

// writeJSON prints {packageID: {analyzer: [diagnostic...] or {"error": ...}}}.
// Run-wide findings sit under the root package holding their file.
func writeJSON(w io.Writer, findings []finding, errs []actionError) error {
	tree := map[string]map[string]any{}
	add := func(pkg string) map[string]any {
		if tree[pkg] == nil {
			tree[pkg] = map[string]any{}
		}
		return tree[pkg]
	}
	for _, e := range errs {
		add(e.pkgID)[e.analyzer] = jsonError{e.message}
	}
	for _, f := range findings {
		m := add(f.pkgID)
		list, _ := m[f.analyzer].([]jsonDiagnostic)
		m[f.analyzer] = append(list, toJSON(f))
	}
	// encoding/json sorts map keys and findings come sorted: deterministic.
	data, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

func toJSON(f finding) jsonDiagnostic {
	d := jsonDiagnostic{
		Category: f.category,
		Posn:     f.posn.String(),
		End:      cmp.Or(f.end, f.posn).String(),
		Message:  f.message,
	}
	for _, fx := range f.fixes {
		jf := jsonFix{Message: fx.message, Edits: []jsonEdit{}}
		for _, e := range fx.edits {
			jf.Edits = append(jf.Edits, jsonEdit{e.file, e.start, e.end, e.new})
		}
		d.SuggestedFixes = append(d.SuggestedFixes, jf)
	}
	for _, r := range f.related {
		d.Related = append(d.Related, jsonRelated{r.posn.String(), r.end.String(), r.message})
	}
	return d
}

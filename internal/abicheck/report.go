package abicheck

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// WriteText writes one line per plugin, "PLUGIN: loads" or "PLUGIN: ERROR",
// with an indented "cause:" line under each failure, and a "changed since
// the baseline:" line when baseline changes are known.
func WriteText(w io.Writer, results []Result) error {
	for _, r := range results {
		var err error
		if r.Outcome == Loads {
			_, err = fmt.Fprintf(w, "%s: loads\n", r.Plugin)
		} else {
			_, err = fmt.Fprintf(w, "%s: %s\n", r.Plugin, r.Error)
			if err == nil && r.Cause != "" {
				_, err = fmt.Fprintf(w, "\tcause: %s\n", r.Cause)
			}
			if err == nil && len(r.Changes) > 0 {
				_, err = fmt.Fprintf(w, "\tchanged since the baseline: %s\n", strings.Join(r.Changes, "; "))
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// Report is the -json output.
type Report struct {
	Host    string   `json:"host"`
	Loads   bool     `json:"loads"` // every plugin loads
	Plugins []Result `json:"plugins"`
}

// WriteJSON writes the results as one indented JSON document.
func WriteJSON(w io.Writer, host string, results []Result) error {
	rep := Report{Host: host, Loads: AllLoad(results), Plugins: results}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // causes contain "=>"
	return enc.Encode(rep)
}

// AllLoad reports whether every plugin is predicted to load.
func AllLoad(results []Result) bool {
	for _, r := range results {
		if r.Outcome != Loads {
			return false
		}
	}
	return true
}

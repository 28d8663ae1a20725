package main

import (
	"bytes"
	"go/token"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/go-plugin-lint/go-plugin-lint/analyzers"
	"github.com/go-plugin-lint/go-plugin-lint/internal/docs"
	"github.com/go-plugin-lint/go-plugin-lint/internal/sarif"
)

const informationURI = "https://github.com/go-plugin-lint/go-plugin-lint"

// writeSARIF writes the findings as a SARIF 2.1.0 log to path, with a rule
// per analyzer that ran (and one for suppression directives when reported).
func writeSARIF(path string, findings []finding, members []analyzers.Member, paths *pathBase) error {
	var rules []sarif.RuleInfo
	for _, m := range members {
		a := m.Analyzer
		rules = append(rules, sarif.RuleInfo{ID: a.Name, Summary: docs.Summary(a.Doc), Doc: a.Doc, HelpURI: a.URL})
	}
	for _, f := range findings {
		if f.analyzer == directiveAnalyzer {
			rules = append(rules, sarif.RuleInfo{
				ID:      directiveAnalyzer,
				Summary: "a //nolint or //lint:ignore directive is malformed or suppresses nothing.",
				Doc:     "suppression: reports //lint:ignore directives without a reason, which suppress nothing, and, with -report-unused-suppressions, directives that suppressed no finding.",
				HelpURI: docs.URL("suppression"),
			})
			break
		}
	}
	cols := &columns{files: map[string][]byte{}}
	occurrences := map[string]int{}
	var results []sarif.Finding
	for _, f := range findings {
		rel, relative := paths.rel(f.posn.Filename)
		uri := rel
		if relative {
			uri = (&url.URL{Path: rel}).EscapedPath()
		} else if rel != "" {
			uri = fileURI(rel)
		}
		key := strings.Join([]string{rel, f.analyzer, f.decl, f.message}, "\x00")
		r := sarif.Finding{
			RuleID:     f.analyzer,
			Message:    f.message,
			URI:        uri,
			Relative:   relative,
			Line:       f.posn.Line,
			Column:     cols.of(f.posn),
			Key:        key,
			Occurrence: occurrences[key],
		}
		occurrences[key]++
		if f.end.IsValid() && f.end.Filename == f.posn.Filename {
			r.EndLine, r.EndCol = f.end.Line, cols.of(f.end)
		}
		results = append(results, r)
	}
	log := sarif.New(progname, informationURI, moduleVersion(), fileURI(filepath.ToSlash(paths.root)+"/"), rules, results)
	var buf bytes.Buffer
	if err := log.Write(&buf); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o666)
}

func fileURI(slashPath string) string {
	if !strings.HasPrefix(slashPath, "/") {
		slashPath = "/" + slashPath // a Windows drive path
	}
	return (&url.URL{Scheme: "file", Path: slashPath}).String()
}

// columns converts Go's byte columns to the Unicode code point columns that
// the log declares (columnKind). It finds the line by its number, not by
// the position's offset: in a file cmd/cgo rewrote, the offset is in the
// rewrite, while the file name and line are the user's.
type columns struct {
	files map[string][]byte
}

func (c *columns) of(p token.Position) int {
	if p.Column <= 1 || p.Filename == "" || p.Line < 1 {
		return p.Column
	}
	src, ok := c.files[p.Filename]
	if !ok {
		src, _ = os.ReadFile(p.Filename) // unreadable: keep byte columns
		c.files[p.Filename] = src
	}
	line := src
	for range p.Line - 1 {
		i := bytes.IndexByte(line, '\n')
		if i < 0 {
			return p.Column
		}
		line = line[i+1:]
	}
	if end := bytes.IndexByte(line, '\n'); end >= 0 {
		line = line[:end]
	}
	if p.Column-1 > len(line) {
		return p.Column
	}
	return utf8.RuneCount(line[:p.Column-1]) + 1
}

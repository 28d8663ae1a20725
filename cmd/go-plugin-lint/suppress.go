package main

import (
	"go/token"

	"github.com/go-plugin-lint/go-plugin-lint/analyzers"
	"github.com/go-plugin-lint/go-plugin-lint/internal/suppress"
)

// directiveAnalyzer attributes findings about suppression directives
// (malformed, unused), so they can be filtered and baselined like others.
const directiveAnalyzer = "suppression"

// suppressFindings drops findings suppressed by //nolint or //lint:ignore
// on their line or the line above, and adds findings for directives that
// are malformed (always where they would have suppressed something) or
// unused (with reportUnused). Directives are read from the comments the
// loader already parsed, and only in files holding findings, unless
// reportUnused asks for every root file.
func suppressFindings(fset *token.FileSet, c *collected, in []finding, members []analyzers.Member, reportUnused bool) []finding {
	ix := suppress.NewIndex()
	if reportUnused {
		// Map order does not matter: the index sorts what it reports.
		for _, f := range c.files {
			if !isGenerated(fset, f) {
				ix.AddFile(fset, f)
			}
		}
	}
	known := map[string]bool{}
	for _, m := range members {
		known[m.Analyzer.Name] = true
	}
	out := in[:0]
	for _, f := range in {
		if name := f.posn.Filename; !ix.HasFile(name) {
			if af := c.files[name]; af != nil {
				ix.AddFile(fset, af)
			}
		}
		if !ix.Suppressed(f.posn.Filename, f.posn.Line, f.analyzer) {
			out = append(out, f)
		}
	}
	problems := ix.Malformed(known, reportUnused)
	if reportUnused {
		problems = append(problems, ix.Unused(known)...)
	}
	for _, p := range problems {
		out = append(out, finding{
			analyzer: directiveAnalyzer,
			pkgID:    c.packageOf(p.Pos.Filename),
			posn:     p.Pos,
			end:      p.End,
			message:  p.Message,
			decl:     c.enclosingDecl(fset, p.Pos),
		})
	}
	return out
}

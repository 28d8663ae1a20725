package suppress

import (
	"cmp"
	"go/ast"
	"go/token"
	"slices"
	"strings"

	"github.com/go-plugin-lint/go-plugin-lint/internal/fileclass"
)

// Entry is a directive found in a file.
type Entry struct {
	Directive
	Pos token.Position // where the comment starts
	End token.Position // where it ends

	used map[string]bool // analyzers whose findings it suppressed
	hit  bool            // a malformed directive that stood where it would have suppressed
}

// Index holds the directives of the files added to it, by file and line.
type Index struct {
	byLine map[string]map[int][]*Entry
	files  map[string]bool
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{byLine: map[string]map[int][]*Entry{}, files: map[string]bool{}}
}

// HasFile reports whether the file called name was added.
func (ix *Index) HasFile(name string) bool { return ix.files[name] }

// AddFile records the directives among the comments of f, which the parser
// has already collected: no file is read or parsed again. Adding the same
// file twice (a package and its test variant share files) is a no-op.
func (ix *Index) AddFile(fset *token.FileSet, f *ast.File) {
	name := fileclass.Name(fset, f) // the user's file, for cgo's rewrite of it
	if ix.files[name] {
		return
	}
	ix.files[name] = true
	for _, group := range f.Comments {
		for _, c := range group.List {
			if !strings.HasPrefix(c.Text, "//n") && !strings.HasPrefix(c.Text, "//l") {
				continue // the cheap test first: most comments are prose
			}
			d, ok := Parse(c.Text)
			if !ok {
				continue
			}
			e := &Entry{Directive: d, Pos: fset.Position(c.Slash), End: fset.Position(c.End())}
			lines := ix.byLine[name]
			if lines == nil {
				lines = map[int][]*Entry{}
				ix.byLine[name] = lines
			}
			lines[e.Pos.Line] = append(lines[e.Pos.Line], e)
		}
	}
}

// Suppressed reports whether a finding of analyzer on line of file is
// suppressed by a directive on that line or on the line above, and records
// the use. A malformed directive there does not suppress; it is marked to
// be reported by Malformed.
func (ix *Index) Suppressed(file string, line int, analyzer string) bool {
	lines := ix.byLine[file]
	if lines == nil {
		return false
	}
	suppressed := false
	for _, l := range [2]int{line, line - 1} {
		for _, e := range lines[l] {
			if !e.Covers(analyzer) {
				continue
			}
			if e.Malformed != "" {
				e.hit = true
				continue
			}
			if e.used == nil {
				e.used = map[string]bool{}
			}
			e.used[analyzer] = true
			suppressed = true
		}
	}
	return suppressed
}

// A Problem is a directive to report: malformed, or unused.
type Problem struct {
	Pos, End token.Position
	Message  string
}

// Malformed returns the malformed directives that name an analyzer of
// known (or all analyzers) and either stood where they would have
// suppressed a finding, or, with all set, anywhere in the added files.
// Directives naming only other tools' checks are theirs to judge.
func (ix *Index) Malformed(known map[string]bool, all bool) []Problem {
	var out []Problem
	for _, e := range ix.entries() {
		if e.Malformed == "" || !(e.hit || all) || !e.namesAny(known) {
			continue
		}
		out = append(out, Problem{e.Pos, e.End, e.Malformed + "; it suppresses nothing"})
	}
	return out
}

// Unused returns the directives that name analyzers of ran but suppressed
// none of their findings. Directives for all analyzers (//nolint,
// //nolint:all) are never reported: they also serve golangci-lint's other
// linters, whose findings this tool cannot see.
func (ix *Index) Unused(ran map[string]bool) []Problem {
	var out []Problem
	for _, e := range ix.entries() {
		if e.All || e.Malformed != "" {
			continue
		}
		var unused []string
		for _, n := range e.Names {
			if ran[n] && !e.used[n] && !slices.Contains(unused, n) {
				unused = append(unused, n)
			}
		}
		if len(unused) == 0 {
			continue
		}
		msg := e.Kind.String() + " directive suppresses no finding of " + strings.Join(unused, ", ")
		out = append(out, Problem{e.Pos, e.End, msg})
	}
	return out
}

func (e *Entry) namesAny(known map[string]bool) bool {
	if e.All {
		return true
	}
	for _, n := range e.Names {
		if known[n] {
			return true
		}
	}
	return false
}

// entries returns every entry in file and position order, so that reports
// are deterministic.
func (ix *Index) entries() []*Entry {
	var out []*Entry
	for _, lines := range ix.byLine {
		for _, es := range lines {
			out = append(out, es...)
		}
	}
	slices.SortFunc(out, func(a, b *Entry) int {
		return cmp.Or(cmp.Compare(a.Pos.Filename, b.Pos.Filename), cmp.Compare(a.Pos.Offset, b.Pos.Offset))
	})
	return out
}

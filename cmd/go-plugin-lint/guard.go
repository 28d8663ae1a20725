package main

import (
	"fmt"
	"runtime/debug"

	"golang.org/x/tools/go/analysis"
)

// The x/tools checker runs each pass in its own goroutine and does not
// recover panics: one panicking analyzer would crash the process with a
// goroutine dump and lose every other package's findings. guard returns
// copies of the analyzers, and of all they require, whose Run turns a panic
// into the action's error "internal error in <analyzer> on <pkg>: ...",
// which the command reports on one line with exit status 1.
//
// Copies rather than mutation: the analyzers (and the shared helpers such
// as contracts.Analyzer) are package-level values also used by tests and by
// the golangci plugin. Each copy calls the original Run with a Pass whose
// Analyzer and ResultOf keys are the originals, so analyzers see exactly
// what they would see unguarded.
func guard(as []*analysis.Analyzer) []*analysis.Analyzer {
	g := &guarder{copies: map[*analysis.Analyzer]*analysis.Analyzer{}, origs: map[*analysis.Analyzer]*analysis.Analyzer{}}
	out := make([]*analysis.Analyzer, len(as))
	for i, a := range as {
		out[i] = g.copy(a)
	}
	return out
}

type guarder struct {
	copies map[*analysis.Analyzer]*analysis.Analyzer // original → copy
	origs  map[*analysis.Analyzer]*analysis.Analyzer // copy → original
}

func (g *guarder) copy(orig *analysis.Analyzer) *analysis.Analyzer {
	if c, ok := g.copies[orig]; ok {
		return c
	}
	c := &analysis.Analyzer{
		Name:             orig.Name,
		Doc:              orig.Doc,
		URL:              orig.URL,
		RunDespiteErrors: orig.RunDespiteErrors,
		ResultType:       orig.ResultType,
		FactTypes:        orig.FactTypes,
	}
	g.copies[orig] = c
	g.origs[c] = orig
	for _, r := range orig.Requires {
		c.Requires = append(c.Requires, g.copy(r))
	}
	c.Run = func(pass *analysis.Pass) (result any, err error) {
		defer func() {
			if r := recover(); r != nil {
				if traceback {
					debug.PrintStack()
				}
				err = fmt.Errorf("internal error in %s on %s: %v", orig.Name, pass.Pkg.Path(), r)
				result = nil
			}
		}()
		p := *pass
		p.Analyzer = orig
		p.ResultOf = make(map[*analysis.Analyzer]any, len(pass.ResultOf))
		for k, v := range pass.ResultOf {
			if o, ok := g.origs[k]; ok {
				k = o
			}
			p.ResultOf[k] = v
		}
		return orig.Run(&p)
	}
	return c
}

package statecoupling

import (
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/go-plugin-lint/go-plugin-lint/internal/contracts"
	"github.com/go-plugin-lint/go-plugin-lint/internal/runwide"
)

// contractMark stands for the contract's name in the messages of
// candidates, filled in by the run-wide step once the contract is known.
const contractMark = "\x00contract\x00"

// Result is the analyzer's per-package result, read by the run-wide step:
// the contracts this package's host code asserts a plugin.Symbol to, and
// the methods that would be entry points if they implemented one of them.
type Result struct {
	Asserted   []Asserted
	Candidates []Candidate
}

// Asserted is an interface asserted from a plugin.Symbol, with the names of
// its //pluginlint:once methods.
type Asserted struct {
	Contract *types.TypeName
	Once     map[string]bool
}

// Candidate is a method that the pass did not treat as an entry point, with
// the diagnostics it would lead to if it were one.
type Candidate struct {
	Recv     types.Type
	Method   string
	Findings []Finding
}

// Finding is one diagnostic of a candidate; its message holds contractMark.
type Finding struct {
	Pos     token.Pos
	Message string
}

func (r *Result) collect(a *analyzerRun, entries []*entry, reported map[token.Pos]bool) {
	for _, tn := range a.res.Asserted {
		as := Asserted{Contract: tn, Once: map[string]bool{}}
		if iface, ok := tn.Type().Underlying().(*types.Interface); ok {
			for m := range iface.Methods() {
				if a.res.IsOnce(m) {
					as.Once[m.Name()] = true
				}
			}
		}
		r.Asserted = append(r.Asserted, as)
	}
	isEntry := map[*fnInfo]bool{}
	for _, en := range entries {
		if en.fn != nil {
			isEntry[en.fn] = true
		}
	}
	for _, fn := range a.funcs {
		if fn.obj == nil || isEntry[fn] || len(a.sum[fn]) == 0 {
			continue
		}
		sig, ok := fn.obj.Type().(*types.Signature)
		if !ok || sig.Recv() == nil {
			continue
		}
		en := &entry{fn: fn, pos: fn.obj.Pos(), name: fn.name, why: contractMark}
		var fs []Finding
		for _, f := range a.findings(en) {
			if !reported[f.pos] {
				fs = append(fs, Finding{f.pos, f.msg})
			}
		}
		if len(fs) > 0 {
			r.Candidates = append(r.Candidates, Candidate{Recv: sig.Recv().Type(), Method: fn.obj.Name(), Findings: fs})
		}
	}
}

// Correlate reports the writes of methods that implement an interface a
// host asserts a plugin.Symbol to, in packages that could not know it.
func Correlate(run *runwide.Run) []analysis.Diagnostic {
	var asserted []Asserted
	seen := map[*types.TypeName]bool{}
	for _, p := range run.Packages {
		r, ok := p.Result.(*Result)
		if !ok || r == nil {
			continue
		}
		for _, as := range r.Asserted {
			if !seen[as.Contract] {
				seen[as.Contract] = true
				asserted = append(asserted, as)
			}
		}
	}
	if len(asserted) == 0 {
		return nil
	}
	sort.Slice(asserted, func(i, j int) bool { return fullName(asserted[i].Contract) < fullName(asserted[j].Contract) })
	var out []analysis.Diagnostic
	done := map[string]bool{}
	for _, p := range run.Packages {
		r, ok := p.Result.(*Result)
		if !ok || r == nil {
			continue
		}
		for _, c := range r.Candidates {
			as := implemented(asserted, c)
			if as == nil {
				continue
			}
			for _, f := range c.Findings {
				msg := strings.ReplaceAll(f.Message, contractMark, qualifiedShort(as.Contract)+", asserted from a plugin.Symbol")
				// Test variants of a package hold the same file twice.
				key := run.Fset.Position(f.Pos).String() + "\x00" + msg
				if done[key] {
					continue
				}
				done[key] = true
				out = append(out, analysis.Diagnostic{Pos: f.Pos, Category: "statecoupling", Message: msg})
			}
		}
	}
	runwide.Sort(run.Fset, out)
	return out
}

// implemented returns the first asserted contract that candidate c's
// method belongs to, or nil.
func implemented(asserted []Asserted, c Candidate) *Asserted {
	for i := range asserted {
		as := &asserted[i]
		if as.Once[c.Method] {
			continue
		}
		iface, ok := as.Contract.Type().Underlying().(*types.Interface)
		if !ok {
			continue
		}
		for m := range iface.Methods() {
			if m.Name() == c.Method && contracts.Implements(c.Recv, as.Contract) {
				return as
			}
		}
	}
	return nil
}

func fullName(tn *types.TypeName) string {
	if tn.Pkg() == nil {
		return tn.Name()
	}
	return tn.Pkg().Path() + "." + tn.Name()
}

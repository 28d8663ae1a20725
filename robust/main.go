// Command robust runs the whole go-plugin-lint suite over real code and
// fails on any crash: a panic in a pass or in a run-wide step, an
// "internal error", an analyzer error that is not explained by errors in
// the input package, a fact that does not survive encoding, or a
// diagnostic whose position is not in the package's files.
//
//	go run ./robust std                       # the standard library, with tests (under a minute, ~2 GB)
//	go run ./robust -C DIR ./...              # a module; robust/run.sh runs std and the benchmark modules
//
// It loads and analyses packages exactly as the go-plugin-lint command does
// (internal/load and internal/driver, test variants included). So that one
// run reports every crash rather than the first, robust wraps the Run
// function of every analyzer of the suite (and of the helpers they require)
// in place, in this process only, with a recover that turns a panic into
// an error carrying its stack; the same wrapper sends every exported fact
// through a gob round trip, which go vet's protocol relies on.
//
// Packages that fail to load or type-check are input errors: they are
// counted, not failures (the command reports them to its users). Exit
// status 0 when nothing crashed, 1 otherwise; the report on stdout is
// sorted, so two runs over the same input print the same lines.
package main

import (
	"bytes"
	"encoding/gob"
	"flag"
	"fmt"
	"go/token"
	"go/types"
	"os"
	"reflect"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/go-plugin-lint/go-plugin-lint/analyzers"
	"github.com/go-plugin-lint/go-plugin-lint/internal/driver"
	"github.com/go-plugin-lint/go-plugin-lint/internal/load"
	"github.com/go-plugin-lint/go-plugin-lint/internal/runwide"
)

// panicError is a recovered panic of a pass.
type panicError struct {
	value any
	stack string
}

func (e *panicError) Error() string { return fmt.Sprintf("panic: %v", e.value) }

func main() {
	code, err := run()
	if err != nil {
		fmt.Fprintf(os.Stderr, "robust: %v\n", err)
		os.Exit(1)
	}
	os.Exit(code)
}

func run() (int, error) {
	dir := flag.String("C", "", "run in `dir` (the module to check)")
	tests := flag.Bool("test", true, "also load test files and test packages (the command's default)")
	tags := flag.String("tags", "", "comma-separated build tags")
	stackLines := flag.Int("stack", 40, "print at most `n` lines of each panic's stack")
	flag.Parse()
	if flag.NArg() == 0 {
		return 1, fmt.Errorf("no packages given (try 'std' or './...')")
	}

	suite := analyzers.Suite()
	guard(analyzers.Analyzers(suite), map[*analysis.Analyzer]bool{})

	start := time.Now()
	fset := token.NewFileSet()
	cfg := load.Config{Tests: *tests, Dir: *dir}
	if *tags != "" {
		cfg.BuildFlags = []string{"-tags=" + *tags}
	}
	graph, err := driver.Run(fset, cfg, analyzers.Analyzers(suite), releaseRoots, flag.Args()...)
	if err != nil {
		return 1, fmt.Errorf("loading packages: %v", err)
	}
	pkgs := graph.Packages
	if len(pkgs) == 0 {
		return 1, fmt.Errorf("no packages match %s", strings.Join(flag.Args(), " "))
	}
	analysisTime := time.Since(start)

	inputErrors := map[string]bool{} // package IDs
	nPkgs := 0
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		nPkgs++
		if len(p.Errors) > 0 || p.IllTyped {
			inputErrors[p.ID] = true
		}
	})

	var problems []string
	actions, skipped := 0, 0
	for act := range graph.All() {
		actions++
		where := act.Package.ID + ": " + act.Analyzer.Name
		if act.Err != nil {
			switch e := act.Err.(type) {
			case *panicError:
				problems = append(problems, fmt.Sprintf("PANIC %s: %v\n%s", where, e, trimStack(e.stack, *stackLines)))
				continue
			}
			msg := act.Err.Error()
			switch {
			case strings.Contains(msg, "internal error"):
				problems = append(problems, fmt.Sprintf("INTERNAL ERROR %s: %s", where, msg))
			case inputErrors[act.Package.ID] && strings.Contains(msg, "analysis skipped due to errors in package"):
				skipped++
			case strings.HasPrefix(msg, "failed prerequisites: "):
				// Follows from another action's error, reported there
				// (or an input error in a dependency).
				skipped++
			default:
				problems = append(problems, fmt.Sprintf("ANALYZER ERROR %s: %s", where, msg))
			}
			continue
		}
		for _, d := range act.Diagnostics {
			if p := checkDiagnostic(fset, d); p != "" {
				problems = append(problems, fmt.Sprintf("BAD DIAGNOSTIC %s: %s: %q", where, p, d.Message))
			}
		}
	}

	// The run-wide step, as the command runs it: over the root actions.
	runs := map[*analysis.Analyzer]*runwide.Run{}
	for _, act := range graph.Roots {
		run := runs[act.Analyzer]
		if run == nil {
			run = &runwide.Run{Fset: fset}
			runs[act.Analyzer] = run
		}
		run.Packages = append(run.Packages, &runwide.Package{
			Path: act.Package.PkgPath, ID: act.Package.ID, Types: act.Package.Types, Result: act.Result,
		})
	}
	runWide := 0
	for _, m := range suite {
		run := runs[m.Analyzer]
		if m.Correlate == nil || run == nil {
			continue
		}
		sort.Slice(run.Packages, func(i, j int) bool { return run.Packages[i].ID < run.Packages[j].ID })
		diags, err := correlate(m.Correlate, run)
		if err != nil {
			pe := err.(*panicError)
			problems = append(problems, fmt.Sprintf("PANIC run-wide %s: %v\n%s", m.Analyzer.Name, pe, trimStack(pe.stack, *stackLines)))
			continue
		}
		runWide += len(diags)
		for _, d := range diags {
			if !d.Pos.IsValid() || fset.File(d.Pos) == nil {
				problems = append(problems, fmt.Sprintf("BAD DIAGNOSTIC run-wide %s: invalid position: %q", m.Analyzer.Name, d.Message))
			}
		}
	}

	sort.Strings(problems)
	for _, p := range problems {
		fmt.Println(p)
	}
	fmt.Printf("robust: %s: %d packages (%d with input errors), %d actions (%d skipped after input errors), %d run-wide diagnostics, %d problems\n",
		strings.Join(flag.Args(), " "), nPkgs, len(inputErrors), actions, skipped, runWide, len(problems))
	fmt.Fprintf(os.Stderr, "robust: load and analysis %.1fs\n", analysisTime.Seconds())
	if len(problems) > 0 {
		return 1, nil
	}
	return 0, nil
}

// releaseRoots drops each root's syntax after its analysis, as the command
// does: nothing here reads it later (diagnostics are checked against the
// FileSet).
var releaseRoots = driver.Options{AfterRoot: func(*packages.Package) {}}

// guard wraps, in place, the Run function of each analyzer and of the
// analyzers they require with a recover, and makes every exported fact go
// through an encoding round trip first, as go vet's protocol does.
// Identities are kept, because passes find their prerequisites' results
// and facts by analyzer pointer.
func guard(as []*analysis.Analyzer, seen map[*analysis.Analyzer]bool) {
	for _, a := range as {
		if seen[a] {
			continue
		}
		seen[a] = true
		guard(a.Requires, seen)
		run := a.Run
		a.Run = func(pass *analysis.Pass) (res any, err error) {
			defer func() {
				if r := recover(); r != nil {
					res, err = nil, &panicError{r, string(debug.Stack())}
				}
			}()
			exportObject, exportPackage := pass.ExportObjectFact, pass.ExportPackageFact
			pass.ExportObjectFact = func(obj types.Object, fact analysis.Fact) {
				exportObject(obj, roundTrip(fact))
			}
			pass.ExportPackageFact = func(fact analysis.Fact) {
				exportPackage(roundTrip(fact))
			}
			return run(pass)
		}
	}
}

// roundTrip encodes fact with encoding/gob, the encoding of go vet's fact
// files, decodes it into a new value, and panics unless the two are equal:
// a fact that does not survive works standalone but breaks under go vet.
// The decoded copy is what is exported, so importers see what go vet's
// importers would.
func roundTrip(fact analysis.Fact) analysis.Fact {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(fact); err != nil {
		panic(fmt.Sprintf("fact %T does not encode: %v", fact, err))
	}
	back := reflect.New(reflect.TypeOf(fact).Elem()).Interface().(analysis.Fact)
	if err := gob.NewDecoder(&buf).Decode(back); err != nil {
		panic(fmt.Sprintf("fact %T does not decode: %v", fact, err))
	}
	if !reflect.DeepEqual(fact, back) {
		panic(fmt.Sprintf("fact %T changes in an encoding round trip: %v became %v", fact, fact, back))
	}
	return back
}

func correlate(c runwide.Correlate, run *runwide.Run) (diags []analysis.Diagnostic, err error) {
	defer func() {
		if r := recover(); r != nil {
			diags, err = nil, &panicError{r, string(debug.Stack())}
		}
	}()
	return c(run), nil
}

// checkDiagnostic reports what is wrong with d's position, if anything:
// it must lie in a file of the package (or be a valid position in the
// FileSet for diagnostics on non-Go files) with End not before Pos.
func checkDiagnostic(fset *token.FileSet, d analysis.Diagnostic) string {
	if !d.Pos.IsValid() {
		return "invalid position"
	}
	f := fset.File(d.Pos)
	if f == nil {
		return "position outside the file set"
	}
	if d.End.IsValid() {
		if d.End < d.Pos {
			return "end before start"
		}
		if fset.File(d.End) != f {
			return "end in another file"
		}
	}
	return ""
}

// trimStack keeps the first n lines of a stack, indented.
func trimStack(stack string, n int) string {
	lines := strings.Split(strings.TrimRight(stack, "\n"), "\n")
	if len(lines) > n {
		lines = append(lines[:n], "...")
	}
	return "\t" + strings.Join(lines, "\n\t")
}

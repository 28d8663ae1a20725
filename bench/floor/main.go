// Command floor is the benchmark's baseline: it loads and type-checks
// packages exactly as the go-plugin-lint command does (go/packages
// LoadAllSyntax|NeedModule with test variants, one shared FileSet, then
// golang.org/x/tools/go/analysis/checker), but runs a no-op analyzer, so
// its wall time and peak RSS are the cost of loading alone. The suite's
// time divided by the floor's is the price of the analysis itself.
//
// With -tier=perpackage it runs the suite's per-package passes instead of
// the no-op analyzer, and no run-wide step: the go-plugin-lint command minus
// its run-wide correlation, which the command has no flag to skip.
//
// With -parse=noresolve or -parse=trim it parses differently from the
// command, to measure a proposed driver change before making it: noresolve
// skips the deprecated ast.Object resolution (go/packages keeps it by
// default); trim also drops the function bodies of every file outside the
// main module (GOROOT and the module cache), so dependencies are
// type-checked from their declarations only.
//
//	go run ./bench/floor [-tier=noop|perpackage] [-parse=default|noresolve|trim] [-test=true] [-tags=T] [-cpuprofile=F] [-memprofile=F] PATTERNS
//
// It prints one summary line to stderr (packages, load and analysis
// seconds) and exits 0 even when some packages have errors (it counts
// them); 1 on a usage or load failure.
package main

import (
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/go-plugin-lint/go-plugin-lint/analyzers"
)

// noop does nothing: running it makes the checker type-check every root
// package and nothing more.
var noop = &analysis.Analyzer{
	Name: "noop",
	Doc:  "does nothing; the benchmark floor",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintf(os.Stderr, "floor: %v\n", err)
		os.Exit(1)
	}
}

func run() error {
	tier := flag.String("tier", "noop", "what to run after loading: noop (the floor) or perpackage (the suite's passes, no run-wide step)")
	tests := flag.Bool("test", true, "also load test files and test packages (the command's default)")
	tags := flag.String("tags", "", "comma-separated build tags")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile to `FILE`")
	memprofile := flag.String("memprofile", "", "write a heap profile to `FILE` after the analysis")
	parse := flag.String("parse", "default", "how to parse: default (as the command), noresolve, or trim (see the doc)")
	flag.Parse()
	if flag.NArg() == 0 {
		return fmt.Errorf("no packages given")
	}
	var as []*analysis.Analyzer
	switch *tier {
	case "noop":
		as = []*analysis.Analyzer{noop}
	case "perpackage":
		as = analyzers.Analyzers(analyzers.Suite())
	default:
		return fmt.Errorf("unknown -tier %q (want noop or perpackage)", *tier)
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}

	// The same configuration as cmd/go-plugin-lint's load.
	start := time.Now()
	fset := token.NewFileSet()
	cfg := &packages.Config{
		Mode:  packages.LoadAllSyntax | packages.NeedModule,
		Tests: *tests,
		Fset:  fset,
	}
	if *tags != "" {
		cfg.BuildFlags = []string{"-tags=" + *tags}
	}
	switch *parse {
	case "default":
	case "noresolve", "trim":
		pf, err := parseFunc(*parse == "trim")
		if err != nil {
			return err
		}
		cfg.ParseFile = pf
	default:
		return fmt.Errorf("unknown -parse %q (want default, noresolve or trim)", *parse)
	}
	pkgs, err := packages.Load(cfg, flag.Args()...)
	if err != nil {
		return fmt.Errorf("loading packages: %v", err)
	}
	if len(pkgs) == 0 {
		return fmt.Errorf("no packages match %v", flag.Args())
	}
	loaded := time.Since(start)
	all, withErrors := 0, 0
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		all++
		if len(p.Errors) > 0 {
			withErrors++
		}
	})

	start = time.Now()
	graph, err := checker.Analyze(as, pkgs, nil)
	if err != nil {
		return err
	}
	analyzed := time.Since(start)
	diags := 0
	for act := range graph.All() {
		diags += len(act.Diagnostics)
	}
	if *memprofile != "" {
		f, err := os.Create(*memprofile)
		if err != nil {
			return err
		}
		runtime.GC()
		if err := pprof.WriteHeapProfile(f); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
	}
	fmt.Fprintf(os.Stderr, "floor: tier=%s parse=%s roots=%d packages=%d with-errors=%d load=%.2fs analysis=%.2fs diagnostics=%d\n",
		*tier, *parse, len(pkgs), all, withErrors, loaded.Seconds(), analyzed.Seconds(), diags)
	return nil
}

// parseFunc returns a ParseFile for packages.Config that skips object
// resolution and, with trim, drops the function bodies of files outside
// the main module of the current directory.
func parseFunc(trim bool) (func(*token.FileSet, string, []byte) (*ast.File, error), error) {
	modDir := ""
	if trim {
		out, err := exec.Command("go", "env", "GOMOD").Output()
		if err != nil {
			return nil, fmt.Errorf("go env GOMOD: %v", err)
		}
		gomod := strings.TrimSpace(string(out))
		if gomod == "" || gomod == os.DevNull {
			return nil, fmt.Errorf("-parse=trim needs a main module")
		}
		modDir = filepath.Dir(gomod) + string(filepath.Separator)
	}
	return func(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
		f, err := parser.ParseFile(fset, filename, src, parser.AllErrors|parser.ParseComments|parser.SkipObjectResolution)
		if f != nil && trim && !strings.HasPrefix(filename, modDir) {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok {
					fd.Body = nil
				}
			}
		}
		return f, err
	}, nil
}

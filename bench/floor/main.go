// Command floor is the benchmark's baseline: it loads and type-checks
// packages exactly as the go-plugin-lint command does (internal/load and
// internal/driver, with test variants, one shared FileSet), but runs a
// no-op analyzer, so its wall time and peak RSS are the cost of loading
// alone. The suite's
// time divided by the floor's is the price of the analysis itself.
//
// With -tier=perpackage it runs the suite's per-package passes instead of
// the no-op analyzer, and no run-wide step: the go-plugin-lint command minus
// its run-wide correlation, which the command has no flag to skip.
//
// It loads through internal/load, as the command does: the function bodies
// of dependencies in GOROOT, the module cache and vendor directories are
// stubbed out (see internal/load). -parse=full type-checks every body, to
// measure what that saves.
//
//	go run ./bench/floor [-tier=noop|perpackage] [-parse=default|full] [-test=true] [-tags=T] [-cpuprofile=F] [-memprofile=F] PATTERNS
//
// It prints one summary line to stderr (packages, seconds of load and
// analysis, which interleave) and exits 0 even when some packages have errors (it counts
// them); 1 on a usage or load failure.
package main

import (
	"flag"
	"fmt"
	"go/token"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/go-plugin-lint/go-plugin-lint/analyzers"
	"github.com/go-plugin-lint/go-plugin-lint/internal/driver"
	"github.com/go-plugin-lint/go-plugin-lint/internal/load"
)

// noop does nothing and uses no facts: the driver type-checks every
// package (roots and dependencies) and runs nothing on dependencies.
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
	parse := flag.String("parse", "default", "how to load: default (as the command: dependencies' function bodies stubbed) or full (every body type-checked)")
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
	cfg := load.Config{Tests: *tests, KeepAllBodies: *parse == "full"}
	if *tags != "" {
		cfg.BuildFlags = []string{"-tags=" + *tags}
	}
	if *parse != "default" && *parse != "full" {
		return fmt.Errorf("unknown -parse %q (want default or full)", *parse)
	}
	// Loading and analysis interleave, as in the command: each package is
	// type-checked just before its analysis.
	graph, err := driver.Run(fset, cfg, as, driver.Options{AfterRoot: func(*packages.Package) {}}, flag.Args()...)
	if err != nil {
		return fmt.Errorf("loading packages: %v", err)
	}
	pkgs := graph.Packages
	if len(pkgs) == 0 {
		return fmt.Errorf("no packages match %v", flag.Args())
	}
	elapsed := time.Since(start)
	all, withErrors := 0, 0
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		all++
		if len(p.Errors) > 0 {
			withErrors++
		}
	})
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
	fmt.Fprintf(os.Stderr, "floor: tier=%s parse=%s roots=%d packages=%d with-errors=%d load+analysis=%.2fs diagnostics=%d\n",
		*tier, *parse, len(pkgs), all, withErrors, elapsed.Seconds(), diags)
	return nil
}

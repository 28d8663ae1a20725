package main

import (
	"errors"
	"flag"
	"fmt"
	"go/token"
	"os"
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/go-plugin-lint/go-plugin-lint/internal/driver"
	"github.com/go-plugin-lint/go-plugin-lint/internal/load"

	"github.com/go-plugin-lint/go-plugin-lint/analyzers"
	"github.com/go-plugin-lint/go-plugin-lint/internal/findingbase"
)

// lintMain is the standalone command. The findings pipeline is:
// collect → dropGenerated → suppress → sort → baseline → fix → emit.
func lintMain(args []string) int {
	suite := analyzers.Suite()
	fs, opts := newLintFlags(suite)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return helpMain(nil)
		}
		return fail("%s (run '%s help' for usage)", oneLine(err.Error()), progname)
	}
	if err := opts.check(); err != nil {
		return fail("%v", err)
	}
	patterns := fs.Args()
	if len(patterns) == 0 {
		return fail("no packages given (try '%s ./...')", progname)
	}
	// Read the baseline before the long part, so a bad file fails fast.
	var base *findingbase.Baseline
	if opts.baseline != "" {
		b, err := findingbase.Read(opts.baseline)
		if err != nil {
			return fail("%v", err)
		}
		base = b
	}
	if opts.cpuprofile != "" {
		f, err := os.Create(opts.cpuprofile)
		if err != nil {
			return fail("%v", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fail("cpuprofile: %v", err)
		}
		defer pprof.StopCPUProfile()
	}
	members := opts.selected(suite)

	fset := token.NewFileSet()
	c := newCollected()
	graph, err := analyze(fset, patterns, opts, guard(analyzers.Analyzers(members)), c)
	if err != nil {
		return fail("%v", err)
	}
	pkgs := graph.Packages
	paths := newPathBase(pkgs)
	loadFailed := reportPackageErrors(pkgs, paths)
	if loadFailed {
		hintSubcommand(patterns[0], pkgs)
	}
	collect(fset, graph, members, c)

	if opts.memprofile != "" {
		if err := writeHeapProfile(opts.memprofile); err != nil {
			return fail("memprofile: %v", err)
		}
	}

	findings := dropGenerated(fset, c)
	findings = suppressFindings(fset, c, findings, members, opts.unusedSupp)
	findings = sortFindings(findings)
	failed := loadFailed || c.failed

	if opts.writeBase != "" {
		b := findingbase.New()
		for _, f := range findings {
			b.Add(baselineKey(paths, f))
		}
		if err := b.Write(opts.writeBase); err != nil {
			return fail("%v", err)
		}
		fmt.Fprintf(os.Stderr, "%s: recorded %d findings in %s\n", progname, len(findings), opts.writeBase)
		if failed {
			return exitError
		}
		return exitClean
	}
	if base != nil {
		findings = filterBaseline(paths, base, findings)
	}
	if opts.fix || opts.diff {
		remaining, err := applyFixes(findings, opts.diff, paths)
		if err != nil {
			return fail("%v", err)
		}
		if !opts.diff {
			findings = remaining
		}
	}
	if opts.sarif != "" {
		if err := writeSARIF(opts.sarif, findings, members, paths); err != nil {
			return fail("%v", err)
		}
	}
	if !opts.diff {
		if err := emit(os.Stdout, findings, c.errors, opts, paths); err != nil {
			return fail("%v", err)
		}
	}
	switch {
	case failed:
		return exitError
	case len(findings) > 0:
		return exitFindings
	}
	return exitClean
}

// hintSubcommand follows the load errors of a first pattern that looks
// like a misspelt subcommand with the subcommand it resembles.
func hintSubcommand(first string, roots []*packages.Package) {
	sub := misspeltSubcommand(first)
	if sub == "" {
		return
	}
	for _, p := range roots {
		if p.PkgPath == first && len(p.Errors) > 0 {
			fmt.Fprintf(os.Stderr, "%s: %q is not a package; did you mean '%s %s'?\n", progname, first, progname, sub)
			return
		}
	}
}

// check rejects flag combinations whose meaning would be unclear.
func (o *lintOptions) check() error {
	switch {
	case o.writeBase != "" && o.baseline != "":
		return errors.New("-write-baseline records every finding; do not combine it with -baseline")
	case o.writeBase != "" && (o.fix || o.diff):
		return errors.New("-write-baseline cannot be combined with -fix or -diff")
	}
	return nil
}

// analyze loads and analyses the packages matching patterns, keeping in c
// what the findings pipeline reads of the roots' files.
func analyze(fset *token.FileSet, patterns []string, opts *lintOptions, as []*analysis.Analyzer, c *collected) (*driver.Graph, error) {
	cfg := load.Config{Tests: opts.tests}
	if opts.tags != "" {
		cfg.BuildFlags = []string{"-tags=" + opts.tags}
	}
	g, err := driver.Run(fset, cfg, as, driver.Options{AfterRoot: c.keepRoot(fset)}, patterns...)
	if err != nil {
		return nil, fmt.Errorf("loading packages: %s", oneLine(err.Error()))
	}
	if len(g.Packages) == 0 {
		return nil, fmt.Errorf("no packages match %s", strings.Join(patterns, " "))
	}
	return g, nil
}

// dropGenerated removes findings inside generated files: they are never
// reported there, whatever an analyzer does. Only the files holding
// findings are classified.
func dropGenerated(fset *token.FileSet, c *collected) []finding {
	class := map[string]bool{}
	out := c.findings[:0]
	for _, f := range c.findings {
		name := f.posn.Filename
		gen, ok := class[name]
		if !ok {
			if af := c.files[name]; af != nil {
				gen = isGenerated(fset, af)
			} else {
				gen = generatedOnDisk(name)
			}
			class[name] = gen
		}
		if !gen {
			out = append(out, f)
		}
	}
	return out
}

// sortFindings orders findings by position, analyzer and message, and
// drops the duplicates that a package and its test variant both report.
func sortFindings(in []finding) []finding {
	sort.SliceStable(in, func(i, j int) bool {
		a, b := in[i], in[j]
		if a.posn.Filename != b.posn.Filename {
			return a.posn.Filename < b.posn.Filename
		}
		if a.posn.Line != b.posn.Line {
			return a.posn.Line < b.posn.Line
		}
		if a.posn.Column != b.posn.Column {
			return a.posn.Column < b.posn.Column
		}
		if a.analyzer != b.analyzer {
			return a.analyzer < b.analyzer
		}
		if a.message != b.message {
			return a.message < b.message
		}
		return a.pkgID < b.pkgID
	})
	out := in[:0]
	for i, f := range in {
		if i > 0 {
			p := out[len(out)-1]
			if p.posn == f.posn && p.analyzer == f.analyzer && p.message == f.message {
				continue
			}
		}
		out = append(out, f)
	}
	return out
}

func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	runtime.GC()
	return pprof.WriteHeapProfile(f)
}

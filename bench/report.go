package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"
)

// Targets of issue 8 (same machine, same run).
const (
	maxSuiteOverFloor       = 1.20
	maxSuiteOverVet         = 1.00
	maxSuiteOverStaticcheck = 0.50
	maxRSSOverStaticcheck   = 1.00
	maxRunWideShare         = 0.10
)

// loaded holds the saved results of one module.
type loaded struct {
	m       module
	pkgs    *pkgCount
	results map[string]*result
}

func loadResults(cfg *config, mods []module) ([]loaded, error) {
	var out []loaded
	for _, m := range mods {
		l := loaded{m: m, results: map[string]*result{}}
		dir := filepath.Join(cfg.work, "results", m.name)
		var c pkgCount
		if err := readJSON(filepath.Join(dir, "packages.json"), &c); err == nil {
			l.pkgs = &c
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		for _, name := range measurements {
			var r result
			err := readJSON(filepath.Join(dir, name+".json"), &r)
			switch {
			case err == nil:
				if r.Version != m.version {
					fmt.Fprintf(os.Stderr, "bench: %s %s: saved result is for %s, not %s: ignored\n", m.name, name, r.Version, m.version)
					continue
				}
				l.results[name] = &r
			case !errors.Is(err, fs.ErrNotExist):
				return nil, err
			}
		}
		out = append(out, l)
	}
	return out, nil
}

func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	return nil
}

// printReport prints the markdown tables for the saved results of mods.
func printReport(w io.Writer, cfg *config, mods []module) error {
	all, err := loadResults(cfg, mods)
	if err != nil {
		return err
	}
	var newest time.Time
	minLoad, maxLoad := -1.0, -1.0
	commits := map[string]bool{}
	for _, l := range all {
		for _, r := range l.results {
			if r.When.After(newest) {
				newest = r.When
			}
			if minLoad < 0 || r.Load1 < minLoad {
				minLoad = r.Load1
			}
			maxLoad = max(maxLoad, r.Load1)
			if r.Measurement != "staticcheck" && r.Measurement != "vet-cold" {
				commits[r.Commit] = true
			}
		}
	}
	if newest.IsZero() {
		return errors.New("no saved results: run the benchmark first")
	}
	var cs []string
	for c := range commits {
		cs = append(cs, c)
	}
	sort.Strings(cs)

	fmt.Fprintf(w, "Measured %s on %s.\n", newest.Format("2006-01-02"), machine())
	fmt.Fprintf(w, "go-plugin-lint %s, staticcheck %s; 1-minute load average before the runs: %.2f–%.2f (on %d CPUs: above ~0.5 the machine was not quiet).\n",
		strings.Join(cs, " "), staticcheckVersion, minLoad, maxLoad, runtime.NumCPU())
	fmt.Fprintln(w, "Ratios are of wall time; CPU is user+sys of the tool and its children (go list, the compiler under go vet), the figure to trust when the machine was busy.")
	fmt.Fprintf(w, "Reproduce: `go run ./bench -modules %s`.\n\n", moduleList(all))

	fmt.Fprintln(w, "| module | packages (roots / loaded) | measurement | wall (s) | CPU (s) | peak RSS (MB) | × floor | × go vet | × staticcheck | RSS × staticcheck | exit |")
	fmt.Fprintln(w, "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, l := range all {
		floor, vet, sc := l.results["floor"], l.results["vet-cold"], l.results["staticcheck"]
		for _, name := range measurements {
			r := l.results[name]
			if r == nil {
				continue
			}
			fmt.Fprintf(w, "| %s %s | %s | %s | %.1f | %.1f | %d | %s | %s | %s | %s | %d |\n",
				l.m.name, l.m.version, pkgs(l.pkgs), name, r.WallSeconds, cpu(r), r.MaxRSSKB/1024,
				ratio(r, floor, wall), ratio(r, vet, wall), ratio(r, sc, wall), ratio(r, sc, rss), r.ExitStatus)
		}
	}

	fmt.Fprintln(w)
	fmt.Fprintf(w, "Targets: suite ≤ %.2f× floor, ≤ %.2f× go vet (cold), ≤ %.2f× staticcheck wall time; peak RSS ≤ %.2f× staticcheck; run-wide step ≤ %.0f %% (suite over perpackage).\n\n",
		maxSuiteOverFloor, maxSuiteOverVet, maxSuiteOverStaticcheck, maxRSSOverStaticcheck, maxRunWideShare*100)
	fmt.Fprintln(w, "| module | suite / floor | suite / go vet | suite / staticcheck | RSS suite / staticcheck | run-wide step |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|")
	for _, l := range all {
		s := l.results["suite"]
		pp := l.results["perpackage"]
		runWide := "—"
		if s != nil && pp != nil && pp.WallSeconds > 0 {
			share := (s.WallSeconds - pp.WallSeconds) / pp.WallSeconds
			pct := math.Round(share * 100)
			if pct == 0 {
				pct = 0 // not -0
			}
			runWide = fmt.Sprintf("%+.0f %% %s", pct, verdict(share, maxRunWideShare))
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s |\n", l.m.name,
			target(s, l.results["floor"], wall, maxSuiteOverFloor),
			target(s, l.results["vet-cold"], wall, maxSuiteOverVet),
			target(s, l.results["staticcheck"], wall, maxSuiteOverStaticcheck),
			target(s, l.results["staticcheck"], rss, maxRSSOverStaticcheck),
			runWide)
	}

	// Growth with the number of packages the loader type-checks.
	sorted := append([]loaded(nil), all...)
	sort.SliceStable(sorted, func(i, j int) bool { return size(sorted[i]) < size(sorted[j]) })
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| module | loaded packages | floor (s) | suite (s) | suite ms / package | suite MB / package |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|")
	for _, l := range sorted {
		f, s := l.results["floor"], l.results["suite"]
		n := size(l)
		perPkg, mbPkg := "—", "—"
		if s != nil && n > 0 {
			perPkg = fmt.Sprintf("%.0f", s.WallSeconds*1000/float64(n))
			mbPkg = fmt.Sprintf("%.2f", float64(s.MaxRSSKB)/1024/float64(n))
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s |\n", l.m.name, count(n), secs(f), secs(s), perPkg, mbPkg)
	}
	return nil
}

func moduleList(all []loaded) string {
	var names []string
	for _, l := range all {
		names = append(names, l.m.name)
	}
	return strings.Join(names, ",")
}

func size(l loaded) int {
	if l.pkgs == nil {
		return 0
	}
	return l.pkgs.All
}

func count(n int) string {
	if n == 0 {
		return "—"
	}
	return fmt.Sprint(n)
}

func pkgs(c *pkgCount) string {
	if c == nil {
		return "—"
	}
	return fmt.Sprintf("%d / %d", c.Roots, c.All)
}

func secs(r *result) string {
	if r == nil {
		return "—"
	}
	return fmt.Sprintf("%.1f", r.WallSeconds)
}

func wall(r *result) float64 { return r.WallSeconds }
func cpu(r *result) float64  { return r.UserSeconds + r.SysSeconds }
func rss(r *result) float64  { return float64(r.MaxRSSKB) }

func ratio(r, base *result, f func(*result) float64) string {
	if r == nil || base == nil || f(base) == 0 {
		return "—"
	}
	return fmt.Sprintf("%.2f", f(r)/f(base))
}

func target(r, base *result, f func(*result) float64, limit float64) string {
	if r == nil || base == nil || f(base) == 0 {
		return "—"
	}
	v := f(r) / f(base)
	return fmt.Sprintf("%.2f %s", v, verdict(v, limit))
}

func verdict(v, limit float64) string {
	if v <= limit {
		return "✓"
	}
	return "✗"
}

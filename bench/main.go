// Command bench measures go-plugin-lint against its floor, go vet and
// staticcheck on pinned real modules, and prints the README's markdown table.
//
// Run it from the repository root, on a quiet machine:
//
//	go run ./bench                                   # every module, every measurement
//	go run ./bench -modules go-plugin,caddy -only floor,suite
//	go run ./bench -report                           # print the table from saved results
//	go run ./bench -fetch                            # only download the module sources
//
// For each module it downloads the pinned version through the Go module
// proxy (go mod download -json), copies it to a writable directory under
// -work (bench/work, git-ignored), downloads its dependencies, warms the
// build cache (go list -export -deps -test ./..., untimed), and then times,
// with /usr/bin/time -v (wall time and peak RSS), one after the other:
//
//	floor          bench/floor ./...: load and type-check as the command does, no-op analyzer
//	perpackage     bench/floor -tier=perpackage ./...: the suite's per-package passes, no run-wide step
//	suite          go-plugin-lint ./...: every analyzer, run-wide step included
//	vettool-cold   go vet -vettool=go-plugin-lint ./... with a fresh, empty GOCACHE
//	vet-cold       go vet ./... with a fresh, empty GOCACHE (a warm go vet replays its cache)
//	staticcheck    staticcheck ./... (v0.8.2) with a fresh, empty STATICCHECK_CACHE; the
//	               build cache is warm, as for floor and suite (staticcheck reads the
//	               export data that go list -export leaves there)
//
// floor, perpackage and suite run five times each and keep the fastest
// run: they take seconds, and a shared machine's noise, about ±20 % on one
// run, only slows runs down. The cold measurements run once.
//
// Each result is saved as -work/results/MODULE/MEASUREMENT.json, and a
// measurement already saved is skipped unless -force: an interrupted run
// resumes where it stopped. The table is built from the saved results.
//
// Duration: the first run downloads the six modules and their dependencies
// (a few GB in the module cache) and compiles their export data; on 2 cores
// the whole run takes about 1.5-2.5 hours (the cold go vet runs and
// staticcheck dominate); go-plugin alone takes 2-4 minutes.
//
// /usr/bin/time must be GNU time (Debian package "time"); when it is
// missing and we run as root, bench installs it with apt-get, otherwise it
// stops and says how to install it. The command's exit status (3 on
// findings, 1 when some packages fail to type-check) is recorded, not fatal.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// A module is one benchmark input, pinned.
type module struct {
	name    string // short name for -modules and the table
	path    string // module path
	version string
}

// modules are the benchmark inputs, smallest first in spirit: plugin hosts
// of every kind the suite targets. Bump versions deliberately: the table
// in the README names them.
var modules = []module{
	{"go-plugin", "github.com/hashicorp/go-plugin", "v1.8.0"},
	{"caddy", "github.com/caddyserver/caddy/v2", "v2.11.9"},
	{"coredns", "github.com/coredns/coredns", "v1.15.0"},
	{"controller-runtime", "sigs.k8s.io/controller-runtime", "v0.25.2"},
	{"kuberay", "github.com/ray-project/kuberay/ray-operator", "v1.5.0"},
	{"golangci-lint", "github.com/golangci/golangci-lint/v2", "v2.15.0"},
}

// measurements in the order they run and are printed.
var measurements = []string{"floor", "perpackage", "suite", "vettool-cold", "vet-cold", "staticcheck"}

const staticcheckVersion = "v0.8.2"

// result is one saved measurement.
type result struct {
	Module      string    `json:"module"`
	Version     string    `json:"version"`
	Measurement string    `json:"measurement"`
	Command     string    `json:"command"`
	WallSeconds float64   `json:"wall_seconds"`
	UserSeconds float64   `json:"user_seconds"`
	SysSeconds  float64   `json:"sys_seconds"`
	MaxRSSKB    int64     `json:"max_rss_kb"`
	ExitStatus  int       `json:"exit_status"`
	Load1       float64   `json:"load1"` // 1-minute load average just before the run
	When        time.Time `json:"when"`
	Commit      string    `json:"commit"`         // go-plugin-lint commit measured
	Runs        int       `json:"runs,omitempty"` // runs made; this is the fastest (0: one run)
}

// pkgCount is the size of one module's run.
type pkgCount struct {
	Roots int `json:"roots"` // go list -test ./... (test variants included)
	All   int `json:"all"`   // go list -deps -test ./...: what the loader type-checks
}

type config struct {
	ctx     context.Context // cancelled on interrupt
	root    string          // repository root
	work    string
	bin     string
	force   bool
	timeout time.Duration
	commit  string
	verbose bool
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintf(os.Stderr, "bench: %v\n", err)
		os.Exit(1)
	}
}

func run() error {
	var (
		modFlag  = flag.String("modules", "all", "comma-separated module `names` to measure: "+strings.Join(moduleNames(), ","))
		onlyFlag = flag.String("only", "all", "comma-separated `measurements`: "+strings.Join(measurements, ","))
		work     = flag.String("work", "bench/work", "work `dir` for sources, binaries and results (relative to the repository root)")
		force    = flag.Bool("force", false, "measure again even when a saved result exists")
		report   = flag.Bool("report", false, "only print the table from saved results")
		fetch    = flag.Bool("fetch", false, "only download the module sources and their dependencies (no build), then print their directories")
		timeout  = flag.Duration("timeout", 45*time.Minute, "time limit of one measurement")
		verbose  = flag.Bool("v", false, "print each command as it runs")
	)
	flag.Parse()
	if flag.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q (see -help)", flag.Args())
	}
	mods, err := selectModules(*modFlag)
	if err != nil {
		return err
	}
	only, err := selectList(*onlyFlag, measurements, "measurement")
	if err != nil {
		return err
	}
	root, err := repoRoot()
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	cfg := &config{ctx: ctx, root: root, work: *work, force: *force, timeout: *timeout, verbose: *verbose}
	if !filepath.IsAbs(cfg.work) {
		cfg.work = filepath.Join(root, cfg.work)
	}
	cfg.bin = filepath.Join(cfg.work, "bin")

	if *report {
		return printReport(os.Stdout, cfg, mods)
	}
	if *fetch {
		for _, m := range mods {
			dir, err := prepare(cfg, m)
			if err != nil {
				return err
			}
			fmt.Printf("%s\t%s\n", m.name, dir)
		}
		return nil
	}

	if err := ensureGNUTime(); err != nil {
		return err
	}
	if err := buildTools(cfg, only); err != nil {
		return err
	}
	cfg.commit = gitCommit(root)
	for _, m := range mods {
		dir, err := prepare(cfg, m)
		if err != nil {
			return err
		}
		if err := warm(cfg, dir); err != nil {
			return err
		}
		if err := countPackages(cfg, m, dir); err != nil {
			return err
		}
		for _, name := range only {
			if err := measure(cfg, m, dir, name); err != nil {
				return fmt.Errorf("%s %s: %v", m.name, name, err)
			}
		}
	}
	return printReport(os.Stdout, cfg, mods)
}

func moduleNames() []string {
	var out []string
	for _, m := range modules {
		out = append(out, m.name)
	}
	return out
}

func selectModules(list string) ([]module, error) {
	names, err := selectList(list, moduleNames(), "module")
	if err != nil {
		return nil, err
	}
	var out []module
	for _, m := range modules {
		if slices.Contains(names, m.name) {
			out = append(out, m)
		}
	}
	return out, nil
}

// selectList parses a comma-separated selection of known names; "all"
// selects every one. The result keeps the order of known.
func selectList(list string, known []string, what string) ([]string, error) {
	if list == "all" {
		return known, nil
	}
	want := map[string]bool{}
	for _, s := range strings.Split(list, ",") {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if !slices.Contains(known, s) {
			return nil, fmt.Errorf("unknown %s %q (known: %s)", what, s, strings.Join(known, ","))
		}
		want[s] = true
	}
	if len(want) == 0 {
		return nil, fmt.Errorf("no %s selected", what)
	}
	var out []string
	for _, k := range known {
		if want[k] {
			out = append(out, k)
		}
	}
	return out, nil
}

func repoRoot() (string, error) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}").Output()
	if err != nil {
		return "", fmt.Errorf("finding the repository root (run bench from inside it): %v", err)
	}
	root := strings.TrimSpace(string(out))
	if _, err := os.Stat(filepath.Join(root, "cmd", "go-plugin-lint")); err != nil {
		return "", fmt.Errorf("%s is not the go-plugin-lint repository: %v", root, err)
	}
	return root, nil
}

func gitCommit(root string) string {
	out, err := exec.Command("git", "-C", root, "rev-parse", "--short", "HEAD").Output()
	if err != nil {
		return "unknown"
	}
	c := strings.TrimSpace(string(out))
	// The measured binary is built from the working tree: say when it
	// differs from the commit in the code that is measured.
	st, err := exec.Command("git", "-C", root, "status", "--porcelain", "--", "analyzers", "cmd", "internal", "go.mod").Output()
	if err == nil && len(bytes.TrimSpace(st)) > 0 {
		c += "+dirty"
	}
	return c
}

// ensureGNUTime makes sure /usr/bin/time -v works, installing Debian's
// "time" package when it is missing and we may.
func ensureGNUTime() error {
	if exec.Command("/usr/bin/time", "-v", "true").Run() == nil {
		return nil
	}
	if os.Geteuid() != 0 {
		return errors.New("/usr/bin/time -v is missing: install GNU time (sudo apt-get install -y time) and run again")
	}
	fmt.Fprintln(os.Stderr, "bench: installing GNU time (apt-get install -y time)")
	for _, args := range [][]string{{"update"}, {"install", "-y", "time"}} {
		cmd := exec.Command("apt-get", args...)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("apt-get %s: %v", strings.Join(args, " "), err)
		}
	}
	if err := exec.Command("/usr/bin/time", "-v", "true").Run(); err != nil {
		return fmt.Errorf("/usr/bin/time -v still fails after installing time: %v", err)
	}
	return nil
}

// buildTools builds go-plugin-lint and the floor from the working tree,
// and staticcheck from its own module, into cfg.bin.
func buildTools(cfg *config, only []string) error {
	if err := os.MkdirAll(cfg.bin, 0o755); err != nil {
		return err
	}
	for _, b := range []struct{ out, pkg string }{
		{"go-plugin-lint", "./cmd/go-plugin-lint"},
		{"floor", "./bench/floor"},
	} {
		cmd := exec.Command("go", "build", "-o", filepath.Join(cfg.bin, b.out), b.pkg)
		cmd.Dir = cfg.root
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("building %s: %v\n%s", b.pkg, err, out)
		}
	}
	if !slices.Contains(only, "staticcheck") {
		return nil
	}
	if _, err := os.Stat(filepath.Join(cfg.bin, "staticcheck")); err == nil {
		return nil
	}
	// Built from its own module, outside ours: our go.mod stays untouched.
	cmd := exec.Command("go", "install", "honnef.co/go/tools/cmd/staticcheck@"+staticcheckVersion)
	cmd.Dir = cfg.work
	cmd.Env = append(os.Environ(), "GOBIN="+cfg.bin, "GOWORK=off", "GOFLAGS=")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("installing staticcheck %s: %v\n%s", staticcheckVersion, err, out)
	}
	return nil
}

// prepare gives a writable copy of module m with its dependencies
// downloaded, and returns its directory.
func prepare(cfg *config, m module) (string, error) {
	dir := filepath.Join(cfg.work, "src", m.name+"@"+m.version)
	marker := filepath.Join(dir, ".bench-ready")
	if _, err := os.Stat(marker); err == nil {
		return dir, nil
	}
	fmt.Fprintf(os.Stderr, "bench: preparing %s@%s\n", m.path, m.version)
	out, err := exec.Command("go", "mod", "download", "-json", m.path+"@"+m.version).Output()
	if err != nil {
		return "", fmt.Errorf("go mod download %s@%s: %v", m.path, m.version, err)
	}
	var info struct{ Dir, Error string }
	if err := json.Unmarshal(out, &info); err != nil {
		return "", fmt.Errorf("go mod download %s@%s: %v", m.path, m.version, err)
	}
	if info.Error != "" || info.Dir == "" {
		return "", fmt.Errorf("go mod download %s@%s: %s", m.path, m.version, info.Error)
	}
	if err := os.RemoveAll(dir); err != nil {
		return "", err
	}
	if err := copyTree(info.Dir, dir); err != nil {
		return "", fmt.Errorf("copying %s: %v", info.Dir, err)
	}
	if err := goCmd(cfg, dir, nil, io.Discard, "mod", "download"); err != nil {
		return "", err
	}
	if err := os.WriteFile(marker, []byte(m.path+"@"+m.version+"\n"), 0o644); err != nil {
		return "", err
	}
	return dir, nil
}

// warm fills the shared build cache for the module in dir, untimed: go
// list's own work and the export data that go vet and staticcheck need are
// then there, so the first timed tool does not pay for the others. -fetch
// (the crash-free run's use) skips it: it compiles every dependency.
func warm(cfg *config, dir string) error {
	marker := filepath.Join(dir, ".bench-warm")
	if _, err := os.Stat(marker); err == nil {
		return nil
	}
	if err := goCmd(cfg, dir, nil, io.Discard, "list", "-e", "-export", "-deps", "-test", "./..."); err != nil {
		return err
	}
	return os.WriteFile(marker, nil, 0o644)
}

// copyTree copies the read-only module cache directory src to dst, making
// every copy writable by its owner.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		case d.Type().IsRegular():
			info, err := d.Info()
			if err != nil {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(target, data, info.Mode().Perm()|0o200)
		}
		return nil // module zips hold no symlinks or other files
	})
}

// goCmd runs the go command in dir with extra environment, sending its
// standard output to stdout; on failure the error carries stderr's tail.
func goCmd(cfg *config, dir string, env []string, stdout io.Writer, args ...string) error {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(benchEnv(), env...)
	cmd.Stdout = stdout
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if cfg.verbose {
		fmt.Fprintf(os.Stderr, "bench: (cd %s && go %s)\n", dir, strings.Join(args, " "))
	}
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go %s in %s: %v\n%s", strings.Join(args, " "), dir, err, tail(stderr.String(), 20))
	}
	return nil
}

// benchEnv is the environment of every measured command: no workspace
// and no toolchain switch, so every tool sees the same module.
func benchEnv() []string {
	return append(os.Environ(), "GOWORK=off", "GOTOOLCHAIN=local")
}

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

func countPackages(cfg *config, m module, dir string) error {
	path := filepath.Join(cfg.work, "results", m.name, "packages.json")
	if _, err := os.Stat(path); err == nil && !cfg.force {
		return nil
	}
	count := func(args ...string) (int, error) {
		var out bytes.Buffer
		if err := goCmd(cfg, dir, nil, &out, args...); err != nil {
			return 0, err
		}
		return len(strings.Fields(out.String())), nil
	}
	var c pkgCount
	var err error
	if c.Roots, err = count("list", "-e", "-test", "./..."); err != nil {
		return err
	}
	if c.All, err = count("list", "-e", "-deps", "-test", "./..."); err != nil {
		return err
	}
	return writeJSON(path, c)
}

func writeJSON(path string, v any) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	data, err := json.MarshalIndent(v, "", "\t")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}

// measure runs one measurement of module m in dir and saves its result.
func measure(cfg *config, m module, dir, name string) error {
	resDir := filepath.Join(cfg.work, "results", m.name)
	path := filepath.Join(resDir, name+".json")
	if _, err := os.Stat(path); err == nil && !cfg.force {
		fmt.Fprintf(os.Stderr, "bench: %s %s: saved result kept (use -force to measure again)\n", m.name, name)
		return nil
	}
	if err := os.MkdirAll(resDir, 0o755); err != nil {
		return err
	}
	var (
		argv    []string
		env     []string
		cleanup []string // fresh cache directories to delete afterwards
	)
	fresh := func(prefix string) (string, error) {
		d, err := os.MkdirTemp("", "bench-"+prefix+"-")
		if err == nil {
			cleanup = append(cleanup, d)
		}
		return d, err
	}
	defer func() {
		for _, d := range cleanup {
			_ = os.RemoveAll(d)
		}
	}()
	lint := filepath.Join(cfg.bin, "go-plugin-lint")
	switch name {
	case "floor":
		argv = []string{filepath.Join(cfg.bin, "floor"), "./..."}
	case "perpackage":
		argv = []string{filepath.Join(cfg.bin, "floor"), "-tier=perpackage", "./..."}
	case "suite":
		argv = []string{lint, "./..."}
	case "vettool-cold", "vet-cold":
		cache, err := fresh("gocache")
		if err != nil {
			return err
		}
		env = append(env, "GOCACHE="+cache)
		argv = []string{"go", "vet", "./..."}
		if name == "vettool-cold" {
			argv = []string{"go", "vet", "-vettool=" + lint, "./..."}
		}
	case "staticcheck":
		cache, err := fresh("staticcheck")
		if err != nil {
			return err
		}
		env = append(env, "STATICCHECK_CACHE="+cache)
		argv = []string{filepath.Join(cfg.bin, "staticcheck"), "./..."}
	default:
		return fmt.Errorf("unknown measurement %q", name)
	}

	// The load-only and standalone measurements take seconds, where a
	// shared 2-core machine's noise is ±20 % and comes in bursts: they run
	// five times and the fastest run is kept (noise only ever slows a run
	// down). The cold ones run once.
	runs := 1
	switch name {
	case "floor", "perpackage", "suite":
		runs = 5
	}
	var rs []result
	for range runs {
		r, err := measureOnce(cfg, m, dir, name, resDir, argv, env)
		if err != nil {
			return err
		}
		rs = append(rs, r)
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].WallSeconds < rs[j].WallSeconds })
	r := rs[0]
	r.Runs = runs
	fmt.Fprintf(os.Stderr, "bench: %s %s: %.1fs, %d MB\n", m.name, name, r.WallSeconds, r.MaxRSSKB/1024)
	return writeJSON(path, r)
}

// measureOnce runs argv once under /usr/bin/time -v.
func measureOnce(cfg *config, m module, dir, name, resDir string, argv, env []string) (result, error) {
	timeFile := filepath.Join(resDir, name+".time")
	logFile := filepath.Join(resDir, name+".log")
	logf, err := os.Create(logFile)
	if err != nil {
		return result{}, err
	}
	defer logf.Close()
	ctx, cancel := context.WithTimeout(cfg.ctx, cfg.timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "/usr/bin/time", append([]string{"-v", "-o", timeFile}, argv...)...)
	// time and the tool in their own process group, so that a timeout or
	// an interrupt stops the tool (and go vet's children), not only time.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.Dir = dir
	cmd.Env = append(benchEnv(), env...)
	cmd.Stdout, cmd.Stderr = logf, logf
	load1 := loadAverage()
	fmt.Fprintf(os.Stderr, "bench: %s %s: %s (load %.2f)\n", m.name, name, strings.Join(argv, " "), load1)
	runErr := cmd.Run()
	if cfg.ctx.Err() != nil {
		return result{}, fmt.Errorf("interrupted; nothing saved for this measurement")
	}
	if ctx.Err() != nil {
		return result{}, fmt.Errorf("timed out after %v (raise -timeout); output in %s", cfg.timeout, logFile)
	}
	res, err := parseTime(timeFile)
	if err != nil {
		return result{}, fmt.Errorf("%v (command error: %v; output in %s)", err, runErr, logFile)
	}
	if strings.Contains(res.signal, "signal") {
		return result{}, fmt.Errorf("%s; output in %s", res.signal, logFile)
	}
	r := result{
		Module: m.name, Version: m.version, Measurement: name,
		Command:     strings.Join(argv, " "),
		WallSeconds: res.wall, UserSeconds: res.user, SysSeconds: res.sys,
		MaxRSSKB: res.rssKB, ExitStatus: res.exit, Load1: load1,
		When: time.Now().UTC().Truncate(time.Second), Commit: cfg.commit,
	}
	if r.ExitStatus != 0 {
		fmt.Fprintf(os.Stderr, "bench: %s %s: exit status %d (recorded; output in %s)\n", m.name, name, r.ExitStatus, logFile)
	}
	if err := checkLog(logFile); err != nil {
		return result{}, err
	}
	return r, nil
}

// checkLog fails when a tool crashed: a crash invalidates the measurement.
func checkLog(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	for _, bad := range []string{"panic: ", "fatal error: ", "internal error"} {
		if i := bytes.Index(data, []byte(bad)); i >= 0 {
			line, _, _ := strings.Cut(string(data[i:]), "\n")
			return fmt.Errorf("the tool crashed (%q); see %s", line, path)
		}
	}
	return nil
}

type timeResult struct {
	wall, user, sys float64
	rssKB           int64
	exit            int
	signal          string
}

// parseTime reads the report of GNU time -v.
func parseTime(path string) (timeResult, error) {
	var r timeResult
	f, err := os.Open(path)
	if err != nil {
		return r, fmt.Errorf("no time report: %v", err)
	}
	defer f.Close()
	seen := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "Command terminated by signal") {
			r.signal = line
			continue
		}
		key, val, ok := strings.Cut(line, ": ")
		if !ok {
			continue
		}
		var err error
		switch key {
		case "Elapsed (wall clock) time (h:mm:ss or m:ss)":
			r.wall, err = parseClock(val)
			seen++
		case "User time (seconds)":
			r.user, err = strconv.ParseFloat(val, 64)
		case "System time (seconds)":
			r.sys, err = strconv.ParseFloat(val, 64)
		case "Maximum resident set size (kbytes)":
			r.rssKB, err = strconv.ParseInt(val, 10, 64)
			seen++
		case "Exit status":
			r.exit, err = strconv.Atoi(val)
		}
		if err != nil {
			return r, fmt.Errorf("%s: bad %q: %v", path, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return r, err
	}
	if seen != 2 {
		return r, fmt.Errorf("%s: not a GNU time -v report", path)
	}
	return r, nil
}

// parseClock parses h:mm:ss or m:ss.ss.
func parseClock(s string) (float64, error) {
	parts := strings.Split(s, ":")
	total := 0.0
	for _, p := range parts {
		v, err := strconv.ParseFloat(p, 64)
		if err != nil {
			return 0, err
		}
		total = total*60 + v
	}
	return total, nil
}

func loadAverage() float64 {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return -1
	}
	f := strings.Fields(string(data))
	if len(f) == 0 {
		return -1
	}
	v, _ := strconv.ParseFloat(f[0], 64)
	return v
}

func machine() string {
	mem := "unknown memory"
	if data, err := os.ReadFile("/proc/meminfo"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if f := strings.Fields(line); len(f) >= 2 && f[0] == "MemTotal:" {
				if kb, err := strconv.ParseFloat(f[1], 64); err == nil {
					mem = fmt.Sprintf("%.1f GiB", kb/(1<<20))
				}
			}
		}
	}
	cpu := ""
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				cpu = ", " + strings.TrimSpace(v)
				break
			}
		}
	}
	return fmt.Sprintf("%d CPUs (nproc)%s, %s RAM, %s %s/%s", runtime.NumCPU(), cpu, mem, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

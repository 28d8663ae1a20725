package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/go-plugin-lint/go-plugin-lint/analyzers/abidrift"
	"github.com/go-plugin-lint/go-plugin-lint/analyzers/abidrift/baseline"
	"github.com/go-plugin-lint/go-plugin-lint/internal/contracts"
)

const snapshotUsage = `usage: go-plugin-lint snapshot [-o FILE] [-rev GITREV] [-tags TAGS] [-abidrift.scope=api|contracts] [-abidrift.contracts=NAMES] PATTERNS

Snapshot writes the abidrift baseline of the packages matched: their API,
struct layouts and contracts, for a later 'go-plugin-lint
-abidrift.baseline=FILE PATTERNS' to compare with. With -rev, the code is
taken from that git revision, checked out in a temporary worktree.
`

// snapshotOptions are the snapshot subcommand's flags.
type snapshotOptions struct {
	out, rev, tags string
	scope          abidrift.Scope
	contracts      contracts.Names
}

// snapshotMain writes an abidrift baseline.
func snapshotMain(args []string) int {
	opts := &snapshotOptions{scope: baseline.ScopeAPI}
	fs := flag.NewFlagSet("snapshot", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&opts.out, "o", "", "write the baseline to `FILE` (default: standard output)")
	fs.StringVar(&opts.rev, "rev", "", "snapshot the code of git revision `REV` (a temporary worktree) instead of the working tree")
	fs.StringVar(&opts.tags, "tags", "", "comma-separated build tags")
	fs.Var(&opts.scope, "abidrift.scope", "what to record: api (exported declarations of non-internal, non-main packages) or contracts (contracts and the types they reach)")
	fs.Var(&opts.contracts, "abidrift.contracts", "comma-separated fully qualified names of extra contract interfaces")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Print(snapshotUsage)
			return exitClean
		}
		return fail("snapshot: %v\n%s", err, snapshotUsage)
	}
	if fs.NArg() == 0 {
		return fail("snapshot: no packages given (try '%s snapshot ./...')", progname)
	}
	data, err := snapshot(".", fs.Args(), opts)
	if err != nil {
		return fail("snapshot: %v", err)
	}
	if opts.out == "" {
		_, err = os.Stdout.Write(data)
	} else {
		err = os.WriteFile(opts.out, data, 0o644)
	}
	if err != nil {
		return fail("snapshot: %v", err)
	}
	return exitClean
}

// snapshot returns the baseline bytes of patterns, resolved in dir or,
// with opts.rev, in the same directory of a worktree at that revision.
func snapshot(dir string, patterns []string, opts *snapshotOptions) (_ []byte, err error) {
	if opts.rev != "" {
		wt, cleanup, err := worktree(dir, opts.rev)
		if err != nil {
			return nil, err
		}
		defer func() {
			if cerr := cleanup(); cerr != nil && err == nil {
				err = cerr
			}
		}()
		dir = wt
	}
	b, err := snapshotDir(dir, patterns, opts)
	if err != nil {
		return nil, err
	}
	return b.Marshal()
}

func snapshotDir(dir string, patterns []string, opts *snapshotOptions) (*baseline.Baseline, error) {
	cfg := &packages.Config{
		// Types of the matched packages from source, of their
		// dependencies from export data: no dependency is parsed.
		Mode: packages.NeedName | packages.NeedTypes | packages.NeedSyntax | packages.NeedModule,
		Dir:  dir,
	}
	if opts.tags != "" {
		cfg.BuildFlags = []string{"-tags=" + opts.tags}
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, fmt.Errorf("loading packages: %v", err)
	}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("no packages match %s", strings.Join(patterns, " "))
	}
	var errs []string
	for _, p := range pkgs {
		for _, e := range p.Errors {
			errs = append(errs, p.PkgPath+": "+e.Error())
		}
	}
	if len(errs) > 0 {
		sort.Strings(errs)
		return nil, fmt.Errorf("packages do not load, no baseline written:\n\t%s", strings.Join(errs, "\n\t"))
	}
	sort.Slice(pkgs, func(i, j int) bool { return pkgs[i].PkgPath < pkgs[j].PkgPath })
	var in []baseline.Input
	bopts := baseline.Options{Scope: string(opts.scope), Contracts: opts.contracts}
	for _, p := range pkgs {
		if p.Module != nil && bopts.Module == "" {
			bopts.Module, bopts.GoVersion = p.Module.Path, p.Module.GoVersion
		}
		if opts.scope == baseline.ScopeAPI && !abidrift.InAPIScope(p.PkgPath, p.Name) {
			continue
		}
		in = append(in, baseline.Input{Types: p.Types, Files: p.Syntax})
	}
	bopts.ModuleVersion = releaseTag(dir, bopts.Module)
	return baseline.New(in, bopts), nil
}

// releaseTag returns the latest vX.Y.Z tag reachable from the checked-out
// revision of dir, when it matches the module's major version; "" when
// there is none or dir is not in a git repository.
func releaseTag(dir, module string) string {
	out, err := gitOutput(dir, "describe", "--tags", "--abbrev=0", "--match", "v[0-9]*")
	if err != nil {
		return ""
	}
	tag := strings.TrimSpace(out)
	if abidrift.MajorOf(tag) != abidrift.PathMajor(module) {
		return ""
	}
	return tag
}

// worktree checks out rev in a temporary detached worktree of the
// repository holding dir, and returns the directory in it that
// corresponds to dir, and a function that removes the worktree.
func worktree(dir, rev string) (string, func() error, error) {
	top, err := gitOutput(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return "", nil, fmt.Errorf("-rev needs a git repository: %v", err)
	}
	top = strings.TrimSpace(top)
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", nil, err
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	if real, err := filepath.EvalSymlinks(top); err == nil {
		top = real
	}
	rel, err := filepath.Rel(top, abs)
	if err != nil {
		return "", nil, err
	}
	tmp, err := os.MkdirTemp("", "go-plugin-lint-snapshot-")
	if err != nil {
		return "", nil, err
	}
	wt := filepath.Join(tmp, "worktree")
	if _, err := gitOutput(top, "worktree", "add", "--detach", "--quiet", wt, rev); err != nil {
		os.RemoveAll(tmp)
		return "", nil, fmt.Errorf("-rev %s: %v", rev, err)
	}
	cleanup := func() error {
		_, err := gitOutput(top, "worktree", "remove", "--force", wt)
		os.RemoveAll(tmp)
		if err != nil {
			// The directory is gone; forget the worktree's record too.
			_, err = gitOutput(top, "worktree", "prune")
		}
		return err
	}
	return filepath.Join(wt, rel), cleanup, nil
}

// gitOutput runs git in dir and returns its standard output; the error
// carries git's message.
func gitOutput(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return "", fmt.Errorf("git %s: %s", strings.Join(args, " "), strings.Join(strings.Fields(msg), " "))
	}
	return stdout.String(), nil
}

package abicheck

import (
	"errors"
	"fmt"
	"strings"
)

// Outcome classifies a prediction.
type Outcome string

const (
	// Loads: plugin.Open returns the plugin and a nil error.
	Loads Outcome = "loads"
	// Fails: plugin.Open returns an error.
	Fails Outcome = "fails"
	// Crashes: the host dies with a fatal runtime error inside plugin.Open.
	Crashes Outcome = "crashes"
	// NotReached: an earlier plugin crashed the host.
	NotReached Outcome = "not-reached"
)

// A Result is the prediction for one plugin.Open call.
type Result struct {
	Plugin  string  `json:"plugin"`
	Outcome Outcome `json:"outcome"`
	// Error is the exact error text plugin.Open returns, or the fatal
	// error the host prints.
	Error string `json:"error,omitempty"`
	// Package is the first package whose fingerprint differs.
	Package string `json:"package,omitempty"`
	// ConflictsWith names the file whose definition the plugin is
	// compared with: the host, or an earlier plugin (as given).
	ConflictsWith string `json:"conflictsWith,omitempty"`
	// Cause explains the failure from the build information.
	Cause string `json:"cause,omitempty"`
	// Changes lists the declarations of Package that changed since an
	// abidrift baseline, when the command was given one.
	Changes []string `json:"changes,omitempty"`
}

// ErrHostCannotLoad means the host does not link package plugin.
var ErrHostCannotLoad = errors.New("host does not link package plugin, so it cannot call plugin.Open")

// CheckHost returns an error when host cannot be a plugin host at all.
func CheckHost(host *Artifact) error {
	switch host.Kind {
	case NotELF:
		if host.Format != "" {
			return fmt.Errorf("%s: a %s file: abicheck reads Linux ELF files only", host.Path, host.Format)
		}
		return fmt.Errorf("%s: not an ELF file (abicheck reads Linux ELF files only)", host.Path)
	case Plugin, SharedObject:
		return fmt.Errorf("%s: host is a shared object, not an executable", host.Path)
	}
	if host.Build == nil {
		return fmt.Errorf("%s: host is not a Go executable (no Go build information)", host.Path)
	}
	if len(host.Hashes) == 0 && !cgoDisabled(host) {
		return fmt.Errorf("%s: %w", host.Path, ErrHostCannotLoad)
	}
	return nil
}

// cgoDisabled reports whether the host was built with CGO_ENABLED=0, which
// selects plugin_stubs.go: every plugin.Open fails.
func cgoDisabled(a *Artifact) bool {
	return a.Build != nil && setting(a.Build, "CGO_ENABLED") == "0"
}

// module is one Go module as the runtime tracks it: a plugin dlopen
// succeeded for.
type module struct {
	art  *Artifact
	bad  bool
	name string // the path as given to plugin.Open
}

// Predict replays plugin.Open for each plugin, in order, in a host. It
// never touches the files again: everything comes from the Artifacts.
func Predict(host *Artifact, plugins []*Artifact) ([]Result, error) {
	if err := CheckHost(host); err != nil {
		return nil, err
	}
	for _, p := range plugins {
		if err := checkPlugin(host, p); err != nil {
			return nil, err
		}
	}
	var (
		results = make([]Result, 0, len(plugins))
		// opened is plugin_dlopen.go's plugins map, keyed by real path;
		// the value is the earlier error text ("" for success).
		opened = map[string]*string{}
		// scope is the dynamic linker's global scope after the host:
		// every object dlopen accepted, in order, whatever happened next.
		scope []*Artifact
		// modules are the Go plugin modules added to the runtime's list.
		modules []*module
		crashed bool
	)
	for _, p := range plugins {
		r := Result{Plugin: p.Path}
		switch {
		case crashed:
			r.Outcome = NotReached
			r.Error = "the host crashed at an earlier plugin"
		case cgoDisabled(host):
			r.Outcome, r.Error = Fails, "plugin: not implemented"
			r.Cause = "the host was built with CGO_ENABLED=0, so its package plugin is a stub"
		default:
			r = open(host, p, opened, &scope, &modules)
			crashed = r.Outcome == Crashes
		}
		results = append(results, r)
	}
	return results, nil
}

// open predicts one plugin.Open(p.Path), updating the loader state.
func open(host, p *Artifact, opened map[string]*string, scope *[]*Artifact, modules *[]*module) Result {
	r := Result{Plugin: p.Path, Outcome: Fails}
	given := p.Path
	if prev, ok := opened[p.RealPath]; ok {
		if *prev == "" {
			r.Outcome = Loads
			return r
		}
		r.Error = openPrefix(given) + *prev + " (previous failure)"
		r.Cause = "the same file failed to load earlier"
		return r
	}
	if msg := dlopenError(p); msg != "" {
		r.Error = openPrefix(given) + p.RealPath + ": " + msg
		r.Cause = "dlopen refuses the file"
		return r
	}
	// dlopen of a file already mapped (a hard link: same device and
	// inode, another real path) returns the old handle; nothing new joins
	// the scope or the module list.
	var mappedAs *Artifact
	for _, s := range *scope {
		if s.dev == p.dev && s.inode == p.inode && s.dev|s.inode != 0 {
			mappedAs = s
			break
		}
	}
	if mappedAs == nil {
		*scope = append(*scope, p)
	}
	name := given
	if len(name) > 3 && strings.HasSuffix(name, ".so") {
		name = strings.TrimSuffix(name, ".so")
	}
	fail := func(errstr string) Result {
		r.Error = openPrefix(name) + errstr
		opened[p.RealPath] = &errstr
		return r
	}
	if p.Kind != Plugin || mappedAs != nil {
		// lastmoduleinit looks at the last module in the runtime's list.
		why := "the file is not a Go plugin, so it adds no Go module"
		if mappedAs != nil {
			why = fmt.Sprintf("the file is the same file as %s (a hard link), so dlopen maps nothing new", mappedAs.Path)
		}
		mods := *modules
		if len(mods) == 0 || mods[len(mods)-1].bad {
			r.Outcome = Crashes
			r.Error = "fatal error: runtime: no plugin module data"
			r.Cause = why + ", and the runtime's last module is not a loaded plugin"
			return r
		}
		r.Cause = fmt.Sprintf("%s, and the runtime finds the last loaded plugin (%s) already initialised", why, mods[len(mods)-1].name)
		return fail("plugin already loaded")
	}
	m := &module{art: p, name: given}
	*modules = append(*modules, m)
	for _, o := range *modules {
		if o != m && !o.bad && o.art.PluginPath == p.PluginPath && p.PluginPath != "" {
			m.bad = true
			r.ConflictsWith = o.name
			r.Cause = fmt.Sprintf("%s has the same plugin path %s (each plugin's main package must have its own import path)", o.name, p.PluginPath)
			return fail("plugin already loaded")
		}
	}
	for _, pkg := range p.Order {
		def, defName := resolve(host, *scope, pkg)
		if def == nil || def == p || def.Hashes[pkg] == p.Hashes[pkg] {
			continue
		}
		m.bad = true
		r.Package = pkg
		r.ConflictsWith = defName
		r.Cause = explain(pkg, def, p, defName)
		for _, o := range *modules {
			if o.art == def && o.bad {
				r.Cause += fmt.Sprintf("; %s failed to load, but the dynamic linker keeps its symbols", defName)
			}
		}
		return fail("plugin was built with a different version of package " + pkg)
	}
	opened[p.RealPath] = new(string)
	r.Outcome = Loads
	return r
}

// resolve returns the object whose go:link.pkghash.<pkg> the dynamic
// linker binds: the host first, then the global scope in load order.
func resolve(host *Artifact, scope []*Artifact, pkg string) (*Artifact, string) {
	if _, ok := host.Hashes[pkg]; ok {
		return host, "the host"
	}
	for _, s := range scope {
		if _, ok := s.Hashes[pkg]; ok {
			return s, s.Path
		}
	}
	return nil, ""
}

// dlopenError returns glibc's dlerror text (after "PATH: ") for a file
// dlopen refuses, or "" when dlopen would map it.
func dlopenError(p *Artifact) string {
	switch {
	case p.Kind == NotELF && p.Size < elfHeaderSize(p):
		return "file too short"
	case p.Kind == NotELF:
		return "invalid ELF header"
	case p.Kind == Executable && p.elf.pie:
		return "cannot dynamically load position-independent executable"
	case p.Kind == Executable:
		return "cannot dynamically load executable"
	}
	return ""
}

// elfHeaderSize is sizeof(Elf64_Ehdr): glibc reads that much first.
func elfHeaderSize(*Artifact) int64 { return 64 }

// checkPlugin rejects plugins whose loader message abicheck cannot know:
// files of another executable format, and ELF files for another machine
// or class (glibc's wording for those varies between versions).
func checkPlugin(host, p *Artifact) error {
	if p.Format != "" {
		return fmt.Errorf("%s: a %s file: abicheck reads Linux ELF files only", p.Path, p.Format)
	}
	if p.elf == nil || host.elf == nil {
		return nil
	}
	if p.elf.machine != host.elf.machine || p.elf.class != host.elf.class {
		return fmt.Errorf("%s: built for %v (%v) but the host is %v (%v): dlopen refuses it, with a message abicheck does not predict",
			p.Path, p.elf.machine, p.elf.class, host.elf.machine, host.elf.class)
	}
	return nil
}

// openPrefix is how plugin_dlopen.go starts its errors: the name between
// plain double quotes, unescaped (it concatenates strings; %q would escape
// backslashes, quotes and control characters differently).
func openPrefix(name string) string {
	return `plugin.Open("` + name + `"): `
}

package abicheck

import (
	"bytes"
	"debug/buildinfo"
	"debug/elf"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Kind says what a file is, as far as plugin.Open is concerned.
type Kind int

const (
	// NotELF is a file without an ELF header: dlopen refuses it.
	NotELF Kind = iota
	// Executable is an ELF executable: dlopen refuses it.
	Executable
	// SharedObject is an ELF shared object that is not a Go plugin (a C
	// library): dlopen accepts it, but it adds no Go module.
	SharedObject
	// Plugin is a Go plugin (go build -buildmode=plugin).
	Plugin
)

// An Artifact is one inspected file.
type Artifact struct {
	// Path is the path as given; RealPath is what realpath(3) gives,
	// which plugin.Open uses to remember plugins and which dlopen's
	// messages name.
	Path, RealPath string
	Kind           Kind
	// Size is the file size; dlopen says "file too short" below one
	// ELF header.
	Size int64
	// Build is the Go build information, nil when the file has none.
	Build *buildinfo.BuildInfo
	// Hashes maps package paths to link-time fingerprints, as defined
	// by this file's dynamic symbols.
	Hashes map[string]string
	// Order is the order in which the runtime checks a plugin's
	// packages.
	Order []string
	// PluginPath is the plugin's plugin path (its main package's import
	// path, or plugin/unnamed-HASH), empty for other files.
	PluginPath string
	// Format names a known executable format other than ELF (Mach-O,
	// PE, XCOFF); abicheck reads Linux ELF files only.
	Format string

	elf   *elfInfo
	dev   uint64
	inode uint64
}

// Read inspects the file at path without loading it. The error is a
// one-line, lower-case message naming the path.
func Read(path string) (*Artifact, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, pathErr(err))
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", path)
	}
	// realpath(3) resolves every component of the absolute path; Abs
	// may start from a $PWD reached through a symbolic link, which
	// EvalSymlinks then resolves too.
	real, err := filepath.Abs(path)
	if err == nil {
		real, err = filepath.EvalSymlinks(real)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: cannot resolve the real path: %v", path, err)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, pathErr(err))
	}
	defer f.Close()
	a, err := parse(f, fi.Size())
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	a.Path, a.RealPath, a.Size = path, real, fi.Size()
	a.dev, a.inode = fileID(fi)
	return a, nil
}

// pathErr drops the operation and path from an *fs.PathError: the
// message names the path once, as given.
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// readerAt is what parse needs: *os.File and *bytes.Reader have it.
type readerAt interface {
	ReadAt(p []byte, off int64) (int, error)
}

// parse classifies and reads one file's contents. It never panics: the
// files are external input, and debug/elf and debug/buildinfo have both
// panicked on crafted files in past releases, so a panic below becomes a
// corrupt-file error instead of killing a CI gate.
func parse(r readerAt, size int64) (a *Artifact, err error) {
	defer func() {
		if p := recover(); p != nil {
			a, err = nil, fmt.Errorf("corrupt ELF file: %v", p)
		}
	}()
	a = &Artifact{Size: size}
	info, err := readELF(r)
	if errors.Is(err, errNotELF) {
		a.Kind = NotELF
		a.Format = foreignFormat(r)
		return a, nil
	}
	if err != nil {
		return nil, err
	}
	a.elf = info
	a.Hashes, a.Order = info.hashes, info.order
	if bi, err := readBuildInfo(r); err == nil {
		a.Build = bi
	}
	switch {
	case info.typ == elf.ET_EXEC || info.pie:
		a.Kind = Executable
	case info.typ == elf.ET_DYN && len(info.order) > 0:
		a.Kind = Plugin
		a.PluginPath = pluginPath(a)
	default:
		a.Kind = SharedObject
	}
	return a, nil
}

// readBuildInfo reads the Go build information; debug/buildinfo wants an
// io.ReaderAt, which readerAt is.
func readBuildInfo(r readerAt) (*buildinfo.BuildInfo, error) {
	return buildinfo.Read(r)
}

// pluginPath finds which of the plugin's packages is its main package,
// whose name is the plugin path cmd/go passes with -pluginpath: the import
// path, or plugin/unnamed-HASH for a plugin built from a list of files.
func pluginPath(a *Artifact) string {
	if a.Build != nil && a.Build.Path != "" && a.Build.Path != "command-line-arguments" {
		for _, cand := range []string{a.Build.Path, pathToPrefix(a.Build.Path)} {
			if _, ok := a.Hashes[cand]; ok {
				return cand
			}
		}
	}
	for _, pkg := range a.Order {
		if strings.HasPrefix(pkg, "plugin/unnamed-") {
			return pkg
		}
	}
	return ""
}

// pathToPrefix escapes an import path the way cmd/internal/objabi does for
// symbol names: control characters, space, '%', '"' and any '.' after the
// last slash become %xx.
func pathToPrefix(s string) string {
	slash := strings.LastIndex(s, "/")
	var b bytes.Buffer
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || (c == '.' && i > slash) || c == '%' || c == '"' || c >= 0x7F {
			fmt.Fprintf(&b, "%%%02x", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// foreignFormat names the executable format of a file that is not ELF, or
// returns "" for other content: a Mach-O or PE plugin is a mistake in how
// abicheck is run, not something dlopen on Linux would be asked to load.
func foreignFormat(r readerAt) string {
	var m [4]byte
	if n, _ := r.ReadAt(m[:], 0); n < 2 {
		return ""
	}
	switch {
	case string(m[:2]) == "MZ":
		return "PE"
	case string(m[:2]) == "\x01\xdf" || string(m[:2]) == "\x01\xf7":
		return "XCOFF"
	}
	switch binary.BigEndian.Uint32(m[:]) {
	case 0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe:
		return "Mach-O"
	}
	return ""
}

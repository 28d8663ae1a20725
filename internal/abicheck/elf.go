package abicheck

import (
	"debug/elf"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Symbol name prefixes the Go linker gives the package fingerprints
// (cmd/link/internal/ld/symtab.go).
const (
	hashBytesPrefix = "go:link.pkghashbytes."
	hashPrefix      = "go:link.pkghash."
)

// fingerprintSize is len(sym.Library.Fingerprint).
const fingerprintSize = 8

// elfInfo is what abicheck needs from one ELF file.
type elfInfo struct {
	typ     elf.Type
	machine elf.Machine
	class   elf.Class
	pie     bool // ET_DYN with a program interpreter: an executable
	// hashes maps a package path to its link-time fingerprint.
	hashes map[string]string
	// order lists the packages in the order the runtime checks them: the
	// order of the plugin's pkghashes table. Only plugins have one.
	order []string
	// exports reports whether the file defines dynamic symbols at all.
	exports bool
}

// errNotELF marks input that is not an ELF file; dlopen refuses it with
// "invalid ELF header" or "file too short".
var errNotELF = errors.New("not an ELF file")

// readELF reads the dynamic symbols and relocations of an ELF file. It
// returns errNotELF (wrapped) for input without an ELF header, and another
// error for a corrupt ELF file. It never panics.
func readELF(r io.ReaderAt) (info *elfInfo, err error) {
	var magic [4]byte
	if _, err := r.ReadAt(magic[:], 0); err != nil || string(magic[:]) != elf.ELFMAG {
		return nil, errNotELF
	}
	f, err := elf.NewFile(r)
	if err != nil {
		return nil, fmt.Errorf("corrupt ELF file: %v", err)
	}
	defer f.Close()
	info = &elfInfo{
		typ:     f.Type,
		machine: f.Machine,
		class:   f.Class,
		hashes:  map[string]string{},
	}
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			info.pie = f.Type == elf.ET_DYN
		}
	}
	syms, err := f.DynamicSymbols()
	if err != nil {
		if errors.Is(err, elf.ErrNoSymbols) {
			return info, nil
		}
		return nil, fmt.Errorf("corrupt ELF dynamic symbol table: %v", err)
	}
	info.exports = len(syms) > 0
	for _, s := range syms {
		pkg, ok := strings.CutPrefix(s.Name, hashBytesPrefix)
		if !ok || s.Section == elf.SHN_UNDEF {
			continue
		}
		h, err := readAt(f, s.Value, fingerprintSize)
		if err != nil {
			return nil, fmt.Errorf("cannot read fingerprint of package %s: %v", pkg, err)
		}
		info.hashes[pkg] = string(h)
	}
	order, err := hashOrder(f, syms)
	if err != nil {
		return nil, err
	}
	info.order = order
	return info, nil
}

// readAt reads n bytes at virtual address addr from the loadable segment
// that holds them; segments survive strip, sections need not.
func readAt(f *elf.File, addr uint64, n int) ([]byte, error) {
	for _, p := range f.Progs {
		if p.Type != elf.PT_LOAD || addr < p.Vaddr || addr-p.Vaddr >= p.Filesz || p.Filesz-(addr-p.Vaddr) < uint64(n) {
			continue
		}
		buf := make([]byte, n)
		if _, err := p.ReadAt(buf, int64(addr-p.Vaddr)); err != nil {
			return nil, err
		}
		return buf, nil
	}
	return nil, fmt.Errorf("address %#x is outside the file's loadable segments", addr)
}

// hashOrder recovers the order of a plugin's pkghashes table, which the
// runtime walks to find the first mismatching package. Each entry's
// runtimehash field is a dynamic relocation against go:link.pkghash.<pkg>
// (so that the dynamic linker can bind it to the host's symbol); the
// entries are consecutive, so the relocation offsets give the order.
func hashOrder(f *elf.File, syms []elf.Symbol) ([]string, error) {
	type ref struct {
		off uint64
		pkg string
	}
	var refs []ref
	for _, sec := range f.Sections {
		if sec.Type != elf.SHT_RELA || f.Class != elf.ELFCLASS64 {
			continue
		}
		if int(sec.Link) >= len(f.Sections) || f.Sections[sec.Link].Type != elf.SHT_DYNSYM {
			continue
		}
		data, err := sec.Data()
		if err != nil {
			return nil, fmt.Errorf("corrupt relocation section %s: %v", sec.Name, err)
		}
		bo := f.ByteOrder
		for i := 0; i+24 <= len(data); i += 24 {
			off := bo.Uint64(data[i:])
			symIndex := elf.R_SYM64(bo.Uint64(data[i+8:]))
			// Index 0 is the null symbol, which DynamicSymbols omits.
			if symIndex == 0 || int(symIndex) > len(syms) {
				continue
			}
			if pkg, ok := strings.CutPrefix(syms[symIndex-1].Name, hashPrefix); ok {
				refs = append(refs, ref{off, pkg})
			}
		}
	}
	slices.SortFunc(refs, func(a, b ref) int {
		if a.off != b.off {
			if a.off < b.off {
				return -1
			}
			return 1
		}
		return strings.Compare(a.pkg, b.pkg)
	})
	var order []string
	seen := map[string]bool{}
	for _, r := range refs {
		if !seen[r.pkg] {
			seen[r.pkg] = true
			order = append(order, r.pkg)
		}
	}
	return order, nil
}

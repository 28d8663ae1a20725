//go:build unix

package abicheck

import (
	"io/fs"
	"syscall"
)

// fileID returns the device and inode dlopen uses to recognise a file it
// has already mapped, whatever name it is opened under.
func fileID(fi fs.FileInfo) (dev, inode uint64) {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Dev), uint64(st.Ino)
	}
	return 0, 0
}

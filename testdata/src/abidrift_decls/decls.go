// Package abidrift_decls is the new API: each change of a declaration
// is reported at it, removals at the package clause.
package abidrift_decls // want `breaking: const Removed removed since the baseline: code that uses it no longer compiles` `breaking: func Gone removed since the baseline`

const Limit = 20 // want `breaking: const Limit value changed from 10 to 20 since the baseline: code written against the old declaration no longer compiles`

const Name string = "x"

const Pi = 3.14

var Default int64 // want `breaking: var Default changed from int to int64 since the baseline`

func Open(path string, mode int) error { return nil } // want `breaking: func Open changed from func\(string\) error to func\(string, int\) error since the baseline`

func Added() {} // want `compatible: func Added added since the baseline`

type Config struct { // want `breaking: method Config.String removed since the baseline`
	Name string
	Size int
}

func (c *Config) Validate() error { return nil }

func (c *Config) Reset() {} // want `compatible: method \(\*Config\).Reset added since the baseline`

type Options struct { // want `layout: struct Options changed since the baseline \(size 1 → 24 bytes, alignment 1 → 8, field offsets \[0\] → \[0 8\], pointer words "" → ".p" on linux/amd64, linux/arm64; size 1 → 12 bytes, alignment 1 → 4, field offsets \[0\] → \[0 4\], pointer words "" → ".p" on linux/386\): binaries sharing its memory \(cgo, mmap, unsafe, prebuilt plugins\) now read it wrongly`
	Verbose bool
	Extra   string // want `compatible: field Options.Extra added since the baseline`
}

func helper() {}

// Package abidrift_layout has structs whose layout changes without any
// source-level change.
package abidrift_layout

import "time"

type Header struct { // want `layout: struct Header changed since the baseline \(size 24 → 16 bytes, field offsets \[0 8 16\] → \[0 8 9\] on linux/amd64, linux/arm64; size 16 → 12 bytes, field offsets \[0 4 12\] → \[0 8 9\] on linux/386\): binaries sharing its memory`
	B int64
	A int8
	C int8
}

type Ptrs struct { // want `layout: struct Ptrs changed since the baseline \(pointer words "p" → "" on linux/amd64, linux/arm64, linux/386\)`
	p uintptr
	N int
}

type Grow struct { // want `layout: struct Grow changed since the baseline \(size 24 → 32 bytes`
	Name  string
	id    int32
	extra int64
}

type Stable struct {
	When time.Time
	N    int
}

// Package abidrift_layout has structs whose layout changes without any
// source-level change.
package abidrift_layout

import "time"

type Header struct {
	A int8
	B int64
	C int8
}

type Ptrs struct {
	p *int
	N int
}

type Grow struct {
	Name string
	id   int32
}

type Stable struct {
	When time.Time
	N    int
}

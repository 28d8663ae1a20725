package local

// Implemented only by a type in a generated file: silent.
type store2 interface {
	Load() string
}

func load(s store2) string { return s.Load() }

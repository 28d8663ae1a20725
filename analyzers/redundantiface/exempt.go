package redundantiface

import (
	"go/types"
	"regexp"
	"strconv"
)

// standardMethods are the methods of the standard library's well-known
// interfaces, by name and signature. An interface method with one of these
// shapes is needed whenever its values reach code that checks for the
// standard interface (fmt printing an error or a Stringer, io.Copy looking
// for WriterTo, encoding/json looking for Marshaler), which no call graph
// of the run shows.
var standardMethods = map[string][]string{
	"Error":           {"func() string"},
	"String":          {"func() string"},
	"GoString":        {"func() string"},
	"Format":          {"func(fmt.State, rune)"},
	"Read":            {"func([]byte) (int, error)"},
	"Write":           {"func([]byte) (int, error)"},
	"Close":           {"func() error"},
	"Seek":            {"func(int64, int) (int64, error)"},
	"ReadAt":          {"func([]byte, int64) (int, error)"},
	"WriteAt":         {"func([]byte, int64) (int, error)"},
	"ReadFrom":        {"func(io.Reader) (int64, error)"},
	"WriteTo":         {"func(io.Writer) (int64, error)"},
	"WriteString":     {"func(string) (int, error)"},
	"ReadByte":        {"func() (byte, error)"},
	"WriteByte":       {"func(byte) error"},
	"UnreadByte":      {"func() error"},
	"ReadRune":        {"func() (rune, int, error)"},
	"UnreadRune":      {"func() error"},
	"Len":             {"func() int"},
	"Less":            {"func(int, int) bool"},
	"Swap":            {"func(int, int)"},
	"Push":            {"func(any)", "func(interface{})"},
	"Pop":             {"func() any", "func() interface{}"},
	"Unwrap":          {"func() error", "func() []error"},
	"Is":              {"func(error) bool"},
	"As":              {"func(any) bool", "func(interface{}) bool"},
	"MarshalJSON":     {"func() ([]byte, error)"},
	"UnmarshalJSON":   {"func([]byte) error"},
	"MarshalText":     {"func() ([]byte, error)"},
	"UnmarshalText":   {"func([]byte) error"},
	"MarshalBinary":   {"func() ([]byte, error)"},
	"UnmarshalBinary": {"func([]byte) error"},
	"MarshalYAML":     {"func() (any, error)", "func() (interface{}, error)"},
	"UnmarshalYAML":   {"func(func(any) error) error", "func(func(interface{}) error) error"},
	"Value":           {"func() (database/sql/driver.Value, error)"},
	"Scan":            {"func(any) error", "func(interface{}) error"},
	"ServeHTTP":       {"func(net/http.ResponseWriter, *net/http.Request)"},
	"Deadline":        {"func() (time.Time, bool)"},
	"Done":            {"func() <-chan struct{}"},
	"Err":             {"func() error"},
	"DeepCopyObject":  {"func() k8s.io/apimachinery/pkg/runtime.Object"},
}

// exemptMethod says why an interface method is never reported as never
// called, or "" when it may be.
func exemptMethod(m *types.Func, sig *types.Signature, s string) string {
	for _, want := range standardMethods[m.Name()] {
		if s == want {
			return "standard"
		}
	}
	// A sum-type marker (isShape()) exists to be implemented, not called.
	if !m.Exported() && sig.Params().Len() == 0 && sig.Results().Len() == 0 {
		return "marker"
	}
	return ""
}

var versioned = regexp.MustCompile(`^(.*?)[Vv]([0-9]+)$`)

// successor returns the name among names that looks like the next version
// of name (ProcessorV2 for ProcessorV1, GetV3 for GetV2), or "".
func successor(name string, names []string) string {
	m := versioned.FindStringSubmatch(name)
	if m == nil || m[1] == "" {
		return ""
	}
	v, err := strconv.Atoi(m[2])
	if err != nil {
		return ""
	}
	best, bestV := "", v
	for _, other := range names {
		o := versioned.FindStringSubmatch(other)
		if o == nil || o[1] != m[1] {
			continue
		}
		ov, err := strconv.Atoi(o[2])
		if err != nil || ov <= v {
			continue
		}
		if best == "" || ov < bestV {
			best, bestV = other, ov
		}
	}
	return best
}

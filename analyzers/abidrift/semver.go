package abidrift

import (
	"fmt"
	"strconv"
	"strings"
)

// Bump says which version bump the changes require, following gorelease:
// a breaking change needs a new major version (a minor one below v1),
// compatible additions a minor one, anything else a patch. module is the
// module path, whose /vN suffix gives the major version when version (the
// last release, from the baseline) is unknown.
func Bump(module, version string, breaking, compatible, layout bool) string {
	major, minor, patch, known := parseVersion(version)
	if !known {
		major = pathMajor(module)
	}
	note := ""
	if layout && !breaking && !compatible {
		note = " (layout changes do not change the API, but binaries sharing the structs' memory must be rebuilt)"
	}
	switch {
	case breaking && known && major == 0:
		return fmt.Sprintf("a minor version bump is required, since the module is below v1 (%s → v0.%d.0)", version, minor+1)
	case breaking && known:
		return fmt.Sprintf("a major version bump is required (%s → v%d.0.0, module path %s)", version, major+1, withMajor(module, major+1))
	case breaking && major >= 2:
		return fmt.Sprintf("a major version bump is required (v%d → v%d, module path %s)", major, major+1, withMajor(module, major+1))
	case breaking:
		return fmt.Sprintf("a major version bump is required (v1 → v2, module path %s), or a minor one while the module is below v1", withMajor(module, 2))
	case compatible && known:
		return fmt.Sprintf("a minor version bump is required (%s → v%d.%d.0)", version, major, minor+1)
	case compatible:
		return "a minor version bump is required"
	case known:
		return fmt.Sprintf("a patch version bump suffices (%s → v%d.%d.%d)%s", version, major, minor, patch+1, note)
	}
	return "a patch version bump suffices" + note
}

// parseVersion parses vMAJOR.MINOR.PATCH, ignoring a prerelease or build
// suffix.
func parseVersion(v string) (major, minor, patch int, ok bool) {
	rest, ok := strings.CutPrefix(v, "v")
	if !ok {
		return 0, 0, 0, false
	}
	if i := strings.IndexAny(rest, "-+"); i >= 0 {
		rest = rest[:i]
	}
	parts := strings.Split(rest, ".")
	if len(parts) != 3 {
		return 0, 0, 0, false
	}
	var n [3]int
	for i, p := range parts {
		x, err := strconv.Atoi(p)
		if err != nil || x < 0 {
			return 0, 0, 0, false
		}
		n[i] = x
	}
	return n[0], n[1], n[2], true
}

// pathMajor returns N for a module path ending in /vN (N ≥ 2), else 1.
func pathMajor(module string) int {
	i := strings.LastIndex(module, "/v")
	if i < 0 {
		return 1
	}
	n, err := strconv.Atoi(module[i+2:])
	if err != nil || n < 2 || strconv.Itoa(n) != module[i+2:] {
		return 1
	}
	return n
}

// withMajor returns module with the /vN suffix for major version n.
func withMajor(module string, n int) string {
	if module == "" {
		return fmt.Sprintf(".../v%d", n)
	}
	if pathMajor(module) >= 2 {
		module = module[:strings.LastIndex(module, "/v")]
	}
	return fmt.Sprintf("%s/v%d", module, n)
}

// MajorOf returns the major version of a vX.Y.Z version, or -1.
func MajorOf(version string) int {
	major, _, _, ok := parseVersion(version)
	if !ok {
		return -1
	}
	if major == 0 {
		return 1 // v0 and v1 share the module path without suffix
	}
	return major
}

// PathMajor returns N for a module path ending in /vN (N ≥ 2), else 1.
func PathMajor(module string) int { return pathMajor(module) }

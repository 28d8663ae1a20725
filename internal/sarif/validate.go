package sarif

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
)

// Validate checks data against the required structure of the SARIF 2.1.0
// schema (required properties, enums, minimums, uri syntax) and against the
// rules GitHub code scanning adds (ruleIndex agrees with ruleId, every
// result has a physical location). It checks the JSON as written, not our
// Go types, so it also catches encoding mistakes. The checks are written
// from the schema's text, not generated from it.
func Validate(data []byte) error {
	var log map[string]any
	if err := json.Unmarshal(data, &log); err != nil {
		return fmt.Errorf("not JSON: %v", err)
	}
	v := &validator{}
	v.log(log)
	if len(v.errs) > 0 {
		return fmt.Errorf("%s", strings.Join(v.errs, "; "))
	}
	return nil
}

type validator struct{ errs []string }

func (v *validator) errorf(format string, args ...any) {
	v.errs = append(v.errs, fmt.Sprintf(format, args...))
}

func (v *validator) object(path string, x any) map[string]any {
	m, ok := x.(map[string]any)
	if !ok {
		v.errorf("%s: want an object, got %T", path, x)
	}
	return m
}

func (v *validator) array(path string, x any) []any {
	a, ok := x.([]any)
	if !ok {
		v.errorf("%s: want an array, got %T", path, x)
	}
	return a
}

func (v *validator) str(path string, m map[string]any, key string, required bool) string {
	x, ok := m[key]
	if !ok {
		if required {
			v.errorf("%s: missing required %q", path, key)
		}
		return ""
	}
	s, ok := x.(string)
	if !ok {
		v.errorf("%s.%s: want a string, got %T", path, key, x)
	}
	return s
}

func (v *validator) integer(path string, m map[string]any, key string, min int, required bool) (int, bool) {
	x, ok := m[key]
	if !ok {
		if required {
			v.errorf("%s: missing required %q", path, key)
		}
		return 0, false
	}
	f, ok := x.(float64)
	if !ok || f != float64(int(f)) {
		v.errorf("%s.%s: want an integer, got %v", path, key, x)
		return 0, false
	}
	if int(f) < min {
		v.errorf("%s.%s: %d is below the minimum %d", path, key, int(f), min)
	}
	return int(f), true
}

func (v *validator) uri(path string, s string, absolute bool) {
	u, err := url.Parse(s)
	if err != nil {
		v.errorf("%s: bad uri %q: %v", path, s, err)
		return
	}
	if absolute && !u.IsAbs() {
		v.errorf("%s: uri %q must be absolute", path, s)
	}
	if strings.Contains(s, `\`) {
		v.errorf("%s: uri %q has backslashes", path, s)
	}
}

func (v *validator) message(path string, x any) {
	m := v.object(path, x)
	if m == nil {
		return
	}
	// message: anyOf required text, required id; we always write text.
	if v.str(path, m, "text", true) == "" {
		v.errorf("%s.text: empty", path)
	}
}

func (v *validator) log(log map[string]any) {
	if s := v.str("sarifLog", log, "$schema", false); s != "" {
		v.uri("sarifLog.$schema", s, true)
	}
	if ver := v.str("sarifLog", log, "version", true); ver != "2.1.0" {
		v.errorf("sarifLog.version: %q, want \"2.1.0\"", ver)
	}
	runs := v.array("sarifLog.runs", log["runs"])
	if len(runs) != 1 {
		v.errorf("sarifLog.runs: %d runs, want 1", len(runs))
	}
	for i, r := range runs {
		v.run(fmt.Sprintf("runs[%d]", i), r)
	}
}

func (v *validator) run(path string, x any) {
	run := v.object(path, x)
	if run == nil {
		return
	}
	tool := v.object(path+".tool", run["tool"])
	if tool == nil {
		return
	}
	driver := v.object(path+".tool.driver", tool["driver"])
	if driver == nil {
		return
	}
	v.str(path+".tool.driver", driver, "name", true)
	if s := v.str(path+".tool.driver", driver, "informationUri", false); s != "" {
		v.uri(path+".tool.driver.informationUri", s, true)
	}
	var ruleIDs []string
	if rules, ok := driver["rules"]; ok {
		seen := map[string]bool{}
		for i, r := range v.array(path+".tool.driver.rules", rules) {
			rp := fmt.Sprintf("%s.tool.driver.rules[%d]", path, i)
			rule := v.object(rp, r)
			if rule == nil {
				continue
			}
			id := v.str(rp, rule, "id", true)
			if seen[id] {
				v.errorf("%s.id: duplicate %q", rp, id)
			}
			seen[id] = true
			ruleIDs = append(ruleIDs, id)
			for _, k := range []string{"shortDescription", "fullDescription", "help"} {
				if m, ok := rule[k]; ok {
					v.message(rp+"."+k, m)
				}
			}
			if s := v.str(rp, rule, "helpUri", false); s != "" {
				v.uri(rp+".helpUri", s, true)
			}
			if dc, ok := rule["defaultConfiguration"]; ok {
				if m := v.object(rp+".defaultConfiguration", dc); m != nil {
					v.level(rp+".defaultConfiguration", m)
				}
			}
		}
	}
	if ck := v.str(path, run, "columnKind", false); ck != "" && ck != "utf16CodeUnits" && ck != "unicodeCodePoints" {
		v.errorf("%s.columnKind: %q not in the enum", path, ck)
	}
	if bases, ok := run["originalUriBaseIds"]; ok {
		for id, b := range v.object(path+".originalUriBaseIds", bases) {
			bp := path + ".originalUriBaseIds." + id
			if m := v.object(bp, b); m != nil {
				s := v.str(bp, m, "uri", true)
				v.uri(bp+".uri", s, true)
				if !strings.HasSuffix(s, "/") {
					v.errorf("%s.uri: %q must end with '/'", bp, s)
				}
			}
		}
	}
	results, ok := run["results"]
	if !ok {
		return
	}
	for i, r := range v.array(path+".results", results) {
		v.result(fmt.Sprintf("%s.results[%d]", path, i), r, ruleIDs)
	}
}

func (v *validator) level(path string, m map[string]any) {
	switch l := v.str(path, m, "level", false); l {
	case "", "none", "note", "warning", "error":
	default:
		v.errorf("%s.level: %q not in the enum", path, l)
	}
}

func (v *validator) result(path string, x any, ruleIDs []string) {
	res := v.object(path, x)
	if res == nil {
		return
	}
	v.message(path+".message", res["message"])
	v.level(path, res)
	id := v.str(path, res, "ruleId", false)
	if idx, ok := v.integer(path, res, "ruleIndex", -1, false); ok && idx >= 0 {
		if idx >= len(ruleIDs) {
			v.errorf("%s.ruleIndex: %d out of range", path, idx)
		} else if ruleIDs[idx] != id {
			v.errorf("%s: ruleIndex %d names %q, ruleId is %q", path, idx, ruleIDs[idx], id)
		}
	}
	locs := v.array(path+".locations", res["locations"])
	if len(locs) == 0 {
		v.errorf("%s.locations: code scanning needs a location", path)
	}
	for i, l := range locs {
		lp := fmt.Sprintf("%s.locations[%d]", path, i)
		loc := v.object(lp, l)
		if loc == nil {
			continue
		}
		phys := v.object(lp+".physicalLocation", loc["physicalLocation"])
		if phys == nil {
			continue
		}
		art := v.object(lp+".physicalLocation.artifactLocation", phys["artifactLocation"])
		if art != nil {
			uri := v.str(lp+".physicalLocation.artifactLocation", art, "uri", true)
			base := v.str(lp+".physicalLocation.artifactLocation", art, "uriBaseId", false)
			v.uri(lp+".physicalLocation.artifactLocation.uri", uri, base == "")
			if base != "" && strings.HasPrefix(uri, "/") {
				v.errorf("%s: uri %q relative to %s must not start with '/'", lp, uri, base)
			}
		}
		if r, ok := phys["region"]; ok {
			rp := lp + ".physicalLocation.region"
			if reg := v.object(rp, r); reg != nil {
				sl, _ := v.integer(rp, reg, "startLine", 1, true)
				v.integer(rp, reg, "startColumn", 1, false)
				if el, ok := v.integer(rp, reg, "endLine", 1, false); ok && el < sl {
					v.errorf("%s: endLine %d before startLine %d", rp, el, sl)
				}
				v.integer(rp, reg, "endColumn", 1, false)
			}
		}
	}
	if fp, ok := res["partialFingerprints"]; ok {
		for k, val := range v.object(path+".partialFingerprints", fp) {
			if _, ok := val.(string); !ok {
				v.errorf("%s.partialFingerprints.%s: want a string", path, k)
			}
		}
	}
}

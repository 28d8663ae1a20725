package sarif

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
)

// RuleInfo describes one analyzer for the rules table.
type RuleInfo struct {
	ID      string // analyzer name
	Summary string // first sentence of the doc
	Doc     string // whole doc
	HelpURI string
}

// Finding is one located finding, ready for SARIF. Columns are 1-based in
// Unicode code points (see the command's conversion from byte columns).
type Finding struct {
	RuleID  string
	Message string
	// URI is relative to %SRCROOT% when Relative, else an absolute file URI.
	URI      string
	Relative bool
	Line     int
	Column   int
	EndLine  int
	EndCol   int
	// Key is the line-independent identity of the finding (file, analyzer,
	// declaration, message), and Occurrence its index among findings with
	// the same key, so that two identical findings differ.
	Key        string
	Occurrence int
}

// New builds the log. rootURI is the file URI of %SRCROOT% (ending in
// '/'). Rules for findings whose RuleID is not in rules are added, so every
// result's ruleIndex points at its rule.
func New(toolName, infoURI, version, rootURI string, rules []RuleInfo, findings []Finding) *Log {
	run := Run{
		Tool: Tool{Driver: Driver{
			Name:           toolName,
			InformationURI: infoURI,
			Version:        version,
			Rules:          []Rule{},
		}},
		ColumnKind: "unicodeCodePoints",
		Results:    []Result{},
	}
	if rootURI != "" {
		run.OriginalURIBaseID = map[string]ArtifactLocation{SrcRoot: {URI: rootURI}}
	}
	index := map[string]int{}
	addRule := func(r RuleInfo) int {
		if i, ok := index[r.ID]; ok {
			return i
		}
		index[r.ID] = len(run.Tool.Driver.Rules)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, Rule{
			ID:               r.ID,
			Name:             r.ID,
			ShortDescription: Message{nonEmpty(r.Summary, r.ID)},
			FullDescription:  Message{nonEmpty(r.Doc, r.ID)},
			Help:             Message{nonEmpty(r.Doc, r.ID)},
			HelpURI:          r.HelpURI,
			Default:          Configuration{Level: "warning"},
		})
		return index[r.ID]
	}
	for _, r := range rules {
		addRule(r)
	}
	for _, f := range findings {
		loc := PhysicalLocation{ArtifactLocation: ArtifactLocation{URI: f.URI}}
		if f.Relative {
			loc.ArtifactLocation.URIBaseID = SrcRoot
		}
		if f.Line > 0 {
			r := &Region{StartLine: f.Line, StartColumn: f.Column}
			if f.EndLine >= f.Line && (f.EndLine > f.Line || f.EndCol >= f.Column) {
				r.EndLine, r.EndColumn = f.EndLine, f.EndCol
			}
			loc.Region = r
		}
		run.Results = append(run.Results, Result{
			RuleID:              f.RuleID,
			RuleIndex:           addRule(RuleInfo{ID: f.RuleID}),
			Level:               "warning",
			Message:             Message{f.Message},
			Locations:           []Location{{loc}},
			PartialFingerprints: map[string]string{FingerprintKey: Fingerprint(f.Key, f.Occurrence)},
		})
	}
	return &Log{Schema: SchemaURI, Version: Version, Runs: []Run{run}}
}

// Fingerprint hashes a finding's line-independent key and occurrence.
func Fingerprint(key string, occurrence int) string {
	h := sha256.Sum256([]byte(key + "\x00" + strconv.Itoa(occurrence)))
	return hex.EncodeToString(h[:16])
}

func nonEmpty(s, fallback string) string {
	if strings.TrimSpace(s) == "" {
		return fallback
	}
	return s
}

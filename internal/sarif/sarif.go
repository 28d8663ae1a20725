// Package sarif writes findings as a SARIF 2.1.0 log, the format GitHub
// code scanning uploads (github/codeql-action/upload-sarif).
//
// Only the part of the schema that code scanning reads is modelled: one run,
// the tool's driver with a rule per analyzer, and results with a physical
// location relative to %SRCROOT% and a partial fingerprint that does not
// move with line numbers, so that an alert keeps its identity when lines
// are inserted above it.
package sarif

import (
	"encoding/json"
	"io"
)

// Schema and version of the SARIF format written.
const (
	SchemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
	Version   = "2.1.0"
	// SrcRoot is the uriBaseId of relative artifact locations.
	SrcRoot = "%SRCROOT%"
	// FingerprintKey names our partial fingerprint; code scanning keeps
	// fingerprints it does not compute itself as given.
	FingerprintKey = "goPluginLint/v1"
)

// Log is a sarifLog.
type Log struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []Run  `json:"runs"`
}

// Run is one run of one tool.
type Run struct {
	Tool              Tool                        `json:"tool"`
	OriginalURIBaseID map[string]ArtifactLocation `json:"originalUriBaseIds,omitempty"`
	ColumnKind        string                      `json:"columnKind"`
	Results           []Result                    `json:"results"`
}

// Tool holds the driver.
type Tool struct {
	Driver Driver `json:"driver"`
}

// Driver describes go-plugin-lint and its rules.
type Driver struct {
	Name           string `json:"name"`
	InformationURI string `json:"informationUri,omitempty"`
	Version        string `json:"version,omitempty"`
	Rules          []Rule `json:"rules"`
}

// Rule is a reportingDescriptor: one analyzer.
type Rule struct {
	ID               string        `json:"id"`
	Name             string        `json:"name,omitempty"`
	ShortDescription Message       `json:"shortDescription"`
	FullDescription  Message       `json:"fullDescription"`
	Help             Message       `json:"help"`
	HelpURI          string        `json:"helpUri,omitempty"`
	Default          Configuration `json:"defaultConfiguration"`
}

// Configuration is a reportingConfiguration.
type Configuration struct {
	Level string `json:"level"`
}

// Message is a message or multiformatMessageString with text only.
type Message struct {
	Text string `json:"text"`
}

// Result is one finding.
type Result struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             Message           `json:"message"`
	Locations           []Location        `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
}

// Location is a location with its physical part.
type Location struct {
	PhysicalLocation PhysicalLocation `json:"physicalLocation"`
}

// PhysicalLocation is a file and a region in it.
type PhysicalLocation struct {
	ArtifactLocation ArtifactLocation `json:"artifactLocation"`
	Region           *Region          `json:"region,omitempty"`
}

// ArtifactLocation is a URI, relative to UriBaseID when set.
type ArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

// Region is a span of lines and columns, 1-based; zero fields are unknown.
type Region struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

// Write encodes the log, indented. Maps are written with sorted keys and
// slices in the order given, so equal inputs give equal bytes.
func (l *Log) Write(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(l)
}

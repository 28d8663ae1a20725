// Package findingbase reads and writes the baseline of accepted findings
// that lets a team adopt the linter in CI: findings recorded in the
// baseline are not reported again, new ones are.
//
// A finding's key is its file (slash-separated, relative to the module
// root), analyzer, enclosing declaration and message: not its line, so that
// inserting lines above a finding does not make it new. The baseline is a
// multiset: a declaration with one accepted finding that grows a second
// identical one reports the second.
//
// The file is sorted, indented JSON with a format version, so that it is
// byte-identical for the same findings and reviewable in a diff.
package findingbase

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
)

// Version is the format version this package writes and reads.
const Version = 1

// Key identifies a finding independently of line numbers.
type Key struct {
	File     string `json:"file"`
	Analyzer string `json:"analyzer"`
	Decl     string `json:"decl"`
	Message  string `json:"message"`
}

// entry is one key with its multiplicity, as stored.
type entry struct {
	Key
	Count int `json:"count"`
}

type fileFormat struct {
	Version  int     `json:"version"`
	Tool     string  `json:"tool"`
	Findings []entry `json:"findings"`
}

// Baseline is a multiset of accepted findings.
type Baseline struct {
	counts map[Key]int
}

// New returns an empty baseline.
func New() *Baseline { return &Baseline{counts: map[Key]int{}} }

// Add records one more occurrence of k.
func (b *Baseline) Add(k Key) { b.counts[k]++ }

// Len returns the number of findings recorded, counting repeats.
func (b *Baseline) Len() int {
	n := 0
	for _, c := range b.counts {
		n += c
	}
	return n
}

// Take consumes one occurrence of k and reports whether there was one: a
// finding is accepted when the baseline still holds an occurrence of its
// key. Callers present findings in a deterministic order.
func (b *Baseline) Take(k Key) bool {
	if b.counts[k] == 0 {
		return false
	}
	b.counts[k]--
	return true
}

// Marshal returns the file contents: entries sorted by key, indented.
func (b *Baseline) Marshal() []byte {
	f := fileFormat{Version: Version, Tool: "go-plugin-lint", Findings: []entry{}}
	for k, c := range b.counts {
		if c > 0 {
			f.Findings = append(f.Findings, entry{k, c})
		}
	}
	slices.SortFunc(f.Findings, func(x, y entry) int { return compareKeys(x.Key, y.Key) })
	data, err := json.MarshalIndent(f, "", "\t")
	if err != nil {
		panic(err) // strings and ints always marshal
	}
	return append(data, '\n')
}

func compareKeys(x, y Key) int {
	return cmp.Or(
		cmp.Compare(x.File, y.File),
		cmp.Compare(x.Decl, y.Decl),
		cmp.Compare(x.Analyzer, y.Analyzer),
		cmp.Compare(x.Message, y.Message))
}

// Write writes the baseline to path.
func (b *Baseline) Write(path string) error {
	if err := os.WriteFile(path, b.Marshal(), 0o666); err != nil {
		return fmt.Errorf("writing baseline: %v", err)
	}
	return nil
}

// Read reads the baseline at path. Errors are one line and name the file.
func Read(path string) (*Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading baseline: %v", err)
	}
	b, err := Unmarshal(data)
	if err != nil {
		return nil, fmt.Errorf("baseline %s: %v", path, err)
	}
	return b, nil
}

// Unmarshal parses baseline file contents. It rejects files written by a
// newer version (whose meaning it cannot know), unknown fields, and
// entries that could never match a finding.
func Unmarshal(data []byte) (*Baseline, error) {
	var head struct {
		Version *int `json:"version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, fmt.Errorf("not a baseline file: %v", oneLine(err))
	}
	switch {
	case head.Version == nil:
		return nil, errors.New("not a baseline file: no version")
	case *head.Version > Version:
		return nil, fmt.Errorf("format version %d is newer than this go-plugin-lint reads (%d); upgrade go-plugin-lint", *head.Version, Version)
	case *head.Version < 1:
		return nil, fmt.Errorf("invalid format version %d", *head.Version)
	}
	var f fileFormat
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("corrupt: %v", oneLine(err))
	}
	if dec.More() {
		return nil, errors.New("corrupt: data after the baseline object")
	}
	b := New()
	for i, e := range f.Findings {
		// A finding without a position has an empty file; none lacks an
		// analyzer or a message.
		if e.Analyzer == "" || e.Message == "" || e.Count < 1 {
			return nil, fmt.Errorf("corrupt: finding %d lacks an analyzer, a message or a positive count", i+1)
		}
		if b.counts[e.Key] > 0 {
			return nil, fmt.Errorf("corrupt: finding %d repeats an earlier key (use count)", i+1)
		}
		b.counts[e.Key] = e.Count
	}
	return b, nil
}

// oneLine keeps decoder errors (which may quote input) on one line.
func oneLine(err error) string {
	return string(bytes.Join(bytes.Fields([]byte(err.Error())), []byte(" ")))
}

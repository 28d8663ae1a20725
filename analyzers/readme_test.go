package analyzers_test

import (
	"bytes"
	"flag"
	"fmt"
	"go/doc/comment"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/go-plugin-lint/go-plugin-lint/analyzers"
	"github.com/go-plugin-lint/go-plugin-lint/internal/docs"
)

var update = flag.Bool("update", false, "rewrite the generated part of README.md")

const (
	beginMarker = "<!-- BEGIN GENERATED: analyzers (go test ./analyzers -update) -->\n"
	endMarker   = "<!-- END GENERATED: analyzers -->\n"
)

// TestREADME keeps the README's analyzer table and per-analyzer sections
// generated from the analyzers' doc.go, so the docs are written once.
func TestREADME(t *testing.T) {
	path := filepath.Join("..", "README.md")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	begin := strings.Index(readme, beginMarker)
	end := strings.Index(readme, endMarker)
	if begin < 0 || end < begin {
		t.Fatalf("README.md lacks the generated-section markers %q and %q", beginMarker, endMarker)
	}
	want := generated()
	got := readme[begin+len(beginMarker) : end]
	if got == want {
		return
	}
	if *update {
		readme = readme[:begin+len(beginMarker)] + want + readme[end:]
		if err := os.WriteFile(path, []byte(readme), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md's analyzer section is stale: run go test ./analyzers -update")
}

func generated() string {
	var b bytes.Buffer
	b.WriteString("| Analyzer | What it finds | Why it matters | Runs in |\n|---|---|---|---|\n")
	suite := analyzers.Suite()
	for _, m := range suite {
		a := m.Analyzer
		modes := "standalone, go vet, golangci-lint"
		if m.Correlate != nil {
			modes += "; run-wide findings: standalone only"
		}
		fmt.Fprintf(&b, "| [%s](#%s) | %s | %s | %s |\n", a.Name, a.Name, cell(docs.Summary(a.Doc)), cell(why(a.Doc)), modes)
	}
	for _, m := range suite {
		a := m.Analyzer
		fmt.Fprintf(&b, "\n### %s\n\n", a.Name)
		text := strings.TrimPrefix(a.Doc, a.Name+": ")
		text = "Package " + a.Name + " " + text // restore the godoc sentence
		var p comment.Parser
		pr := comment.Printer{HeadingLevel: 4}
		// GitHub shows {#id} heading anchors literally; its own anchors suffice.
		b.Write(headingID.ReplaceAll(pr.Markdown(p.Parse(text)), nil))
		var flags []string
		a.Flags.VisitAll(func(f *flag.Flag) {
			def := ""
			if f.DefValue != "" {
				def = fmt.Sprintf(" (default `%s`)", f.DefValue)
			}
			flags = append(flags, fmt.Sprintf("- `-%s.%s`%s: %s\n", a.Name, f.Name, def, f.Usage))
		})
		if len(flags) > 0 {
			fmt.Fprintf(&b, "\n#### Flags and golangci-lint settings of %s\n\n", a.Name)
			b.WriteString("Each flag `-" + a.Name + ".NAME` is the golangci-lint setting `NAME` of linter `" + a.Name + "`.\n\n")
			b.WriteString(strings.Join(flags, ""))
		}
	}
	return b.String()
}

// why returns the first sentence of the doc's second paragraph when it is
// prose (the "why it matters" paragraph every doc.go opens with).
func why(doc string) string {
	paras := strings.Split(doc, "\n\n")
	for _, p := range paras[1:] {
		p = strings.TrimSpace(p)
		if p == "" || strings.HasPrefix(p, "#") || strings.HasPrefix(p, "\t") || strings.HasPrefix(p, " ") {
			break
		}
		p = strings.Join(strings.Fields(p), " ")
		if i := strings.Index(p, ". "); i >= 0 {
			p = p[:i+1]
		}
		return p
	}
	return ""
}

var headingID = regexp.MustCompile(` \{#hdr-[^}]*\}`)

func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

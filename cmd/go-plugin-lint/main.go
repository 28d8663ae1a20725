// Command go-plugin-lint runs the go-plugin-lint suite.
//
//	go-plugin-lint [flags] PATTERNS      lint packages (per-package passes and the run-wide step)
//	go vet -vettool=$(which go-plugin-lint) PATTERNS
//	                                     the per-package passes under go vet
//	go-plugin-lint help [ANALYZER]       list the analyzers, or document one
//	go-plugin-lint snapshot ...          write an abidrift baseline
//	go-plugin-lint abicheck ...          predict whether plugin.Open loads built plugins
//	go-plugin-lint version               print the version
//
// Exit status: 0 no findings, 3 findings, 1 a usage or tool error
// (including packages that failed to load or type-check), 2 never.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/go-plugin-lint/go-plugin-lint/analyzers"
)

const progname = "go-plugin-lint"

// Exit statuses.
const (
	exitClean    = 0
	exitError    = 1
	exitFindings = 3
)

func main() {
	os.Exit(mainCode(os.Args[1:]))
}

func mainCode(args []string) (code int) {
	// Whatever goes wrong in the command itself ends as one line and
	// status 1, never a crash dump; analyzers' panics are handled closer to
	// them (guard.go) so that the other packages' findings survive.
	defer func() {
		if r := recover(); r != nil {
			if traceback {
				debug.PrintStack()
			}
			code = fail("internal error: %v", r)
		}
	}()
	if isVetInvocation(args) {
		// The vet protocol: -V=full, -flags, and one unit.cfg per package.
		// unitchecker parses the analyzers' flags as -<name>.<flag> and
		// exits by itself.
		unitchecker.Main(analyzers.Analyzers(analyzers.Suite())...)
		return exitError // unreachable
	}
	if len(args) > 0 {
		switch args[0] {
		case "help":
			return helpMain(args[1:])
		case "version", "-V", "--V", "-version", "--version":
			fmt.Println(versionLine())
			return exitClean
		case "snapshot":
			return snapshotMain(args[1:])
		case "abicheck":
			return abicheckMain(args[1:])
		}
	}
	return lintMain(args)
}

// subcommands are the first words mainCode dispatches on.
var subcommands = []string{"help", "version", "snapshot", "abicheck"}

// misspeltSubcommand returns the subcommand word was probably meant to be,
// or "": a word within two edits of one, but not one. The command only
// asks once word has failed to load as a package, since "fmt" or "std"
// are patterns.
func misspeltSubcommand(word string) string {
	for _, sub := range subcommands {
		if word != sub && editDistance(word, sub) <= 2 {
			return sub
		}
	}
	return ""
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// isVetInvocation reports whether go vet is driving the tool: it asks for
// -V=full and -flags first, then passes one .cfg file per package.
func isVetInvocation(args []string) bool {
	for _, a := range args {
		if a == "-V=full" || a == "--V=full" || a == "-flags" || a == "--flags" {
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}

func versionLine() string {
	return fmt.Sprintf("%s version %s", progname, moduleVersion())
}

// moduleVersion is the version the binary was built at, from its build info.
func moduleVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		return info.Main.Version
	}
	return "(devel)"
}

// fail prints a one-line error and returns the tool-error status.
func fail(format string, args ...any) int {
	fmt.Fprintf(os.Stderr, "%s: %s\n", filepath.Base(progname), fmt.Sprintf(format, args...))
	return exitError
}

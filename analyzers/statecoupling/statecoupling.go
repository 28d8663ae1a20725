package statecoupling

import (
	_ "embed"
	"flag"
	"go/ast"
	"go/build"
	"go/types"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/go-plugin-lint/go-plugin-lint/internal/contracts"
	"github.com/go-plugin-lint/go-plugin-lint/internal/docs"
	"github.com/go-plugin-lint/go-plugin-lint/internal/fileclass"
)

//go:embed doc.go
var doc string

// Config holds the analyzer's settings; each field is also a flag.
type Config struct {
	// Contracts lists extra contracts by fully qualified name.
	Contracts contracts.Names
	// Tests also analyses test files (entry points and writes in them).
	Tests bool
}

// Default returns the settings most users want.
func Default() Config { return Config{} }

// Analyzer is the analyzer with default settings, bound to the command's flags.
var Analyzer = New(Default())

// New builds an analyzer whose flags are bound to a private copy of cfg.
func New(cfg Config) *analysis.Analyzer {
	c := cfg
	c.Contracts = append(contracts.Names(nil), cfg.Contracts...)
	a := &analysis.Analyzer{
		Name:       "statecoupling",
		Doc:        docs.FromDocGo("statecoupling", doc),
		URL:        docs.URL("statecoupling"),
		Requires:   []*analysis.Analyzer{contracts.Analyzer},
		FactTypes:  []analysis.Fact{new(Writes)},
		ResultType: reflect.TypeFor[*Result](),
		Run:        func(pass *analysis.Pass) (any, error) { return run(pass, &c) },
	}
	a.Flags.Init("statecoupling", flag.ContinueOnError)
	a.Flags.Var(&c.Contracts, "contracts", "comma-separated fully qualified names of extra contract interfaces (pkg/path.Name)")
	a.Flags.BoolVar(&c.Tests, "tests", c.Tests, "also analyse test files: entry points and writes in _test.go files")
	return a
}

// analyzerRun is the state of one pass.
type analyzerRun struct {
	pass  *analysis.Pass
	cfg   *Config
	res   *contracts.Result
	class *fileclass.Index
	files []*ast.File // files analysed (test files only with -tests)

	funcs        []*fnInfo // declared functions, then entry literals, in source order
	byObj        map[*types.Func]*fnInfo
	lits         []*fnInfo
	entryLits    map[*ast.FuncLit]bool
	litWhy       map[*ast.FuncLit]string
	litWhyOf     map[*fnInfo]string
	values       []valueUse
	sum          map[*fnInfo][]*effect
	calledLocked map[*types.Func]bool
	imported     map[*callSite][]*effect
}

func run(pass *analysis.Pass, cfg *Config) (any, error) {
	result := &Result{}
	if inGOROOT(pass) {
		// The standard library's shared state is its own business (and
		// synchronised); summarising it would cost time and add noise.
		return result, nil
	}
	res, _ := pass.ResultOf[contracts.Analyzer].(*contracts.Result)
	if res == nil {
		return result, nil
	}
	a := &analyzerRun{
		pass:         pass,
		cfg:          cfg,
		res:          res.With(pass.Pkg, cfg.Contracts),
		class:        fileclass.NewIndex(pass.Fset, pass.Files),
		byObj:        map[*types.Func]*fnInfo{},
		entryLits:    map[*ast.FuncLit]bool{},
		litWhy:       map[*ast.FuncLit]string{},
		litWhyOf:     map[*fnInfo]string{},
		calledLocked: map[*types.Func]bool{},
		imported:     map[*callSite][]*effect{},
	}
	for _, f := range pass.Files {
		if a.class.At(f.Pos()) == fileclass.Test && !cfg.Tests {
			continue
		}
		a.files = append(a.files, f)
	}
	a.findEntryValues()
	a.collectFuncs()
	a.summarize()
	a.exportFacts()
	entries := a.entries()
	reported := a.report(entries)
	result.collect(a, entries, reported)
	return result, nil
}

// collectFuncs walks every function declaration and every function
// literal that is an entry point of its own.
func (a *analyzerRun) collectFuncs() {
	info := a.pass.TypesInfo
	for _, file := range a.files {
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			obj, ok := info.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			fn := &fnInfo{obj: obj, name: funcName(obj, a.pass.Pkg), body: fd.Body}
			a.funcs = append(a.funcs, fn)
			a.byObj[obj] = fn
		}
	}
	for _, file := range a.files {
		ast.Inspect(file, func(n ast.Node) bool {
			lit, ok := n.(*ast.FuncLit)
			if ok && a.entryLits[lit] {
				posn := a.pass.Fset.Position(lit.Pos())
				fn := &fnInfo{name: "func literal at " + filepath.Base(posn.Filename) + ":" + strconv.Itoa(posn.Line), body: lit.Body}
				a.lits = append(a.lits, fn)
				a.litWhyOf[fn] = a.litWhy[lit]
				a.funcs = append(a.funcs, fn)
			}
			return true
		})
	}
	for _, file := range a.files {
		for _, d := range file.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if obj, ok := info.Defs[fd.Name].(*types.Func); ok {
					a.walkFunc(a.byObj[obj], fd.Recv, fd.Type)
				}
			}
		}
	}
	for _, fn := range a.lits {
		a.walkFunc(fn, nil, nil)
	}
}

// inGOROOT reports whether the package is part of the standard library.
func inGOROOT(pass *analysis.Pass) bool {
	if len(pass.Files) == 0 || build.Default.GOROOT == "" {
		return false
	}
	name := pass.Fset.File(pass.Files[0].Pos()).Name()
	root := filepath.Join(build.Default.GOROOT, "src") + string(filepath.Separator)
	return strings.HasPrefix(name, root)
}

// trustedPrefixes are packages whose exported operations are documented
// as safe for concurrent use (metrics and logging libraries): their
// internal writes are synchronised in ways a simple lock walk may miss.
var trustedPrefixes = []string{
	"github.com/prometheus/client_golang/",
	"go.opentelemetry.io/",
	"go.uber.org/zap",
	"k8s.io/klog",
	"github.com/go-logr/",
	"github.com/sirupsen/logrus",
}

func (a *analyzerRun) trusted(path string) bool {
	for _, p := range trustedPrefixes {
		if strings.HasPrefix(path+"/", p) || strings.HasPrefix(path, p) {
			return true
		}
	}
	return false
}

// requestScoped describes t when it is a value owned by one call: a
// context.Context, an *http.Request or an http.ResponseWriter.
func (a *analyzerRun) requestScoped(t types.Type) string {
	if t == nil {
		return ""
	}
	ptr := false
	if p, ok := t.(*types.Pointer); ok {
		t, ptr = p.Elem(), true
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	switch path, name := n.Obj().Pkg().Path(), n.Obj().Name(); {
	case path == "context" && name == "Context" && !ptr:
		return "context.Context"
	case path == "net/http" && name == "Request" && ptr:
		return "*http.Request"
	case path == "net/http" && name == "ResponseWriter" && !ptr:
		return "http.ResponseWriter"
	}
	return ""
}

package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"testing"

	"github.com/go-plugin-lint/go-plugin-lint/analyzers/abidrift"
	"github.com/go-plugin-lint/go-plugin-lint/analyzers/abidrift/baseline"
)

// BenchmarkSnapshot measures 'go-plugin-lint snapshot ./...' (api scope)
// on controller-runtime v0.25.2, one of the benchmark modules, fetched
// through the module proxy: the load (the module's packages from source,
// dependencies from export data) and the baseline. An untimed first
// snapshot fills the build cache with the export data go list -export
// builds for a new directory.
//
//	go test ./cmd/go-plugin-lint -run '^$' -bench Snapshot -benchtime 3x
func BenchmarkSnapshot(b *testing.B) {
	dir := moduleCopy(b, "sigs.k8s.io/controller-runtime@v0.25.2")
	opts := &snapshotOptions{scope: abidrift.Scope(baseline.ScopeAPI)}
	if _, err := snapshotDir(dir, []string{"./..."}, opts); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		base, err := snapshotDir(dir, []string{"./..."}, opts)
		if err != nil {
			b.Fatal(err)
		}
		if len(base.Packages) < 40 {
			b.Fatalf("a baseline of %d packages, want controller-runtime's public API", len(base.Packages))
		}
	}
}

// moduleCopy downloads module@version through the module proxy and returns
// a writable copy of it with its dependencies downloaded.
func moduleCopy(b *testing.B, moduleAtVersion string) string {
	b.Helper()
	out, err := exec.Command("go", "mod", "download", "-json", moduleAtVersion).Output()
	if err != nil {
		b.Fatalf("go mod download %s: %v", moduleAtVersion, err)
	}
	var info struct{ Dir string }
	if err := json.Unmarshal(out, &info); err != nil || info.Dir == "" {
		b.Fatalf("go mod download %s: %s", moduleAtVersion, out)
	}
	dir := b.TempDir()
	// CopyFS creates writable files whatever the module cache's modes.
	if err := os.CopyFS(dir, os.DirFS(info.Dir)); err != nil {
		b.Fatal(err)
	}
	cmd := exec.Command("go", "mod", "download")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go mod download in %s: %v %s", dir, err, out)
	}
	return dir
}

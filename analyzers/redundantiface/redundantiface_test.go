package redundantiface_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/go-plugin-lint/go-plugin-lint/analyzers/redundantiface"
)

func testdata() string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		panic(err)
	}
	return dir
}

func TestLocal(t *testing.T) {
	analysistest.Run(t, testdata(), redundantiface.New(redundantiface.Default()),
		"redundantiface/local", "redundantiface/doubles")
}

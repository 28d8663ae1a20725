// Command host loads pluginshop plugins and serves them over HTTP.
package main

import (
	"fmt"
	"log"
	"net/http"
	"os"
	"plugin"

	"example.com/pluginshop/api"
)

type logger struct{}

func (logger) Logf(format string, args ...any) { log.Printf(format, args...) }

func load(path string) api.Processor {
	// DEFECT: the error is dropped; a missing file becomes a nil-pointer panic below.
	p, _ := plugin.Open(path)
	sym, err := p.Lookup("Processor")
	if err != nil {
		log.Fatal(err)
	}
	// DEFECT: Lookup of a variable returns a pointer to it (*api.Processor),
	// so this single-value assertion always panics.
	proc := sym.(api.Processor)
	if err := proc.Init(logger{}); err != nil {
		log.Fatal(err)
	}
	return proc
}

func main() {
	var procs []api.Processor
	for _, path := range os.Args[1:] {
		procs = append(procs, load(path))
	}
	http.HandleFunc("/process", func(w http.ResponseWriter, r *http.Request) {
		for _, p := range procs {
			out, err := p.Process(r.Context(), []byte(r.URL.Query().Get("doc")))
			if err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			fmt.Fprintf(w, "%s\n", out)
		}
	})
	log.Fatal(http.ListenAndServe(":8080", nil))
}

package main

import (
	"fmt"
	"net/http"         // want `plugin imports net/http, which the pluginexport\.deny-imports setting forbids in plugins`
	_ "net/http/pprof" // want `plugin imports net/http/pprof, which the pluginexport\.deny-imports setting forbids in plugins`
	"strings"
)

func Init() error { fmt.Println(strings.ToUpper("x")); return nil }

var Client = http.DefaultClient

// Command plugin is a native plugin: a package main without func main.
package main // want(require):pluginexport

import (
	"net/http" // want(deny-imports):pluginexport
)

// Client is the HTTP client the plugin uses.
var Client = http.DefaultClient

// Init is the export the host calls first.
func Init() error { return nil }

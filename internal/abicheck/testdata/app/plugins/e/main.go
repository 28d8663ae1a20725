// Plugin e uses shared and extra: built from drifted sources it fails
// against the host, yet its extra stays loaded for later plugins.
package main

import (
	"example.com/app/extra"
	"example.com/app/shared"
)

// Count exports extra.Count.
func Count() int { return extra.Count() + len(shared.Name()) }

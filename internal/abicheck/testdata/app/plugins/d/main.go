// Plugin d also uses package extra: built from drifted sources, it
// conflicts with plugin c although the host never links extra.
package main

import "example.com/app/extra"

// Count exports extra.Count.
func Count() int { return extra.Count() + 1 }

// Plugin c uses only package extra, which the host does not link.
package main

import "example.com/app/extra"

// Count exports extra.Count.
func Count() int { return extra.Count() }

// Package good still gets analysed next to a broken package.
package good

import "plugin"

// Open ignores the error of plugin.Open.
func Open(path string) *plugin.Plugin {
	p, _ := plugin.Open(path)
	return p
}

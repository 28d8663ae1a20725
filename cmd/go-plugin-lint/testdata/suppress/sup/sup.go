// Package sup holds findings silenced by each directive style, a directive
// without a reason (which must not work), directives that silence nothing,
// and directives for other tools' checks.
package sup

import "plugin"

func A(path string) {
	plugin.Open(path + "a") //nolint:pluginexport // the caller reports failures
}

func B(path string) {
	//lint:ignore pluginexport the caller checks the file first
	plugin.Open(path + "b")
}

func C(path string) {
	//lint:ignore pluginexport
	plugin.Open(path + "c")
}

func D(path string) {
	plugin.Open(path + "d") //nolint:statecoupling // names the wrong analyzer
}

func E(path string) (*plugin.Plugin, error) {
	return plugin.Open(path + "e") //nolint:pluginexport // nothing to silence
}

func F(path string) {
	plugin.Open(path + "f") //nolint:all
}

func G(path string) {
	plugin.Open(path + "g") //nolint:errcheck,pluginexport // errcheck is golangci-lint's
}

func H(path string) {
	plugin.Open(path + "h") //nolint
}

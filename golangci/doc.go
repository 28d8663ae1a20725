// Package golangci registers the go-plugin-lint analyzers as golangci-lint v2
// module plugins: one linter per analyzer, named like the analyzer
// (redundantiface, statecoupling, pluginexport, abidrift), so each one is
// enabled, configured and suppressed with //nolint:<name> on its own.
//
// A custom golangci-lint binary links this package with a blank import;
// `golangci-lint custom` writes that import from .custom-gcl.yml (see
// .custom-gcl.example.yml at the repository root).
//
// Every setting is the analyzer flag of the same name and meaning, so
// `linters.settings.custom.pluginexport.settings.deny-imports: [net/http]`
// means `-pluginexport.deny-imports=net/http`. Lists are YAML sequences
// (joined with commas for the flag); booleans and strings are written as
// such. An unknown setting fails the run with an error naming the key and
// listing the valid ones. .golangci.example.yml documents every setting;
// a test keeps it in step with the flags.
//
// Only the per-package tier of the suite runs inside golangci-lint: findings
// that need the run-wide step (a plugin cross-checked with its host,
// implementers and callers in other packages) come from the standalone
// go-plugin-lint command.
package golangci

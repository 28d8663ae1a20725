// Package pluginexport checks native plugins' exported symbols and the host's
// use of plugin.Open and Lookup.
//
// (Skeleton: the full documentation comes with the analyzer.)
package pluginexport

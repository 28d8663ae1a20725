// Package abicheck predicts, from built files alone, what plugin.Open will
// return when a Go host loads Go plugins, and explains each predicted
// failure from the files' build information.
//
// Why it matters: "plugin was built with a different version of package P"
// is the most common Go plugin failure, and it appears only in production,
// when the host loads the plugin. Both files already hold everything needed
// to predict it: the linker records an 8-byte fingerprint of every package's
// export data as the dynamic symbols go:link.pkghashbytes.<pkg> (present in
// every plugin and in every host that links package plugin with cgo; they
// survive -ldflags=-s -w and strip).
//
// What the runtime does (Go 1.26, plugin/plugin_dlopen.go and
// runtime/plugin.go), and so what Predict replays, for each plugin in order:
//
//  1. realpath(name); a path already opened returns the earlier result: the
//     same *Plugin, or the earlier error followed by " (previous failure)".
//     So opening the same file twice loads twice; it is a copy or a hard
//     link under another name that gives "plugin already loaded".
//  2. dlopen(realpath, RTLD_NOW|RTLD_GLOBAL); on failure the dlerror text,
//     which starts with the real path ("file too short", "invalid ELF header").
//     The loaded object joins the global symbol scope and stays there even if
//     the steps below fail, so a failed plugin still defines package
//     fingerprints for the plugins opened after it.
//  3. The last Go module is checked. A shared object that is not a Go plugin
//     adds no module: the runtime then looks at the previous plugin's module
//     and says "plugin already loaded", or, when there is none or it failed,
//     dies with "fatal error: runtime: no plugin module data".
//  4. A plugin whose plugin path (its main package's import path) equals an
//     already loaded plugin's gives "plugin already loaded".
//  5. Each package fingerprint, in the plugin's link order, is compared with
//     the one the dynamic linker resolves: the host's, else the first earlier
//     plugin's that defines it. The first mismatch gives "plugin was built
//     with a different version of package P".
//
// Errors from steps 3 to 5 name the plugin as "plugin.Open(\"NAME\")" where
// NAME is the path given to plugin.Open without a trailing ".so"; errors from
// steps 1 and 2 keep the ".so". abicheck uses each path exactly as given on
// its command line, so its text matches the host's only when the host opens
// the same strings from the same working directory. A host built without cgo
// returns "plugin: not implemented" for every plugin.
//
// abicheck never loads, dlopens or executes the files: it reads them with
// debug/elf and debug/buildinfo. Linux ELF is the scope. It cannot predict a
// panic in a plugin's init function, nor dlopen failures from missing C
// libraries.
package abicheck

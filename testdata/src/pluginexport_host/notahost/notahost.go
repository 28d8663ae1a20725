// Package notahost does not import plugin: nothing here is reported.
package notahost

type Symbol any

func use(s Symbol) func() { return s.(func()) }

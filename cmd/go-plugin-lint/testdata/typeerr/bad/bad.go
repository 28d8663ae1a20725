// Package bad does not type-check.
package bad

func Broken() int {
	return undefinedName + "x"
}

func AlsoBroken() {
	var n int = "not an int"
	_ = n
}

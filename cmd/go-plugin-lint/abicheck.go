package main

// abicheckMain predicts plugin.Open outcomes from built artifacts (issue: abicheck).
func abicheckMain(args []string) int {
	return fail("abicheck: not built yet")
}

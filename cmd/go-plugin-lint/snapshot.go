package main

// snapshotMain writes an abidrift baseline (issue: abidrift).
func snapshotMain(args []string) int {
	return fail("snapshot: not built yet")
}

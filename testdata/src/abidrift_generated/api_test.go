package abidrift_generated

// Helper is declared in a test file: not API, never reported.
func Helper() {}

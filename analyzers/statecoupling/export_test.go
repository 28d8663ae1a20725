package statecoupling

// TrustPrefix makes the packages under prefix trusted for the duration of
// a test, as Prometheus is in production; the returned func undoes it.
func TrustPrefix(prefix string) func() {
	old := trustedPrefixes
	trustedPrefixes = append(append([]string(nil), old...), prefix)
	return func() { trustedPrefixes = old }
}

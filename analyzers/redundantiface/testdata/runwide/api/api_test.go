package api

import "testing"

type fakeDoubled struct{}

func (fakeDoubled) Double(n int) int { return 2 * n }

func TestDouble(t *testing.T) {
	var d Doubled = fakeDoubled{}
	if d.Double(2) != 4 {
		t.Fatal("bad")
	}
}

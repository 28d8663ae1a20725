package doubles

import "testing"

type fakeStore struct{}

func (fakeStore) Load() string { return "fake" }

// A test type embedding the interface implements it too.
type partialClock struct{ clock }

func TestLoad(t *testing.T) {
	_ = load(fakeStore{})
	var c clock = partialClock{realClock{}}
	c.Tick()
}

// An interface of test code, implemented by test code: no double.
type runner interface{ run() int }

type tableCase struct{}

func (tableCase) run() int { return 1 }

func TestRun(t *testing.T) {
	var r runner = tableCase{}
	_ = r.run()
}

// Test code's interface with no implementation is still reported.
type orphan interface { // want `interface orphan has no implementation in this program: remove it or add one`
	missing() int
}

func useOrphan(o orphan) int { return o.missing() }

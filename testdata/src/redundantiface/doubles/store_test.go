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

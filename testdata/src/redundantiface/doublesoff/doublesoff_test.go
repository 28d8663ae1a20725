package doublesoff

import "testing"

type fakeStore struct{}

func (*fakeStore) Load() string { return "fake" }
func (*fakeStore) Save(string)  {}

func TestLoad(t *testing.T) { _ = load(&fakeStore{}) }

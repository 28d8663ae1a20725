package iface

import "testing"

type fakeStore struct{}

func (fakeStore) get(k string) string { return k }

func TestRead(t *testing.T) {
	if read(fakeStore{}) != "k" {
		t.Fatal("read")
	}
}

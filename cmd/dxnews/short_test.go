package main

import "testing"

// long skips a test that takes seconds (it runs the whole pipeline, a real
// server or the binary) under go test -short, the inner loop; make test runs
// every one of them.
func long(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("takes seconds end to end: skipped under -short; make test runs it")
	}
}

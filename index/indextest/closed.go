package indextest

import (
	"net"
	"testing"
)

// ClosedURL returns an http URL on 127.0.0.1 where nothing listens, for
// tests of what a backend says when its service cannot be reached.
func ClosedURL(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	url := "http://" + ln.Addr().String()
	ln.Close()
	return url
}

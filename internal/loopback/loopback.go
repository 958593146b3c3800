// Package loopback keeps load runs and end-to-end tests on this machine: it
// refuses other addresses, finds free ports on 127.0.0.1 and waits for a
// server started there to answer. dxbench and dxnews's tests share it.
package loopback

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"
)

// Check refuses addresses off this machine: load tests stay local.
func Check(hostport string) error {
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		return fmt.Errorf("address %q: %w", hostport, err)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("address %q is not on loopback", hostport)
	}
	return nil
}

// FreeAddr returns a 127.0.0.1 address whose port nothing listens on: free
// for a server to take, or unreachable for a test that wants a refused
// connection.
func FreeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// WaitHealthy polls u until it answers 200 OK, for at most limit or until
// ctx ends.
func WaitHealthy(ctx context.Context, client *http.Client, u string, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		resp, err := client.Do(req)
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s not ready after %s: %v", u, limit, err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
}

package loopback

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestCheck(t *testing.T) {
	for addr, ok := range map[string]bool{
		"127.0.0.1:8080": true, "localhost:80": true, "[::1]:9200": true,
		"10.0.0.5:80": false, "example.vn:443": false, "127.0.0.1": false,
	} {
		if err := Check(addr); (err == nil) != ok {
			t.Errorf("Check(%q) = %v", addr, err)
		}
	}
}

func TestFreeAddrIsFreeLoopback(t *testing.T) {
	addr, err := FreeAddr()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(addr, "127.0.0.1:") {
		t.Fatalf("FreeAddr() = %q, want 127.0.0.1:PORT", addr)
	}
	if c, err := net.Dial("tcp", addr); err == nil {
		c.Close()
		t.Fatalf("something answers at %s", addr)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatalf("the address is not free to take: %v", err)
	}
	ln.Close()
}

// WaitHealthy goes on through refused connections and non-200 answers and
// returns at the first 200.
func TestWaitHealthy(t *testing.T) {
	addr, err := FreeAddr()
	if err != nil {
		t.Fatal(err)
	}
	var calls atomic.Int32
	srv := &http.Server{Addr: addr, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) < 3 {
			http.Error(w, "warming", http.StatusServiceUnavailable)
		}
	})}
	defer srv.Close()
	go func() {
		time.Sleep(300 * time.Millisecond) // refused until then
		srv.ListenAndServe()
	}()
	if err := WaitHealthy(context.Background(), http.DefaultClient, "http://"+addr+"/healthz", time.Minute); err != nil {
		t.Fatal(err)
	}
	if n := calls.Load(); n != 3 {
		t.Errorf("%d requests answered, want 3 (two 503s, then 200)", n)
	}
}

func TestWaitHealthyGivesUp(t *testing.T) {
	addr, err := FreeAddr()
	if err != nil {
		t.Fatal(err)
	}
	err = WaitHealthy(context.Background(), http.DefaultClient, "http://"+addr+"/", 10*time.Millisecond)
	if err == nil || !strings.Contains(err.Error(), "not ready after 10ms") {
		t.Fatalf("WaitHealthy on a closed port = %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := WaitHealthy(ctx, http.DefaultClient, "http://"+addr+"/", time.Minute); !errors.Is(err, context.Canceled) {
		t.Fatalf("WaitHealthy with a cancelled context = %v", err)
	}
}

package crawler

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"slices"
	"strings"
	"sync"
	"testing"
)

// fakeNet maps test host names to addresses and dials only loopback: the
// addresses in route are dialed as the test server; dialing any other
// address fails the test. Nothing leaves the machine.
type fakeNet struct {
	t      *testing.T
	names  map[string]string // host name → address
	route  map[string]bool   // addresses served by the test server
	server string            // the test server's loopback address

	mu     sync.Mutex
	dialed []string
}

func (n *fakeNet) lookup(_ context.Context, host string) ([]netip.Addr, error) {
	a, ok := n.names[host]
	if !ok {
		return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
	return []netip.Addr{netip.MustParseAddr(a)}, nil
}

func (n *fakeNet) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	host, _, _ := net.SplitHostPort(addr)
	n.mu.Lock()
	n.dialed = append(n.dialed, host)
	n.mu.Unlock()
	if !n.route[host] {
		n.t.Errorf("dialed %s, which the guard must refuse", addr)
		return nil, errors.New("test network: refused")
	}
	var d net.Dialer
	return d.DialContext(ctx, network, n.server)
}

// guardSite is a news site whose pages link and redirect to hosts on
// internal networks.
func guardSite(t *testing.T) (*httptest.Server, *sync.Map) {
	var hits sync.Map
	a := siteArticles[0]
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		n, _ := hits.LoadOrStore(r.Host+r.URL.Path, new(int))
		*n.(*int)++
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nAllow: /\n")
		case "/":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Báo</title><meta property="og:type" content="website"></head><body>
<a href="%s">bài</a>
<a href="http://noibo.example.vn/tin/noi-bo-234567.html">nội bộ 10.x</a>
<a href="http://metadata.example.vn/latest/meta-data/">metadata</a>
<a href="http://169.254.169.254/latest/meta-data/iam/">metadata literal</a>
<a href="http://lo.example.vn/admin">loopback</a>
<a href="http://v6.example.vn/x">fc00::/7</a>
<a href="http://[::1]/admin">::1</a>
<a href="/chuyen-huong">redirect</a>
</body></html>`, a.path)
		case "/chuyen-huong":
			http.Redirect(w, r, "http://metadata.example.vn/latest/api/token", http.StatusFound)
		case a.path:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, renderArticle(a))
		default:
			http.NotFound(w, r)
		}
	})
	return serve(t, mux), &hits
}

func guardConfig(t *testing.T, seedHost string, srv *httptest.Server) (Config, *fakeNet) {
	n := &fakeNet{t: t, server: srv.Listener.Addr().String(),
		names: map[string]string{
			"bao.example.vn":      "203.0.113.10",
			"intranet.example.vn": "10.1.2.3",
			"noibo.example.vn":    "10.0.0.1",
			"metadata.example.vn": "169.254.169.254",
			"lo.example.vn":       "127.0.0.1",
			"v6.example.vn":       "fc00::1",
		},
		route: map[string]bool{"203.0.113.10": true, "10.1.2.3": true, "10.0.0.1": true},
	}
	cfg := testConfig("", "")
	cfg.Seeds = nil
	cfg.Sources = []Source{{Name: "bao", Start: []string{"http://" + seedHost + "/"},
		Hosts: []string{seedHost, "noibo.example.vn", "metadata.example.vn", "169.254.169.254", "lo.example.vn", "v6.example.vn", "[::1]"}}}
	cfg.lookup, cfg.dial = n.lookup, n.dial
	return cfg, n
}

// crawlGuarded crawls the guard site from a seed on seedHost, which must
// emit that host's one article and refuse blocked links and redirects, and
// checks every address dialed with dialOK. It returns the hosts and paths
// the site served.
func crawlGuarded(t *testing.T, seedHost string, blocked int, dialOK func(string) bool) *sync.Map {
	t.Helper()
	srv, hits := guardSite(t)
	cfg, n := guardConfig(t, seedHost, srv)
	stats, got := mustCrawl(t, cfg)
	if len(got.all) != 1 {
		t.Fatalf("emitted %v, want the article of %s", got.paths(), seedHost)
	}
	if s := stats.Skipped["blocked-address"]; s != blocked {
		t.Errorf("blocked-address = %d, want %d (%+v)", s, blocked, stats)
	}
	// A dial the transport started for a request the crawl no longer
	// waits for may still be appending.
	n.mu.Lock()
	dialed := slices.Clone(n.dialed)
	n.mu.Unlock()
	for _, d := range dialed {
		if !dialOK(d) {
			t.Errorf("dialed %s", d)
		}
	}
	return hits
}

// A public seed's links and redirects to loopback, link-local and private
// addresses are refused before any connection is made.
func TestInternalAddressesRefusedFromPublicSeed(t *testing.T) {
	// noibo, metadata (link, literal, redirect), lo, v6, ::1.
	hits := crawlGuarded(t, "bao.example.vn", 7, func(d string) bool { return d == "203.0.113.10" })
	hits.Range(func(k, _ any) bool {
		if !strings.HasPrefix(k.(string), "bao.example.vn/") {
			t.Errorf("internal host reached: %s", k)
		}
		return true
	})
}

// A seed on a private network may crawl that network, and only that one.
func TestSeedOnPrivateNetworkMayCrawlIt(t *testing.T) {
	// metadata (link, literal, redirect), lo, v6, ::1.
	hits := crawlGuarded(t, "intranet.example.vn", 6, func(d string) bool { return strings.HasPrefix(d, "10.") })
	if _, ok := hits.Load("noibo.example.vn/tin/noi-bo-234567.html"); !ok {
		t.Errorf("host on the seed's network (10.0.0.0/8) not crawled")
	}
}

func TestInternalNet(t *testing.T) {
	for _, tc := range []struct {
		addr     string
		internal bool
	}{
		{"169.254.169.254", true}, {"10.0.0.1", true}, {"127.0.0.1", true}, {"127.1.2.3", true},
		{"172.16.0.1", true}, {"172.32.0.1", false}, {"192.168.1.1", true}, {"100.64.0.1", true},
		{"0.0.0.0", true}, {"255.255.255.255", true}, {"224.0.0.1", true},
		{"::1", true}, {"::", true}, {"fc00::1", true}, {"fd12:3456::1", true}, {"fe80::1", true},
		{"::ffff:10.0.0.1", true}, {"::ffff:169.254.169.254", true}, {"64:ff9b::a00:1", true}, {"2002:a00:1::", true},
		{"64:ff9b::cb00:710a", false}, {"203.0.113.10", false}, {"8.8.8.8", false}, {"2001:4860:4860::8888", false}, {"::ffff:8.8.8.8", false},
	} {
		if _, got := internalNet(netip.MustParseAddr(tc.addr)); got != tc.internal {
			t.Errorf("internalNet(%s) = %v, want %v", tc.addr, got, tc.internal)
		}
	}
}

// The dialer's Control hook refuses an internal address even when asked
// directly.
func TestGuardControlRefusesInternalAddress(t *testing.T) {
	g := newGuard(context.Background(), []string{"203.0.113.10"}, nil, nil)
	if err := g.control("tcp4", "169.254.169.254:80", nil); !errors.Is(err, ErrBlockedAddress) {
		t.Errorf("control(169.254.169.254:80) = %v", err)
	}
	if err := g.control("tcp4", "203.0.113.11:443", nil); err != nil {
		t.Errorf("control(public) = %v", err)
	}
	lo := newGuard(context.Background(), []string{"127.0.0.1"}, nil, nil)
	if err := lo.control("tcp4", "127.0.0.1:8080", nil); err != nil {
		t.Errorf("loopback seed: control(127.0.0.1) = %v", err)
	}
	if err := lo.control("tcp6", "[fe80::1]:80", nil); !errors.Is(err, ErrBlockedAddress) {
		t.Errorf("loopback seed: control(fe80::1) = %v", err)
	}
}

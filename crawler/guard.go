package crawler

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"time"
)

// ErrBlockedAddress marks a connection refused because the address is on
// a loopback, link-local, private or otherwise internal network that no
// configured seed is on: a public page or redirect must not make the
// crawler reach the machine's own services or the cloud metadata endpoint.
var ErrBlockedAddress = errors.New("crawler: address on an internal network")

// guard checks every address the crawler connects to. Names are resolved
// here and each address checked before dialing, so a public name that
// resolves to an internal address is refused as well; the dialer's Control
// hook checks again the address actually connected to.
type guard struct {
	// exempt are internal networks a seed is on.
	exempt []netip.Prefix
	lookup func(ctx context.Context, host string) ([]netip.Addr, error)
	dial   func(ctx context.Context, network, addr string) (net.Conn, error)
}

// newGuard exempts the internal networks the hosts are on (seed and source
// hosts, and the proxy they are reached through). lookup and dial default
// to the system resolver and a net.Dialer with the Control check.
func newGuard(ctx context.Context, hosts []string, lookup func(context.Context, string) ([]netip.Addr, error), dial func(context.Context, string, string) (net.Conn, error)) *guard {
	g := &guard{lookup: lookup, dial: dial}
	if g.lookup == nil {
		g.lookup = func(ctx context.Context, host string) ([]netip.Addr, error) {
			return net.DefaultResolver.LookupNetIP(ctx, "ip", host)
		}
	}
	if g.dial == nil {
		d := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second, Control: g.control}
		g.dial = d.DialContext
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	seen := map[string]bool{}
	for _, h := range hosts {
		if h == "" || seen[h] {
			continue
		}
		seen[h] = true
		addrs, err := g.resolve(ctx, h)
		if err != nil {
			continue
		}
		for _, a := range addrs {
			if p, ok := internalNet(a); ok && !g.exempted(a) {
				g.exempt = append(g.exempt, p)
			}
		}
	}
	return g
}

// exempted reports whether a is on an internal network a seed is on.
func (g *guard) exempted(a netip.Addr) bool {
	a = embedded(a)
	for _, p := range g.exempt {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// allowed reports whether the crawler may connect to a.
func (g *guard) allowed(a netip.Addr) bool {
	_, internal := internalNet(a)
	return !internal || g.exempted(a)
}

func (g *guard) resolve(ctx context.Context, host string) ([]netip.Addr, error) {
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if a, err := netip.ParseAddr(host); err == nil {
		return []netip.Addr{a}, nil
	}
	return g.lookup(ctx, host)
}

// DialContext resolves addr's host, refuses internal addresses and dials
// the first allowed address that answers.
func (g *guard) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	addrs, err := g.resolve(ctx, host)
	if err != nil {
		return nil, err
	}
	var firstErr error
	for _, a := range addrs {
		if !g.allowed(a) {
			if firstErr == nil {
				firstErr = fmt.Errorf("%w: %s is %s", ErrBlockedAddress, host, a)
			}
			continue
		}
		conn, err := g.dial(ctx, network, net.JoinHostPort(a.String(), port))
		if err == nil {
			return conn, nil
		}
		if firstErr == nil || errors.Is(firstErr, ErrBlockedAddress) {
			firstErr = err
		}
	}
	if firstErr == nil {
		firstErr = fmt.Errorf("crawler: no address for %s", host)
	}
	return nil, firstErr
}

// control is the net.Dialer hook: the last check, on the address the
// socket is about to connect to.
func (g *guard) control(_, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: %s", ErrBlockedAddress, address)
	}
	if !g.allowed(ap.Addr()) {
		return fmt.Errorf("%w: %s", ErrBlockedAddress, address)
	}
	return nil
}

// seedHosts lists the hosts a crawl starts from, and the proxies they are
// reached through, for newGuard.
func (c *Crawler) seedHosts() []string {
	var urls []string
	urls = append(urls, c.seeds...)
	for _, s := range c.sources {
		urls = append(urls, s.Start...)
		urls = append(urls, s.Feeds...)
		urls = append(urls, s.Sitemaps...)
	}
	var hosts []string
	for _, raw := range urls {
		u, err := url.Parse(raw)
		if err != nil {
			continue
		}
		hosts = append(hosts, u.Hostname())
		if p, err := http.ProxyFromEnvironment(&http.Request{URL: u}); err == nil && p != nil {
			hosts = append(hosts, p.Hostname())
		}
	}
	return hosts
}

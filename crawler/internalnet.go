package crawler

import "net/netip"

// internalNets are the networks a crawl refuses unless a seed is on them.
var internalNets = func() []netip.Prefix {
	var out []netip.Prefix
	for _, s := range []string{
		"0.0.0.0/8",      // "this" network
		"10.0.0.0/8",     // private
		"100.64.0.0/10",  // carrier-grade NAT
		"127.0.0.0/8",    // loopback
		"169.254.0.0/16", // link-local, cloud metadata
		"172.16.0.0/12",  // private
		"192.0.0.0/24",   // IETF protocol assignments
		"192.168.0.0/16", // private
		"198.18.0.0/15",  // benchmarking
		"224.0.0.0/4",    // multicast
		"240.0.0.0/4",    // reserved, broadcast
		"::/128",         // unspecified
		"::1/128",        // loopback
		"64:ff9b:1::/48", // local-use NAT64
		"fc00::/7",       // unique local
		"fe80::/10",      // link-local
		"ff00::/8",       // multicast
		"100::/64",       // discard
		"fec0::/10",      // deprecated site-local
		"2001::/32",      // Teredo, may wrap an internal IPv4 address
	} {
		out = append(out, netip.MustParsePrefix(s))
	}
	return out
}()

var (
	nat64  = netip.MustParsePrefix("64:ff9b::/96")
	sixTo4 = netip.MustParsePrefix("2002::/16")
)

// internalNet returns the internal network a is on, if any. IPv4 addresses
// embedded in IPv6 ones (mapped, NAT64, 6to4) are checked as IPv4.
func internalNet(a netip.Addr) (netip.Prefix, bool) {
	a = embedded(a)
	for _, p := range internalNets {
		if p.Contains(a) {
			return p, true
		}
	}
	return netip.Prefix{}, false
}

// embedded returns the IPv4 address an IPv6 address wraps (mapped, NAT64,
// 6to4), or a.
func embedded(a netip.Addr) netip.Addr {
	a = a.Unmap()
	if b := a.As16(); nat64.Contains(a) {
		return netip.AddrFrom4([4]byte(b[12:16]))
	} else if sixTo4.Contains(a) {
		return netip.AddrFrom4([4]byte(b[2:6]))
	}
	return a
}

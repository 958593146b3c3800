package crawler

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"strings"
)

// Source is one news site's profile: where to start, which hosts belong to
// it, how fast to go and how to read its pages. The built-in profiles in
// sources.json are the one place a site is described: their rules are the
// rules for their hosts, and their golden pages are
// testdata/sites/<name>.html.
type Source struct {
	Name string `json:"name"`
	// SiteName is the outlet's name as readers know it ("VnExpress"),
	// stored as each article's source; "" uses the page's og:site_name.
	SiteName string `json:"site_name,omitempty"`
	// Hosts the crawl may visit ("vnexpress.net" also allows
	// "www.vnexpress.net"): the site's own host first, then its aliases
	// (another domain serving the same markup). A host belongs to one
	// built-in profile only.
	Hosts []string `json:"hosts"`
	// Start lists site roots and category pages.
	Start    []string `json:"start,omitempty"`
	Feeds    []string `json:"feeds,omitempty"`
	Sitemaps []string `json:"sitemaps,omitempty"`
	// DelayMS is the pause between requests to one host (robots.txt
	// Crawl-delay wins when longer). 0 = 1000.
	DelayMS int `json:"delay_ms,omitempty"`
	// Parallelism is the number of requests in flight per host. 0 = 2.
	Parallelism int `json:"parallelism,omitempty"`
	// Rule is how the site's pages are read. In a built-in profile it is
	// the rule for the profile's hosts; in a config file its selectors
	// override the built-in ones for the source's hosts.
	Rule *Rule `json:"rule,omitempty"`
	// Sniff makes a built-in profile's rule apply on hosts without one
	// when a page has both its title and its body markup.
	Sniff bool `json:"sniff,omitempty"`
}

type configFile struct {
	Sources []Source `json:"sources"`
}

//go:embed sources.json
var defaultSources []byte

// DefaultSources returns the built-in source profiles (sources.json).
func DefaultSources() []Source {
	s, err := parseConfig(defaultSources, "sources.json")
	if err != nil {
		panic(err)
	}
	return s
}

// LoadConfig reads a JSON file {"sources": [...]} and validates it. An empty
// path returns DefaultSources.
func LoadConfig(path string) ([]Source, error) {
	if path == "" {
		return DefaultSources(), nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("crawler: config: %w", err)
	}
	return parseConfig(b, path)
}

func parseConfig(b []byte, name string) ([]Source, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var cf configFile
	if err := dec.Decode(&cf); err != nil {
		return nil, fmt.Errorf("crawler: config %s: %w", name, err)
	}
	if len(cf.Sources) == 0 {
		return nil, fmt.Errorf("crawler: config %s: no sources", name)
	}
	for i, s := range cf.Sources {
		if err := s.validate(); err != nil {
			return nil, fmt.Errorf("crawler: config %s: source %d (%s): %w", name, i+1, s.Name, err)
		}
	}
	return cf.Sources, nil
}

func (s Source) validate() error {
	if s.Name == "" {
		return fmt.Errorf("name is empty")
	}
	if len(s.Hosts) == 0 {
		return fmt.Errorf("hosts is empty")
	}
	if len(s.Start)+len(s.Feeds)+len(s.Sitemaps) == 0 {
		return fmt.Errorf("no start, feeds or sitemaps")
	}
	for _, list := range [][]string{s.Start, s.Feeds, s.Sitemaps} {
		for _, raw := range list {
			u, err := parseSeed(raw)
			if err != nil {
				return err
			}
			if !s.allows(u.Host) {
				return fmt.Errorf("%s is not on the source's hosts %v", raw, s.Hosts)
			}
		}
	}
	if s.DelayMS < 0 || s.Parallelism < 0 {
		return fmt.Errorf("delay_ms and parallelism must not be negative")
	}
	return nil
}

// SourceFor returns the source among srcs whose hosts include host (with
// optional port; the last one listing it, as a crawl picks), or nil.
func SourceFor(srcs []Source, host string) *Source {
	var out *Source
	for i := range srcs {
		if srcs[i].allows(host) {
			out = &srcs[i]
		}
	}
	return out
}

// allows reports whether host (with optional port) belongs to the source.
func (s Source) allows(host string) bool {
	h := allowKey(host)
	for _, a := range s.Hosts {
		if allowKey(a) == h {
			return true
		}
	}
	return false
}

// allowKey is the host as compared for allowed hosts: lower case, port kept,
// "www." dropped.
func allowKey(host string) string {
	return strings.TrimPrefix(strings.ToLower(host), "www.")
}

// parseSeed validates a start URL.
func parseSeed(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, fmt.Errorf("bad URL %q: %w", raw, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("bad URL %q: scheme must be http or https", raw)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("bad URL %q: no host", raw)
	}
	return u, nil
}

package crawler

import (
	"net/url"
	"path"
	"strings"
)

// trackingParams are query parameters that never change what a page shows.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "msclkid": true, "zarsrc": true,
	"gidzl": true, "_ga": true, "mc_cid": true, "mc_eid": true, "ref": true,
	"vn_source": true, "vn_campaign": true, "vn_medium": true, "vn_term": true,
}

// normalizeURL resolves ref against base and returns it in canonical form:
// http(s) only, lower-case host without default port, no fragment, no
// tracking parameters. It returns "" for anything that is not a web page
// address (mailto:, javascript:, data:, unparsable).
func normalizeURL(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" || strings.HasPrefix(ref, "#") {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return ""
	}
	u.Host = strings.ToLower(u.Host)
	if (u.Scheme == "http" && strings.HasSuffix(u.Host, ":80")) || (u.Scheme == "https" && strings.HasSuffix(u.Host, ":443")) {
		u.Host = u.Host[:strings.LastIndexByte(u.Host, ':')]
	}
	if u.Hostname() == "" {
		return "" // "http://:80" has a port but no host
	}
	u.Fragment = ""
	u.RawFragment = ""
	u.User = nil
	if u.Path == "" {
		u.Path = "/"
	}
	if u.RawQuery != "" {
		q := u.Query()
		for k := range q {
			lk := strings.ToLower(k)
			if strings.HasPrefix(lk, "utm_") || trackingParams[lk] {
				q.Del(k)
			}
		}
		u.RawQuery = q.Encode()
	}
	out := u.String()
	// A reference resolved against a base is not checked by net/url:
	// "//::" becomes "https://::/", which does not parse.
	if _, err := url.Parse(out); err != nil {
		return ""
	}
	return out
}

// hostKey is the host name without port and without a leading "www.".
func hostKey(host string) string {
	host = strings.ToLower(host)
	if h, _, ok := strings.Cut(host, ":"); ok && !strings.Contains(h, "]") {
		host = h
	}
	return strings.TrimPrefix(host, "www.")
}

// sourceName is what Article.Source holds: the host without "www." or port.
func sourceName(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return ""
	}
	return hostKey(u.Hostname())
}

// skippedExt lists file types that are never article pages.
var skippedExt = map[string]bool{
	".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true, ".svg": true,
	".pdf": true, ".doc": true, ".docx": true, ".xls": true, ".xlsx": true, ".zip": true,
	".mp3": true, ".mp4": true, ".css": true, ".js": true, ".ico": true, ".woff": true, ".woff2": true,
}

// looksFetchable reports whether a link may lead to an HTML page, feed or
// sitemap (by its extension).
func looksFetchable(u string) bool {
	p, err := url.Parse(u)
	if err != nil {
		return false
	}
	return !skippedExt[strings.ToLower(path.Ext(p.Path))]
}

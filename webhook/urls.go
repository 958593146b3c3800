package webhook

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
)

// ParseURLs splits a comma-separated DXNEWS_WEBHOOK_URL and checks each URL;
// a URL given twice is kept once.
func ParseURLs(v string) ([]string, error) {
	var out []string
	for _, u := range strings.Split(v, ",") {
		if u = strings.TrimSpace(u); u == "" || slices.Contains(out, u) {
			continue
		}
		if err := checkURL(u); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, nil
}

func checkURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("webhook: DXNEWS_WEBHOOK_URL: %q is not an http(s) URL", raw)
	}
	return nil
}

// redact drops credentials and the query from a URL for logs and status.
func redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	u.User = nil
	if u.RawQuery != "" {
		u.RawQuery = "…"
	}
	return u.String()
}

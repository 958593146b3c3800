// Package retryafter reads the Retry-After header (RFC 9110, 10.2.3), which
// the crawler, the speech services' client and the webhook sender all honour.
package retryafter

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Parse reads a Retry-After value: delay seconds or an HTTP date, as a wait
// from now. It returns 0 when the value is absent, unreadable or past.
func Parse(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil {
		return max(time.Duration(s)*time.Second, 0)
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0)
	}
	return 0
}

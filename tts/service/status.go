package service

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"dxnews/internal/retryafter"
	"dxnews/tts"
)

// CheckStatus returns nil for a 2xx response. For 429 and 5xx it returns a
// *tts.RetryableError carrying the Retry-After; for other statuses a plain
// error. Both quote the start of the body.
func CheckStatus(resp *http.Response) error {
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return nil
	}
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	err := fmt.Errorf("HTTP %d from %s: %s", resp.StatusCode, resp.Request.URL.Redacted(), strings.TrimSpace(string(body)))
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500 {
		return &tts.RetryableError{Err: err, RetryAfter: retryafter.Parse(resp.Header.Get("Retry-After"), time.Now())}
	}
	return err
}

// ReadBody reads at most limit bytes of a response body, failing if there
// is more.
func ReadBody(r io.Reader, limit int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%w: larger than %d bytes", ErrTooLarge, limit)
	}
	return b, nil
}

package crawler

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/net/html/charset"
)

// Sentinel errors of the fetch path.
var (
	// ErrTooLarge marks a response larger than the body-size cap; the body is
	// not read past the cap.
	ErrTooLarge = errors.New("crawler: response body too large")
)

// transport is the http.RoundTripper under the colly collector. Per attempt
// it applies a timeout; it retries GET requests on network errors, 5xx and
// 429 with exponential backoff, honouring Retry-After; it caps body size
// while streaming; it decodes HTML to UTF-8 from any charset the headers or
// meta tags declare; and it keeps robots.txt answers for the run so robots
// rules are fetched once per host.
type transport struct {
	base          http.RoundTripper
	timeout       time.Duration
	retries       int
	backoff       time.Duration
	maxRetryAfter time.Duration
	maxBody       int64
	logger        *slog.Logger
	onRetry       func()
	// onHost receives the outcome of each request that reached (or tried
	// to reach) a host: false when the host did not answer or answered
	// 5xx/429 after retries.
	onHost func(host string, ok bool)

	mu     sync.Mutex
	robots map[string]*cachedResponse
	// robotsErr remembers hosts whose robots.txt could not be fetched even
	// after retries, so later requests fail at once instead of retrying again.
	robotsErr map[string]error
}

type cachedResponse struct {
	status int
	header http.Header
	body   []byte
}

func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	isRobots := req.URL.Path == "/robots.txt"
	if isRobots {
		t.mu.Lock()
		c, cerr := t.robots[req.URL.Host], t.robotsErr[req.URL.Host]
		t.mu.Unlock()
		if c != nil {
			return c.response(req), nil
		}
		if cerr != nil {
			t.report(req, nil, cerr)
			return nil, cerr
		}
	}
	resp, err := t.roundTrip(req)
	t.report(req, resp, err)
	if err != nil && isRobots && req.Context().Err() == nil {
		t.mu.Lock()
		if t.robotsErr == nil {
			t.robotsErr = map[string]error{}
		}
		t.robotsErr[req.URL.Host] = err
		t.mu.Unlock()
	}
	if err != nil || !isRobots {
		return resp, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	c := &cachedResponse{status: resp.StatusCode, header: resp.Header.Clone(), body: body}
	t.mu.Lock()
	if t.robots == nil {
		t.robots = map[string]*cachedResponse{}
	}
	t.robots[req.URL.Host] = c
	t.mu.Unlock()
	return c.response(req), nil
}

func (t *transport) report(req *http.Request, resp *http.Response, err error) {
	if t.onHost != nil && (err != nil || resp != nil) {
		t.onHost(allowKey(req.URL.Host), !hostFailure(req, resp, err))
	}
}

func (c *cachedResponse) response(req *http.Request) *http.Response {
	return &http.Response{
		Status: strconv.Itoa(c.status) + " " + http.StatusText(c.status), StatusCode: c.status,
		Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: c.header.Clone(), Body: io.NopCloser(bytes.NewReader(c.body)),
		ContentLength: int64(len(c.body)), Request: req,
	}
}

func (t *transport) roundTrip(req *http.Request) (*http.Response, error) {
	retryable := req.Method == http.MethodGet || req.Method == http.MethodHead
	for attempt := 0; ; attempt++ {
		ctx, cancel := context.WithTimeout(req.Context(), t.timeout)
		resp, err := t.base.RoundTrip(req.Clone(ctx))
		wait, again := t.shouldRetry(resp, err, attempt)
		if !again || !retryable || attempt >= t.retries || req.Context().Err() != nil {
			if err != nil {
				cancel()
				return nil, err
			}
			return t.wrap(resp, cancel)
		}
		reason := "network error"
		if resp != nil {
			reason = resp.Status
			io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
			resp.Body.Close()
		}
		cancel()
		t.logger.Debug("retrying", slog.String("url", req.URL.String()), slog.String("reason", reason), slog.Int("attempt", attempt+1), slog.Duration("wait", wait))
		if t.onRetry != nil {
			t.onRetry()
		}
		timer := time.NewTimer(wait)
		select {
		case <-req.Context().Done():
			timer.Stop()
			return nil, req.Context().Err()
		case <-timer.C:
		}
	}
}

// shouldRetry decides whether a failed attempt is retried and after how long:
// network errors and 5xx with exponential backoff, 429 and 503 after
// Retry-After when given (capped).
func (t *transport) shouldRetry(resp *http.Response, err error, attempt int) (time.Duration, bool) {
	back := t.backoff << uint(attempt)
	if err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, ErrBlockedAddress) {
			return 0, false
		}
		return back, true
	}
	if resp.StatusCode != http.StatusTooManyRequests && resp.StatusCode < 500 {
		return 0, false
	}
	if ra := retryAfter(resp.Header.Get("Retry-After")); ra > 0 {
		if ra > t.maxRetryAfter {
			ra = t.maxRetryAfter
		}
		return ra, true
	}
	return back, true
}

// retryAfter reads a Retry-After header in seconds or as an HTTP date.
func retryAfter(v string) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if n, err := strconv.Atoi(v); err == nil && n >= 0 {
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return time.Until(t)
	}
	return 0
}

// wrap caps the body, releases the attempt's timeout when the body is closed
// and decodes HTML to UTF-8.
func (t *transport) wrap(resp *http.Response, cancel context.CancelFunc) (*http.Response, error) {
	if t.maxBody > 0 && resp.ContentLength > t.maxBody {
		resp.Body.Close()
		cancel()
		return nil, fmt.Errorf("%w: %d bytes (cap %d)", ErrTooLarge, resp.ContentLength, t.maxBody)
	}
	var body io.ReadCloser = &cappedBody{rc: resp.Body, left: t.maxBody, limited: t.maxBody > 0, cancel: cancel}
	ct := resp.Header.Get("Content-Type")
	mt, params, _ := mime.ParseMediaType(ct)
	if resp.StatusCode == http.StatusOK && (mt == "text/html" || mt == "application/xhtml+xml") {
		cs := strings.ToLower(params["charset"])
		if cs != "utf-8" && cs != "utf8" {
			r, err := charset.NewReader(body, ct)
			if err != nil {
				body.Close()
				return nil, fmt.Errorf("crawler: charset of %s: %w", resp.Request.URL, err)
			}
			body = struct {
				io.Reader
				io.Closer
			}{r, body}
			resp.Header.Set("Content-Type", mt+"; charset=utf-8")
			resp.ContentLength = -1
			resp.Header.Del("Content-Length")
		}
	}
	resp.Body = body
	return resp, nil
}

// cappedBody fails with ErrTooLarge once more than left bytes are read.
type cappedBody struct {
	rc      io.ReadCloser
	left    int64
	limited bool
	cancel  context.CancelFunc
	once    sync.Once
}

func (b *cappedBody) Read(p []byte) (int, error) {
	if b.limited && int64(len(p)) > b.left+1 {
		p = p[:b.left+1]
	}
	n, err := b.rc.Read(p)
	if b.limited {
		b.left -= int64(n)
		if b.left < 0 {
			return 0, ErrTooLarge
		}
	}
	return n, err
}

func (b *cappedBody) Close() error {
	err := b.rc.Close()
	b.once.Do(b.cancel)
	return err
}

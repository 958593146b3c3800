package crawler

import (
	"bytes"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"sync"
	"time"
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
	// maxBody caps a page, maxDoc a sitemap or feed (see cappedBody).
	maxBody int64
	maxDoc  int64
	logger  *slog.Logger
	onRetry func()
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

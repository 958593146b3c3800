package crawler

import (
	"context"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"sync"

	"golang.org/x/net/html/charset"
)

// wrap caps the body, releases the attempt's timeout when the body is closed
// and decodes HTML to UTF-8.
func (t *transport) wrap(resp *http.Response, cancel context.CancelFunc) (*http.Response, error) {
	ct := resp.Header.Get("Content-Type")
	mt, params, _ := mime.ParseMediaType(ct)
	html := mt == "text/html" || mt == "application/xhtml+xml"
	if limit := t.declaredLimit(html); limit > 0 && resp.ContentLength > limit {
		resp.Body.Close()
		cancel()
		return nil, fmt.Errorf("%w: %d bytes (cap %d)", ErrTooLarge, resp.ContentLength, limit)
	}
	var body io.ReadCloser = &cappedBody{rc: resp.Body, contentType: ct, limit: t.maxBody, docLimit: t.maxDoc, cancel: cancel}
	if resp.StatusCode == http.StatusOK && html {
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

// declaredLimit is the cap a declared Content-Length is checked against
// before reading anything: the page cap for HTML, the larger sitemap and
// feed cap for anything else, which the body's first bytes then decide.
func (t *transport) declaredLimit(html bool) int64 {
	if html || t.maxBody <= 0 {
		return t.maxBody
	}
	return max(t.maxBody, t.maxDoc)
}

// sniffLen is how much of a body docKind looks at.
const sniffLen = 1024

// cappedBody fails with ErrTooLarge once more than limit bytes are read
// (0 = no limit). A body whose first sniffLen bytes say it is a sitemap or
// a feed may grow to docLimit instead: a sitemap may hold 50,000 URLs in
// 50 MB, far more than any article page.
type cappedBody struct {
	rc          io.ReadCloser
	contentType string
	limit       int64
	docLimit    int64
	read        int64
	head        []byte
	cancel      context.CancelFunc
	once        sync.Once
}

func (b *cappedBody) Read(p []byte) (int, error) {
	if b.limit > 0 && int64(len(p)) > b.limit-b.read+1 {
		p = p[:b.limit-b.read+1]
	}
	n, err := b.rc.Read(p)
	if len(b.head) < sniffLen {
		b.head = append(b.head, p[:min(n, sniffLen-len(b.head))]...)
	}
	b.read += int64(n)
	if b.limit > 0 && b.read > b.limit {
		if b.docLimit <= b.limit || !isDocument(docKind(b.contentType, b.head)) {
			return 0, ErrTooLarge
		}
		b.limit = b.docLimit
	}
	return n, err
}

func (b *cappedBody) Close() error {
	err := b.rc.Close()
	b.once.Do(b.cancel)
	return err
}

// isDocument reports whether a docKind is a sitemap or a feed.
func isDocument(kind string) bool {
	switch kind {
	case "sitemap", "sitemapindex", "rss", "atom", "jsonfeed", "text":
		return true
	}
	return false
}

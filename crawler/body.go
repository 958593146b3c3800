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

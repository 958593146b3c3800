package web

import (
	"bytes"
	"hash/fnv"
	"maps"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Versioned is implemented by indexes that can tell when their contents
// change: Version returns a number that changes whenever an article is
// indexed. With it, the server keeps recent responses in memory and drops
// them all when the version changes; without it, nothing is kept.
type Versioned interface {
	Version() uint64
}

// Limits of the response cache. cacheTTL bounds how long an entry lives
// even when the index does not change, since not all a response shows
// follows the index's version: the resolved entities (/api/entities and
// entity pages) are rebuilt in the background after the index changes.
const (
	cacheEntries = 1024
	cacheBytes   = 8 << 20
	cacheTTL     = 30 * time.Second
)

// Cache-Control of cacheable responses: browsers and proxies may reuse them
// briefly, then revalidate with the ETag.
const cacheControl = "public, max-age=10"

// captureWriter keeps a handler's response in memory.
type captureWriter struct {
	header http.Header
	status int
	body   []byte
}

func (c *captureWriter) Header() http.Header { return c.header }

func (c *captureWriter) WriteHeader(status int) {
	if c.status == 0 {
		c.status = status
	}
}

func (c *captureWriter) Write(b []byte) (int, error) {
	if c.status == 0 {
		c.status = http.StatusOK
	}
	c.body = append(c.body, b...)
	return len(b), nil
}

// cached serves GET responses of h with an ETag and Cache-Control, answers
// a matching If-None-Match with 304, and, when the index is Versioned,
// keeps 200 responses in the LRU until the index changes. Error responses
// are neither cached nor given an ETag.
func (s *server) cached(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var version uint64
		vi, versioned := s.index.(Versioned)
		if versioned {
			version = vi.Version()
		}
		key := r.Method + " " + r.URL.Path + "?" + r.URL.RawQuery
		var e *cachedResponse
		if versioned {
			e = s.cache.get(key, version, time.Now())
		}
		if e == nil {
			maker := false
			if versioned {
				e, maker = s.cache.shared(r.Context(), key, version)
			}
			if e == nil {
				e = s.capture(w, r, h, key, version, versioned, maker)
			}
			if e == nil {
				return
			}
		}
		hdr := w.Header()
		maps.Copy(hdr, e.header)
		hdr.Set("ETag", e.etag)
		hdr.Set("Cache-Control", cacheControl)
		if etagMatch(r.Header.Get("If-None-Match"), e.etag) {
			hdr.Del("Content-Type")
			hdr.Del("Content-Length")
			w.WriteHeader(http.StatusNotModified)
			return
		}
		hdr.Set("Content-Length", strconv.Itoa(len(e.body)))
		w.WriteHeader(http.StatusOK)
		if r.Method != http.MethodHead {
			w.Write(e.body)
		}
	}
}

// capture runs h and returns its response to keep, stored in the LRU when
// the index is versioned; a response other than a 200 is written to w as
// it is, and capture returns nil. A maker hands its response to the
// requests waiting for it (see shared) as soon as it has it, or if h
// panics.
func (s *server) capture(w http.ResponseWriter, r *http.Request, h http.HandlerFunc, key string, version uint64, versioned, maker bool) (e *cachedResponse) {
	if maker {
		defer func() { s.cache.finish(key, version, e) }()
	}
	cw := &captureWriter{header: http.Header{}}
	h(cw, r)
	if cw.status != http.StatusOK {
		maps.Copy(w.Header(), cw.header)
		w.WriteHeader(cw.status)
		w.Write(cw.body)
		return nil
	}
	e = &cachedResponse{key: key, version: version, at: time.Now(), header: cw.header, body: cw.body, etag: etagOf(cw.body)}
	if versioned {
		// The body grew by appends, up to twice its length: the cache
		// keeps an exact copy, so that its limit bounds what it holds.
		e.body = bytes.Clone(e.body)
		s.cache.put(e)
	}
	return e
}

// etagOf is a strong ETag of body.
func etagOf(body []byte) string {
	h := fnv.New64a()
	h.Write(body)
	return `"` + strconv.FormatUint(h.Sum64(), 36) + "-" + strconv.Itoa(len(body)) + `"`
}

// etagMatch reports whether an If-None-Match header lists etag (or is *).
func etagMatch(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == etag || t == "*" {
			return true
		}
	}
	return false
}

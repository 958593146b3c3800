package web

import (
	"container/list"
	"hash/fnv"
	"maps"
	"net/http"
	"strconv"
	"strings"
	"sync"
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
// even when the index does not change, since audio files on disk (listed
// in responses) can appear between index changes.
const (
	cacheEntries = 1024
	cacheBytes   = 32 << 20
	cacheTTL     = 30 * time.Second
)

// Cache-Control of cacheable responses: browsers and proxies may reuse them
// briefly, then revalidate with the ETag.
const cacheControl = "public, max-age=10"

// cachedResponse is one stored 200 response.
type cachedResponse struct {
	key     string
	version uint64
	at      time.Time
	header  http.Header
	body    []byte
	etag    string
}

// responseCache is an LRU of responses keyed by method and URL.
type responseCache struct {
	mu      sync.Mutex
	order   *list.List // front: most recently used
	entries map[string]*list.Element
	bytes   int
	version uint64
}

func newResponseCache() *responseCache {
	return &responseCache{order: list.New(), entries: map[string]*list.Element{}}
}

// get returns the entry for key if it was made at version and is fresh.
func (c *responseCache) get(key string, version uint64, now time.Time) *cachedResponse {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.checkVersion(version)
	el := c.entries[key]
	if el == nil {
		return nil
	}
	e := el.Value.(*cachedResponse)
	if now.Sub(e.at) > cacheTTL {
		c.drop(el)
		return nil
	}
	c.order.MoveToFront(el)
	return e
}

func (c *responseCache) put(e *cachedResponse) {
	if len(e.body) > cacheBytes/16 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.checkVersion(e.version)
	if e.version != c.version {
		return
	}
	if el := c.entries[e.key]; el != nil {
		c.drop(el)
	}
	c.entries[e.key] = c.order.PushFront(e)
	c.bytes += len(e.body)
	for c.order.Len() > cacheEntries || c.bytes > cacheBytes {
		c.drop(c.order.Back())
	}
}

// checkVersion empties the cache when the index has changed.
func (c *responseCache) checkVersion(v uint64) {
	if v == c.version {
		return
	}
	if v < c.version {
		return // a late writer of an older version
	}
	c.version = v
	c.order.Init()
	clear(c.entries)
	c.bytes = 0
}

func (c *responseCache) drop(el *list.Element) {
	e := c.order.Remove(el).(*cachedResponse)
	delete(c.entries, e.key)
	c.bytes -= len(e.body)
}

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
			cw := &captureWriter{header: http.Header{}}
			h(cw, r)
			if cw.status != http.StatusOK {
				maps.Copy(w.Header(), cw.header)
				w.WriteHeader(cw.status)
				w.Write(cw.body)
				return
			}
			e = &cachedResponse{key: key, version: version, at: time.Now(), header: cw.header, body: cw.body, etag: etagOf(cw.body)}
			if versioned {
				s.cache.put(e)
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

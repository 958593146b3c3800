package web

import (
	"container/list"
	"net/http"
	"sync"
	"time"
)

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
	flights flights // responses being made
}

func newResponseCache() *responseCache {
	return &responseCache{order: list.New(), entries: map[string]*list.Element{}, flights: flights{m: map[flightKey]*flight{}}}
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

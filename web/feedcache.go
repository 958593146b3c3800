package web

import "sync"

// feedCache keeps rendered feed pages until the feed index changes.
type feedCache struct {
	mu      sync.Mutex
	version int64
	pages   map[string][]byte
}

func (c *feedCache) get(version int64, key string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.version != version {
		c.version, c.pages = version, map[string][]byte{}
	}
	b, ok := c.pages[key]
	return b, ok
}

func (c *feedCache) put(version int64, key string, b []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.version != version {
		return
	}
	if len(c.pages) >= 64 {
		clear(c.pages)
	}
	c.pages[key] = b
}

package web

import (
	"context"
	"sync"
)

// A flight is one response being made for a key that other requests for
// the same key wait for, so that a miss under load (after the index
// changes, or an entry expires) makes the response once rather than once
// per waiting request: a large response (a list of entities with their
// articles) is megabytes of garbage each time it is made.
type flight struct {
	done chan struct{}
	resp *cachedResponse // nil when the maker's answer was not a 200
}

// flightKey names a response being made at one index version.
type flightKey struct {
	key     string
	version uint64
}

type flights struct {
	mu sync.Mutex
	m  map[flightKey]*flight
}

// shared returns the response another request is making for key at
// version, after waiting for it. When nobody is making it, the caller
// becomes its maker (maker is true) and must call finish. A nil response
// with maker false means the caller makes the response for itself: the
// maker's answer was not a 200, or ctx ended first.
func (c *responseCache) shared(ctx context.Context, key string, version uint64) (resp *cachedResponse, maker bool) {
	k := flightKey{key, version}
	c.flights.mu.Lock()
	f := c.flights.m[k]
	if f == nil {
		c.flights.m[k] = &flight{done: make(chan struct{})}
		c.flights.mu.Unlock()
		return nil, true
	}
	c.flights.mu.Unlock()
	select {
	case <-f.done:
		return f.resp, false
	case <-ctx.Done():
		return nil, false
	}
}

// finish hands the maker's response (nil when it was not a 200) to the
// requests waiting for key at version.
func (c *responseCache) finish(key string, version uint64, resp *cachedResponse) {
	k := flightKey{key, version}
	c.flights.mu.Lock()
	f := c.flights.m[k]
	delete(c.flights.m, k)
	c.flights.mu.Unlock()
	if f != nil {
		f.resp = resp
		close(f.done)
	}
}

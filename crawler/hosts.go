package crawler

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
)

// A host that fails hostFailLimit requests in a row (no answer, or 5xx
// after retries) is down: its URLs are left for later, for a backoff that
// starts at hostBackoffMin and doubles each time the host fails again after
// it, up to hostBackoffMax. The backoff is kept in the state, so a source
// down for hours costs each later run nothing until it is due; other hosts
// are not slowed down.
const (
	hostFailLimit  = 3
	hostBackoffMin = time.Minute
	hostBackoffMax = time.Hour
)

// hostRecord is a host's health; it is written to the state when a backoff
// starts and removed when the host answers again.
type hostRecord struct {
	// Fails counts failures in a row since the last success or backoff.
	Fails int `json:"f,omitempty"`
	// Level counts backoffs in a row; Until ends the current one.
	Level int       `json:"l,omitempty"`
	Until time.Time `json:"until,omitzero"`
}

// backoff is the wait of a backoff at level (1, 2, …).
func backoff(level int) time.Duration {
	d := hostBackoffMin
	for i := 1; i < level && d < hostBackoffMax; i++ {
		d *= 2
	}
	return min(d, hostBackoffMax)
}

// health tracks hosts' failures for a run.
type health struct {
	st  *state
	now func() time.Time

	mu    sync.Mutex
	hosts map[string]*hostRecord
}

func newHealth(st *state, now func() time.Time) *health {
	if now == nil {
		now = time.Now
	}
	return &health{st: st, now: now, hosts: map[string]*hostRecord{}}
}

// get returns the host's record, loading it from the state. The caller
// holds h.mu.
func (h *health) get(host string) *hostRecord {
	if r, ok := h.hosts[host]; ok {
		return r
	}
	r := &hostRecord{}
	h.st.view(func(tx *bolt.Tx) {
		if v := tx.Bucket(bucketHosts).Get([]byte(host)); v != nil {
			json.Unmarshal(v, r)
		}
	})
	h.hosts[host] = r
	return r
}

// down reports whether host is in a backoff, and until when.
func (h *health) down(host string) (time.Time, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	r := h.get(host)
	if r.Until.After(h.now()) {
		return r.Until, true
	}
	return time.Time{}, false
}

// result records the outcome of a request to host.
func (h *health) result(host string, ok bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	r := h.get(host)
	switch {
	case ok && r.Level > 0:
		*r = hostRecord{}
		h.st.putHost(host, nil)
	case ok:
		r.Fails = 0
	case !ok && r.Until.After(h.now()):
		// Requests already under way when the host went down.
	case !ok:
		r.Fails++
		// A host failing again after a backoff goes back at once.
		if r.Fails >= hostFailLimit || r.Level > 0 {
			r.Level++
			r.Fails = 0
			r.Until = h.now().Add(backoff(r.Level))
			h.st.putHost(host, r)
		}
	}
}

// downHosts lists the hosts in a backoff and when it ends.
func (h *health) downHosts() map[string]time.Time {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := map[string]time.Time{}
	for host, r := range h.hosts {
		if r.Until.After(h.now()) {
			out[host] = r.Until
		}
	}
	return out
}

// putHost writes a host's record (nil deletes it) at once: these change
// seldom, and only while a host is failing.
func (s *state) putHost(host string, r *hostRecord) {
	if s.db == nil {
		return
	}
	var v []byte
	if r != nil {
		v, _ = json.Marshal(r)
	}
	s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketHosts)
		if v == nil {
			return b.Delete([]byte(host))
		}
		return b.Put([]byte(host), v)
	})
}

// hostFailure reports whether a request's outcome says its host is down:
// no answer at all (refused, reset, timed out before the headers) or a 5xx
// or 429 left after retries. A refused address, an oversized body or the
// run ending say nothing about the host.
func hostFailure(req *http.Request, resp *http.Response, err error) bool {
	if req.Context().Err() != nil {
		return false
	}
	if err != nil {
		return !errors.Is(err, context.Canceled) && !errors.Is(err, ErrBlockedAddress) && !errors.Is(err, ErrTooLarge)
	}
	return resp.StatusCode >= 500 || resp.StatusCode == http.StatusTooManyRequests
}

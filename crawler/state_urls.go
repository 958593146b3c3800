package crawler

import (
	"time"

	bolt "go.etcd.io/bbolt"
)

// The methods below are how a run changes the state, each named for what
// happened to a URL. Their error is a state write that failed (see append):
// the run stops on it rather than crawl on without memory.

// MarkSeen records u as put on the frontier: a run killed before u is done
// fetches it again. A URL already known stays as it is.
func (s *state) MarkSeen(u string) error {
	return s.append(record{Kind: kindSeen, URL: u})
}

// MarkDone records u, a page that is not an article, as handled; skip is
// why it was not used ("" when it was: a discovery page). Discovery pages
// are fetched again every run, so nothing else about them is kept, and an
// unchanged record is not written again.
func (s *state) MarkDone(u, skip string) error {
	return s.appendIf(record{Kind: kindDone, URL: u, Skip: skip}, func(old record) bool {
		return old.Kind != kindDone || old.Skip != skip || old.Article
	})
}

// MarkRead records that the sitemap or feed at u, dated by its sitemap
// index, was read at t: the next run skips it while that date is not later.
func (s *state) MarkRead(u string, t time.Time) error {
	return s.append(record{Kind: kindDone, URL: u, Fetched: t})
}

// appendIf appends r unless the URL's record is known and changed(old)
// says r would change nothing, in one step under the state's lock.
func (s *state) appendIf(r record, changed func(old record) bool) error {
	s.mu.Lock()
	if old, ok := s.getLocked(r.URL); ok && !changed(old) {
		s.mu.Unlock()
		return nil
	}
	full, err := s.appendLocked(r)
	s.mu.Unlock()
	s.kickIf(full)
	return err
}

// pending lists URLs seen but not done, for a run to resume.
func (s *state) pending() []string {
	s.flush()
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	if s.db != nil {
		s.view(func(tx *bolt.Tx) {
			tx.Bucket(bucketPending).ForEach(func(k, _ []byte) error {
				if _, ok := s.mem.urls[string(k)]; !ok {
					out = append(out, string(k))
				}
				return nil
			})
		})
	}
	for u, r := range s.mem.urls {
		if r.Kind == kindSeen {
			out = append(out, u)
		}
	}
	return out
}

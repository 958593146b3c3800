package crawler

import "time"

// append records r; it reaches the disk within syncEvery. The error is a
// commit that failed since the last one that succeeded (a full disk): the
// change is kept buffered, and the caller stops the crawl.
func (s *state) append(r record) error {
	s.mu.Lock()
	full, err := s.appendLocked(r)
	s.mu.Unlock()
	s.kickIf(full)
	return err
}

// appendLocked records r in the write buffer and says whether the buffer
// is full. The caller holds s.mu.
func (s *state) appendLocked(r record) (full bool, err error) {
	known := false
	if r.Kind == kindSeen {
		_, known = s.getLocked(r.URL)
	}
	s.mem.apply(&r, known)
	if r.Kind == kindDone && r.Article {
		s.unclaimLocked(r.ID)
	}
	return len(s.mem.recs) >= maxBuffered, s.flushErr
}

// kickIf asks the sync loop for an early commit when the buffer is full.
func (s *state) kickIf(full bool) {
	if full && s.kick != nil {
		select {
		case s.kick <- struct{}{}:
		default:
		}
	}
}

func (s *state) syncLoop() {
	defer close(s.stopped)
	t := time.NewTicker(syncEvery)
	defer t.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-t.C:
		case <-s.kick:
		}
		s.flush()
	}
}

// flush commits the buffered changes. A failed commit keeps them buffered
// and is reported by the next append and by close.
func (s *state) flush() error {
	if s.db == nil {
		return nil
	}
	s.flushMu.Lock()
	defer s.flushMu.Unlock()
	s.mu.Lock()
	if len(s.mem.recs) == 0 {
		s.mu.Unlock()
		return nil
	}
	s.flushing, s.mem = s.mem, newOverlay()
	s.mu.Unlock()
	err := s.commit(s.flushing)
	s.mu.Lock()
	if err != nil {
		// Put the changes back in front of the ones made meanwhile.
		for i := range s.mem.recs {
			s.flushing.apply(&s.mem.recs[i], false)
		}
		s.mem = s.flushing
		s.flushErr = err
	} else {
		s.flushErr = nil
	}
	s.flushing = nil
	s.mu.Unlock()
	return err
}

package crawler

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// stateFile is the crawl state's name inside Config.StateDir.
const stateFile = "crawl-state.jsonl"

// record is one line of the append-only state log. "seen" records a URL put
// on the frontier; "done" records a URL fully handled, with what the next run
// needs: validators for conditional requests, the article ID and hashes.
type record struct {
	Kind         string    `json:"k"`
	URL          string    `json:"u"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"lm,omitempty"`
	Article      bool      `json:"a,omitempty"`
	ID           string    `json:"id,omitempty"`
	Hash         string    `json:"h,omitempty"`
	Sim          uint64    `json:"sim,omitempty"`
	Kept         bool      `json:"kept,omitempty"`
	Skip         string    `json:"skip,omitempty"`
	Fetched      time.Time `json:"t,omitzero"`
}

// idEntry is what the state knows about one article ID.
type idEntry struct {
	url  string
	hash string
}

// state is the crawl's memory across runs. Every change is one JSON line
// appended with a single write, so a process killed at any moment leaves at
// most a torn last line, which the next open drops. Writes reach the kernel
// at once (a SIGKILL loses nothing); lines that record an emitted article are
// fsynced by a group commit within syncEvery, so a power cut costs at most
// that much work, redone by the next run.
type state struct {
	mu     sync.Mutex
	f      *os.File
	urls   map[string]*record
	ids    map[string]idEntry
	hashes map[string]string
	sims   *simIndex

	dirty   bool
	stop    chan struct{}
	stopped chan struct{}
}

// syncEvery is the group-commit interval of the state log.
const syncEvery = 100 * time.Millisecond

func openState(dir string) (*state, error) {
	s := &state{urls: map[string]*record{}, ids: map[string]idEntry{}, hashes: map[string]string{}, sims: newSimIndex()}
	if dir == "" {
		return s, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("crawler: state dir: %w", err)
	}
	path := filepath.Join(dir, stateFile)
	lines, err := s.load(path)
	if err != nil {
		return nil, err
	}
	if lines > 2*len(s.urls)+1000 {
		if err := s.compact(path); err != nil {
			return nil, err
		}
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, fmt.Errorf("crawler: open state: %w", err)
	}
	s.f = f
	s.stop, s.stopped = make(chan struct{}), make(chan struct{})
	go s.syncLoop()
	return s, nil
}

// load replays the log and truncates a torn last line.
func (s *state) load(path string) (int, error) {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("crawler: open state: %w", err)
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<16)
	var good int64
	lines := 0
	for {
		line, err := br.ReadBytes('\n')
		if err == io.EOF {
			break
		}
		if err != nil {
			return 0, fmt.Errorf("crawler: read state: %w", err)
		}
		good += int64(len(line))
		var r record
		if json.Unmarshal(bytes.TrimSpace(line), &r) != nil {
			continue
		}
		lines++
		s.apply(&r)
	}
	if st, err := f.Stat(); err == nil && st.Size() != good {
		if err := f.Truncate(good); err != nil {
			return 0, fmt.Errorf("crawler: repair state: %w", err)
		}
	}
	return lines, nil
}

func (s *state) apply(r *record) {
	switch r.Kind {
	case "seen":
		if _, ok := s.urls[r.URL]; !ok {
			s.urls[r.URL] = &record{Kind: "seen", URL: r.URL}
		}
	case "done":
		cp := *r
		s.urls[r.URL] = &cp
		if r.Article && r.ID != "" {
			s.ids[r.ID] = idEntry{url: r.URL, hash: r.Hash}
			if r.Hash != "" {
				s.hashes[r.Hash] = r.ID
			}
			if r.Sim != 0 {
				s.sims.add(r.Sim, r.ID)
			}
		}
	}
}

// compact rewrites the log with one line per URL (temp file, fsync, rename).
func (s *state) compact(path string) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("crawler: compact state: %w", err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for _, r := range s.urls {
		if err := enc.Encode(r); err != nil {
			f.Close()
			return fmt.Errorf("crawler: compact state: %w", err)
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("crawler: compact state: %w", err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("crawler: compact state: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("crawler: compact state: %w", err)
	}
	return os.Rename(tmp, path)
}

// append applies r and writes it to the log; sync forces it to disk.
func (s *state) append(r record, sync bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.apply(&r)
	if s.f == nil {
		return nil
	}
	b, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("crawler: state: %w", err)
	}
	if _, err := s.f.Write(append(b, '\n')); err != nil {
		return fmt.Errorf("crawler: write state: %w", err)
	}
	if sync {
		s.dirty = true
	}
	return nil
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
			s.mu.Lock()
			dirty := s.dirty
			s.dirty = false
			s.mu.Unlock()
			if dirty {
				s.f.Sync()
			}
		}
	}
}

// get returns a copy of the URL's record.
func (s *state) get(u string) (record, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.urls[u]
	if !ok {
		return record{}, false
	}
	return *r, true
}

// pending lists URLs seen but not done, for a run to resume.
func (s *state) pending() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for u, r := range s.urls {
		if r.Kind == "seen" {
			out = append(out, u)
		}
	}
	return out
}

func (s *state) close() error {
	if s.f == nil {
		return nil
	}
	close(s.stop)
	<-s.stopped
	if err := s.f.Sync(); err != nil {
		s.f.Close()
		return fmt.Errorf("crawler: sync state: %w", err)
	}
	return s.f.Close()
}

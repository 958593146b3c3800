package main

import (
	"context"
	"fmt"
	"time"

	"dxnews/store"
)

// indexStateFile records, per index target, how far the index has applied
// the store's change log.
const indexStateFile = "index-state.json"

// indexState is the replay position of one index: every change of the
// store's log up to Cursor is indexed, except the articles in Retry, which
// the index refused and which are sent again first.
type indexState struct {
	Cursor  string    `json:"cursor"`
	Retry   []string  `json:"retry"`
	Updated time.Time `json:"updated"`
	Error   string    `json:"error,omitempty"`
}

// readStates reads the state of every target from the file at path.
func readStates(path string) (map[string]*indexState, error) {
	states := map[string]*indexState{}
	if _, err := readJSON(path, &states); err != nil {
		return nil, err
	}
	return states, nil
}

func (x *indexSync) load() (*indexState, error) {
	states, err := readStates(x.path)
	if err != nil {
		return nil, err
	}
	if s := states[x.target()]; s != nil {
		return s, nil
	}
	return &indexState{}, nil
}

// save writes st atomically, keeping the other targets' states.
func (x *indexSync) save(st *indexState) error {
	states, err := readStates(x.path)
	if err != nil {
		states = map[string]*indexState{}
	}
	st.Updated = time.Now().UTC()
	if st.Retry == nil {
		st.Retry = []string{}
	}
	states[x.target()] = st
	if err := writeJSON(x.path, states); err != nil {
		return fmt.Errorf("recording index progress: %w", err)
	}
	return nil
}

// lag returns how many stored articles the index has not applied yet and
// the last recorded index error.
func (x *indexSync) lag(ctx context.Context) (int, string, error) {
	return indexLag(ctx, x.store, x.path, x.target())
}

func indexLag(ctx context.Context, st *store.Store, path, target string) (int, string, error) {
	states, err := readStates(path)
	if err != nil {
		return 0, "", err
	}
	s := states[target]
	if s == nil {
		s = &indexState{}
	}
	ids, _, err := st.Changed(ctx, s.Cursor)
	if err != nil {
		return 0, "", err
	}
	n := len(ids)
	pending := map[string]bool{}
	for _, id := range ids {
		pending[id] = true
	}
	for _, id := range s.Retry {
		if !pending[id] {
			n++
		}
	}
	return n, s.Error, nil
}

// markCurrent records that the index holds every stored change, after a
// rebuild from the whole store.
func (x *indexSync) markCurrent(ctx context.Context) error {
	x.mu.Lock()
	defer x.mu.Unlock()
	_, head, err := x.store.Changed(ctx, "")
	if err != nil {
		return err
	}
	return x.save(&indexState{Cursor: head})
}

// restart makes the next catch-up replay the whole store.
func (x *indexSync) restart() {
	x.mu.Lock()
	defer x.mu.Unlock()
	st, err := x.load()
	if err != nil || st.Cursor == "" {
		return
	}
	x.logger.Info("the index is empty: replaying every stored article")
	if err := x.save(&indexState{}); err != nil {
		x.logger.Warn("could not reset the index progress", "err", err)
	}
}

package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
)

// OpenReadOnly opens the store in dir for reading while another process may
// be writing it: it creates nothing, never repairs the change log and
// refuses Put. Readers see each article whole, since writes are atomic
// renames.
func OpenReadOnly(dir string) (*Store, error) {
	if dir == "" {
		return nil, errors.New("store: empty data folder")
	}
	if _, err := os.Stat(filepath.Join(dir, "articles")); err != nil {
		return nil, fmt.Errorf("store: %s holds no articles folder: %w", dir, err)
	}
	return &Store{dir: dir, readOnly: true}, nil
}

// Changed returns the IDs of the articles changed after cursor, each once,
// in the order of their latest change, and the cursor of the newest
// change (cursor itself when nothing changed). It reads only the change log.
func (s *Store) Changed(ctx context.Context, cursor string) ([]string, string, error) {
	var after int64
	if cursor != "" {
		n, err := strconv.ParseInt(cursor, 10, 64)
		if err != nil || n < 0 {
			return nil, "", fmt.Errorf("%w %q", ErrInvalidCursor, cursor)
		}
		after = n
	}
	if err := ctx.Err(); err != nil {
		return nil, "", err
	}
	s.mu.Lock()
	entries, _, _, err := s.readLog()
	s.mu.Unlock()
	if err != nil {
		return nil, "", err
	}
	latest := map[string]int64{}
	head := after
	for _, e := range entries {
		if e.seq > after {
			latest[e.id] = e.seq
			head = max(head, e.seq)
		}
	}
	ids := []string{}
	for _, e := range entries {
		if e.seq > after && latest[e.id] == e.seq {
			ids = append(ids, e.id)
		}
	}
	return ids, strconv.FormatInt(head, 10), nil
}

// ReadOnly reports whether the store was opened with OpenReadOnly.
func (s *Store) ReadOnly() bool { return s.readOnly }

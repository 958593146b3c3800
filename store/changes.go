package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"dxnews/article"
)

// parseCursor returns the sequence number a cursor names; "" is 0, the
// beginning.
func parseCursor(cursor string) (int64, error) {
	if cursor == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(cursor, 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%w %q", ErrInvalidCursor, cursor)
	}
	return n, nil
}

// Since returns up to limit articles changed after cursor, oldest change
// first, and the cursor to pass next time. An empty cursor starts at the
// beginning. An article changed several times after cursor is returned once,
// at its latest change, so paging through yields every article exactly once
// per version a reader has not seen. When nothing is left, next == cursor.
// It costs what the page holds, however long the change log.
func (s *Store) Since(ctx context.Context, cursor string, limit int) ([]article.Article, string, error) {
	after, err := parseCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	if limit <= 0 {
		return nil, "", fmt.Errorf("store: invalid limit %d", limit)
	}
	out := []article.Article{}
	next := after
	for len(out) < limit {
		changes, err := s.latestAfter(next, limit-len(out))
		if err != nil {
			return nil, "", err
		}
		if len(changes) == 0 {
			break
		}
		for _, c := range changes {
			if err := ctx.Err(); err != nil {
				return nil, "", err
			}
			next = c.seq
			a, err := s.get(c.id.String())
			if errors.Is(err, ErrNotFound) || errors.Is(err, ErrCorrupt) {
				continue // a corrupt file is logged again once repaired
			}
			if err != nil {
				return nil, "", err
			}
			out = append(out, a)
		}
	}
	return out, strconv.FormatInt(next, 10), nil
}

// Changed returns the IDs of the articles changed after cursor, each once,
// in the order of their latest change, and the cursor of the newest
// change (cursor itself when nothing changed). It reads only the change log.
func (s *Store) Changed(ctx context.Context, cursor string) ([]string, string, error) {
	after, err := parseCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	if err := ctx.Err(); err != nil {
		return nil, "", err
	}
	changes, err := s.latestAfter(after, -1)
	if err != nil {
		return nil, "", err
	}
	ids := make([]string, len(changes))
	head := after
	for i, c := range changes {
		ids[i] = c.id.String()
		head = c.seq
	}
	return ids, strconv.FormatInt(head, 10), nil
}

// latestAfter returns up to limit (all for -1) changes after seq that are
// their article's latest, oldest first.
func (s *Store) latestAfter(seq int64, limit int) ([]logEntry, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.catchUp(); err != nil {
		return nil, err
	}
	return s.changes.latestAfter(seq, limit), nil
}

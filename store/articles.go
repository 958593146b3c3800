package store

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"dxnews/article"
)

// Put stores a, replacing any earlier version with the same ID. It reports
// whether anything changed; storing an identical article (the fetch time
// aside) changes nothing and leaves the change log alone. When it changes
// something, each of the stages in owed is recorded as owing the article
// (see Owe) before the new version is written.
func (s *Store) Put(ctx context.Context, a article.Article, owed ...string) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	if !validID.MatchString(a.ID) {
		return false, fmt.Errorf("store: invalid article id %q", a.ID)
	}
	a.Normalize()
	data, err := json.MarshalIndent(a, "", "  ")
	if err != nil {
		return false, fmt.Errorf("store: encoding article %s: %w", a.ID, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.readOnly {
		return false, errors.New("store: opened read-only (another dxnews process writes this data folder)")
	}
	if s.log == nil {
		return false, errors.New("store: closed")
	}
	if old, err := s.get(a.ID); err == nil && sameContent(old, a) {
		return false, nil
	}
	// The work owed first, then the log, then the file: a crash between
	// any two leaves work owed on an older version (harmless, redone) or a
	// log entry whose file is old or missing, and the next Put of the same
	// article writes it and logs it again. Nothing is lost.
	if err := s.owe(a.ID, owed); err != nil {
		return false, err
	}
	if err := s.logChange(a.ID); err != nil {
		return false, err
	}
	if err := s.writeFileAtomic(s.articlePath(a.ID), data); err != nil {
		return false, fmt.Errorf("store: writing article %s in %s: %w", a.ID, filepath.Dir(s.articlePath(a.ID)), err)
	}
	return true, nil
}

func sameContent(a, b article.Article) bool {
	a.Fetched, b.Fetched = time.Time{}, time.Time{}
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && bytes.Equal(x, y)
}

// Get returns the stored article with the given ID.
func (s *Store) Get(ctx context.Context, id string) (article.Article, error) {
	if err := ctx.Err(); err != nil {
		return article.Article{}, err
	}
	return s.get(id)
}

func (s *Store) get(id string) (article.Article, error) {
	if !validID.MatchString(id) {
		return article.Article{}, ErrNotFound
	}
	data, err := os.ReadFile(s.articlePath(id))
	if errors.Is(err, os.ErrNotExist) {
		return article.Article{}, ErrNotFound
	}
	if err != nil {
		return article.Article{}, fmt.Errorf("store: reading article %s: %w", id, err)
	}
	var a article.Article
	if err := json.Unmarshal(data, &a); err != nil || a.ID != id {
		if err == nil {
			err = fmt.Errorf("it holds article %q", a.ID)
		}
		return article.Article{}, fmt.Errorf("%w: %s: %v", ErrCorrupt, s.articlePath(id), err)
	}
	a.Normalize()
	return a, nil
}

// All returns every stored article, ordered by ID, leaving out corrupt
// files (see Corrupt).
func (s *Store) All(ctx context.Context) ([]article.Article, error) {
	arts, _, err := s.Scan(ctx)
	return arts, err
}

// Scan returns every stored article, ordered by ID, and the IDs of the
// article files that do not decode.
func (s *Store) Scan(ctx context.Context) ([]article.Article, []string, error) {
	ids, err := s.articleIDs()
	if err != nil {
		return nil, nil, err
	}
	out := make([]article.Article, 0, len(ids))
	var corrupt []string
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		a, err := s.get(id)
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if errors.Is(err, ErrCorrupt) {
			corrupt = append(corrupt, id)
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		out = append(out, a)
	}
	return out, corrupt, nil
}

// Quarantine moves the corrupt file of article id out of the store, to
// quarantine/<id>.json, where it can be looked at but is never read.
func (s *Store) Quarantine(id string) error {
	if !validID.MatchString(id) {
		return fmt.Errorf("store: invalid article id %q", id)
	}
	dir := filepath.Join(s.dir, "quarantine")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("store: quarantine in %s: %w", dir, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := os.Rename(s.articlePath(id), filepath.Join(dir, id+".json")); err != nil {
		return fmt.Errorf("store: quarantine in %s: %w", dir, err)
	}
	return nil
}

package main

import (
	"context"
	"errors"
	"log/slog"
	"path/filepath"
	"sync"
	"time"

	"dxnews/article"
	"dxnews/index"
	"dxnews/store"
)

// syncChunk is how many stored changes go to the index in one call.
const syncChunk = 500

// syncQuiet is how long a crawl leaves a failing index alone before it
// tries again; the end of a crawl always tries.
const syncQuiet = 30 * time.Second

// indexSync replays the store's change log into the index. The store is
// the source of truth: when the index is down or refuses articles, nothing
// is lost, and the next catch-up sends exactly what is missing.
type indexSync struct {
	store *store.Store
	index index.Indexer
	path  string
	// target names the index the state is kept for: "bleve", or the
	// cluster and index generation; "" while the cluster is unknown.
	target func() string
	batch  int // stored changes that trigger a catch-up during a crawl
	logger *slog.Logger
	// heal, when set, rebuilds an index marked damaged in use before it
	// is written to again (healingIndex.heal).
	heal func(context.Context) error

	mu        sync.Mutex
	pending   int       // stored since the last catch-up
	downUntil time.Time // no automatic catch-up before this
}

func newIndexSync(st *store.Store, ix index.Indexer, dir string, target func() string, batch int, logger *slog.Logger) *indexSync {
	return &indexSync{store: st, index: ix, path: filepath.Join(dir, indexStateFile), target: target, batch: max(batch, 1), logger: logger}
}

// stored notes one stored change and catches up when a batch is due. It
// returns how many articles were indexed; an index failure is logged, not
// returned, since the change is kept for the next catch-up.
func (x *indexSync) stored(ctx context.Context) int {
	x.mu.Lock()
	x.pending++
	due := x.pending >= x.batch && time.Now().After(x.downUntil)
	x.mu.Unlock()
	if !due {
		return 0
	}
	n, err := x.catchUp(ctx)
	if err != nil && ctx.Err() == nil {
		x.logger.Warn("index behind the store; will retry", "err", oneLine(err.Error()))
	}
	return n
}

// catchUp sends every stored change the index has not applied, oldest
// first, and records the progress after each chunk. It returns how many
// articles were indexed. After a partial failure the refused articles are
// recorded for the next call and an *index.PartialError is returned.
func (x *indexSync) catchUp(ctx context.Context) (int, error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.heal != nil {
		if err := x.heal(ctx); err != nil {
			return 0, err
		}
	}
	// A cluster that was down at start is set up first, so the progress
	// is recorded against the index generation it really writes to.
	if c, ok := x.index.(interface{ Check(context.Context) error }); ok {
		if err := c.Check(ctx); err != nil {
			if ctx.Err() == nil {
				x.downUntil = time.Now().Add(syncQuiet)
			}
			return 0, err
		}
	}
	st, err := x.load()
	if err != nil {
		return 0, err
	}
	total := 0
	for {
		arts, next, err := x.nextChunk(ctx, st)
		if err != nil {
			return total, err
		}
		if len(arts) == 0 {
			if next != st.Cursor || len(st.Retry) > 0 {
				st.Cursor, st.Retry = next, nil
				if err := x.save(st); err != nil {
					return total, err
				}
			}
			break
		}
		err = x.index.Index(ctx, arts...)
		var pe *index.PartialError
		switch {
		case err == nil:
			st.Cursor, st.Retry, st.Error = next, nil, ""
			total += len(arts)
		case errors.As(err, &pe):
			st.Cursor, st.Retry, st.Error = next, pe.Failed, oneLine(err.Error())
			total += len(arts) - len(pe.Failed)
		default:
			if ctx.Err() == nil {
				st.Error = oneLine(err.Error())
				_ = x.save(st)
				x.downUntil = time.Now().Add(syncQuiet)
			}
			return total, err
		}
		if serr := x.save(st); serr != nil {
			return total, serr
		}
		if err != nil {
			x.downUntil = time.Now().Add(syncQuiet)
			return total, err
		}
	}
	x.pending = 0
	x.downUntil = time.Time{}
	return total, nil
}

// nextChunk returns what the index is sent next: the articles it refused
// last time, then up to syncChunk stored changes after st's cursor, and the
// cursor after those.
func (x *indexSync) nextChunk(ctx context.Context, st *indexState) ([]article.Article, string, error) {
	var arts []article.Article
	seen := map[string]bool{}
	for _, id := range st.Retry {
		a, err := x.store.Get(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, "", err
		}
		arts = append(arts, a)
		seen[id] = true
	}
	more, next, err := x.store.Since(ctx, st.Cursor, syncChunk)
	if err != nil {
		return nil, "", err
	}
	for _, a := range more {
		if !seen[a.ID] {
			arts = append(arts, a)
		}
	}
	return arts, next, nil
}

package main

import (
	"context"
	"errors"
	"sync"

	"dxnews/article"
	"dxnews/index"
	"dxnews/index/bleve"
)

// errIndexRebuilding answers the calls made while the index is rebuilt.
var errIndexRebuilding = errors.New("the search index is being rebuilt from the stored articles; try again shortly")

// healingIndex is the Bleve index of a process that writes to it (crawl,
// run, serve). When the index is marked damaged in use (a panic inside
// Bleve, a full disk: see markIndexDamaged), the next catch-up of the index
// replay calls heal, which closes it and rebuilds it from the store, so a
// long run never goes on with a damaged index until it is restarted. Every
// user of the index (the pipeline, the web handler) holds this wrapper, so
// all of them move to the rebuilt index at once.
type healingIndex struct {
	dir string
	// rebuild removes the damaged index and builds a new one from the
	// store (rebuildIndex).
	rebuild func(ctx context.Context, why error) (*bleve.Index, error)

	mu  sync.RWMutex
	cur *bleve.Index // nil while rebuilding
	gen uint64       // bumped at each rebuild, for Version
}

var (
	_ index.Indexer = (*healingIndex)(nil)
	_ interface {
		Version() uint64
		Warm(context.Context) error
	} = (*healingIndex)(nil)
)

// heal rebuilds the index when it is marked damaged; it does nothing
// otherwise. Calls in flight finish on the old index first; calls made
// during the rebuild fail with errIndexRebuilding.
func (h *healingIndex) heal(ctx context.Context) error {
	why := indexMarkedDamaged(h.dir)
	if why == nil {
		return nil
	}
	h.mu.Lock()
	old := h.cur
	h.cur = nil
	h.gen++
	h.mu.Unlock()
	if old != nil {
		old.Close()
	}
	idx, err := h.rebuild(ctx, why)
	if err != nil {
		return err
	}
	h.mu.Lock()
	h.cur = idx
	h.mu.Unlock()
	return nil
}

// use runs f on the current index.
func (h *healingIndex) use(f func(*bleve.Index) error) error {
	h.mu.RLock()
	defer h.mu.RUnlock()
	if h.cur == nil {
		return errIndexRebuilding
	}
	return f(h.cur)
}

func (h *healingIndex) Index(ctx context.Context, docs ...article.Article) error {
	return h.use(func(ix *bleve.Index) error { return ix.Index(ctx, docs...) })
}

func (h *healingIndex) Search(ctx context.Context, q index.Query) (res index.Results, err error) {
	err = h.use(func(ix *bleve.Index) error { res, err = ix.Search(ctx, q); return err })
	return res, err
}

func (h *healingIndex) Entities(ctx context.Context, q index.EntityQuery) (ents []index.Entity, err error) {
	err = h.use(func(ix *bleve.Index) error { ents, err = ix.Entities(ctx, q); return err })
	return ents, err
}

func (h *healingIndex) Get(ctx context.Context, id string) (a article.Article, err error) {
	err = h.use(func(ix *bleve.Index) error { a, err = ix.Get(ctx, id); return err })
	return a, err
}

func (h *healingIndex) Count(ctx context.Context) (n int, err error) {
	err = h.use(func(ix *bleve.Index) error { n, err = ix.Count(ctx); return err })
	return n, err
}

// Warm warms the current index's entity table.
func (h *healingIndex) Warm(ctx context.Context) error {
	return h.use(func(ix *bleve.Index) error { return ix.Warm(ctx) })
}

// Version changes whenever the index changes, a rebuild included.
func (h *healingIndex) Version() uint64 {
	h.mu.RLock()
	defer h.mu.RUnlock()
	v := h.gen << 40
	if h.cur != nil {
		v += h.cur.Version()
	}
	return v
}

func (h *healingIndex) Close() error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.cur == nil {
		return nil
	}
	err := h.cur.Close()
	h.cur = nil
	return err
}

// Package bleve is the embedded search backend of dxnews: an index.Indexer
// on Bleve's scorch engine, kept in a directory or in memory.
//
// Title, lead, body and entity names are analysed once into both forms of
// each word, "chuyển" and "chuyen" at the same position, so a query matches
// with or without diacritics. Every word of the query must occur somewhere
// in the article; matches are ranked in tiers (all words in the title as
// typed, in the title, in the lead, anywhere) and newest first within a
// tier, so no query scores its matches: it intersects postings and sorts by
// one short doc value, and pages of many matches look only at the newest
// articles first.
//
// Entity names are also kept as keywords: as written, for facets, and
// folded (index.FoldKey), for filters. Each document stores the article's
// summary (index.Summary) as JSON for Search and the whole article for Get.
// Beside the Bleve index, an entity table built from the summaries on first
// use (or Warm) and kept up to date by Index answers Entities and
// archive-wide facets; it is rebuilt on every Open, so the index stays the
// only thing on disk.
//
// An on-disk index is locked by the process that opens it; a second process
// gives up after a short wait with an error.
package bleve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"

	"dxnews/article"
	"dxnews/index"

	blevesearch "github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// ErrClosed is returned by every method called after Close.
var ErrClosed = errors.New("bleve: index closed")

// schemaKey names the internal value that records schemaVersion.
var schemaKey = []byte("dxnews_schema")

// lockTimeout bounds the wait for another process's lock on an on-disk index.
const lockTimeout = "2s"

// Index is a Bleve index of articles. It is safe for concurrent use.
type Index struct {
	dir    string
	logger *slog.Logger

	mu     sync.RWMutex // held for writing only by Close
	closed bool
	idx    blevesearch.Index
	ents   entityTable
	// writeMu orders batch writes with their entity table updates.
	writeMu sync.Mutex
	// version counts the batches written since Open.
	version atomic.Uint64
	// searching holds a slot per search running; see searchSlots.
	searching chan struct{}
}

// searchSlots is how many searches run at once per CPU. A search over a
// large archive allocates in proportion to its matches; the CPUs are busy
// with that many already, so the others wait for a slot rather than hold
// their allocations while the CPUs take turns, which keeps the server's
// memory bounded under many concurrent requests.
const searchSlots = 1

// searchSlot waits for a slot to run a search in, or for ctx to end; the
// caller calls the function it returns when done.
func (i *Index) searchSlot(ctx context.Context) (func(), error) {
	select {
	case i.searching <- struct{}{}:
		return func() { <-i.searching }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// Version returns a number that changes whenever articles are indexed, so
// callers can cache results until it does.
func (i *Index) Version() uint64 { return i.version.Load() }

var _ index.Indexer = (*Index)(nil)

// Open opens the index in dir, creating it when dir does not exist or is
// empty. An empty dir gives an in-memory index that is lost on Close. A nil
// logger discards log output.
func Open(dir string, logger *slog.Logger) (*Index, error) {
	if logger == nil {
		logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	logger = logger.With("backend", "bleve")
	i := &Index{dir: dir, logger: logger, searching: make(chan struct{}, searchSlots*runtime.GOMAXPROCS(0))}
	var err error
	switch {
	case dir == "":
		i.idx, err = create("")
	case exists(filepath.Join(dir, "index_meta.json")):
		i.idx, err = blevesearch.OpenUsing(dir, scorchConfig())
		if err != nil {
			return nil, fmt.Errorf("bleve: open index %s (is another dxnews process using it?): %w", dir, err)
		}
		if err := i.checkSchema(); err != nil {
			_ = i.idx.Close()
			return nil, err
		}
	default:
		if err := checkEmptyDir(dir); err != nil {
			return nil, err
		}
		i.idx, err = create(dir)
	}
	if err != nil {
		return nil, fmt.Errorf("bleve: create index %s: %w", displayDir(dir), err)
	}
	adviseSegments()
	logger.Debug("index opened", "dir", displayDir(dir))
	return i, nil
}

// scorchConfig is the configuration every index is opened with.
func scorchConfig() map[string]any {
	return map[string]any{"bolt_timeout": lockTimeout, "eventCallbackName": eventCallback}
}

func create(dir string) (blevesearch.Index, error) {
	m, err := newMapping()
	if err != nil {
		return nil, err
	}
	idx, err := blevesearch.NewUsing(dir, m, scorch.Name, scorch.Name, scorchConfig())
	if err != nil {
		return nil, err
	}
	if err := idx.SetInternal(schemaKey, []byte(schemaVersion)); err != nil {
		_ = idx.Close()
		return nil, err
	}
	return idx, nil
}

func (i *Index) checkSchema() error {
	v, err := i.idx.GetInternal(schemaKey)
	if err != nil {
		return fmt.Errorf("bleve: read schema of %s: %w", i.dir, err)
	}
	if string(v) != schemaVersion {
		return fmt.Errorf("bleve: index %s has schema %q, this build needs %q: remove it and run dxnews reindex", i.dir, v, schemaVersion)
	}
	return nil
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// checkEmptyDir refuses to create an index inside a directory that already
// holds other files.
func checkEmptyDir(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("bleve: read index directory %s: %w", dir, err)
	case len(entries) > 0:
		return fmt.Errorf("bleve: %s is not empty and holds no bleve index", dir)
	}
	return nil
}

func displayDir(dir string) string {
	if dir == "" {
		return "(memory)"
	}
	return dir
}

// Close releases the index. Calling it again does nothing.
func (i *Index) Close() error {
	i.mu.Lock()
	defer i.mu.Unlock()
	if i.closed {
		return nil
	}
	i.closed = true
	if err := i.idx.Close(); err != nil {
		return fmt.Errorf("bleve: close %s: %w", displayDir(i.dir), err)
	}
	return nil
}

// acquire read-locks the index for one call; release with i.mu.RUnlock.
func (i *Index) acquire(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	i.mu.RLock()
	if i.closed {
		i.mu.RUnlock()
		return ErrClosed
	}
	return nil
}

// Count returns the number of indexed articles.
func (i *Index) Count(ctx context.Context) (int, error) {
	if err := i.acquire(ctx); err != nil {
		return 0, err
	}
	defer i.mu.RUnlock()
	n, err := i.idx.DocCount()
	if err != nil {
		return 0, fmt.Errorf("bleve: count: %w", err)
	}
	return int(n), nil
}

// Get returns the article with the given ID, or index.ErrNotFound.
func (i *Index) Get(ctx context.Context, id string) (article.Article, error) {
	if err := i.acquire(ctx); err != nil {
		return article.Article{}, err
	}
	defer i.mu.RUnlock()
	doc, err := i.idx.Document(id)
	if err != nil {
		return article.Article{}, fmt.Errorf("bleve: get %s: %w", id, err)
	}
	if doc == nil {
		return article.Article{}, index.ErrNotFound
	}
	var raw []byte
	doc.VisitFields(func(f bleveindex.Field) {
		if f.Name() == fieldJSON {
			raw = f.Value()
		}
	})
	if raw == nil {
		return article.Article{}, fmt.Errorf("bleve: get %s: stored article missing", id)
	}
	return index.Decode(id, raw)
}

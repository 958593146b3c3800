package resolve

import (
	"context"
	"runtime"
	"sync"
	"time"

	"dxnews/article"
)

// inlineBuild is how long a rebuild may take and still be done while a
// reader waits. Slower rebuilds (large collections) run in the background
// while readers get the previous graph, so pages stay fast while a crawl
// adds articles.
const inlineBuild = 250 * time.Millisecond

// rebuildGap is how many times a background rebuild's own duration must
// pass after it before the next one starts, so that a crawl adding
// articles every few seconds to a large collection keeps at most a fifth
// of a core rebuilding.
const rebuildGap = 4

// Source reads the articles a Resolver resolves, giving them to add a batch
// at a time.
type Source func(ctx context.Context, add func([]article.Article)) error

// Resolver keeps a Graph current as articles are added. It is safe for
// concurrent use.
type Resolver struct {
	mu       sync.Mutex
	src      Source         // nil: the articles are kept in docs
	docs     map[string]Doc // without src
	graph    *Graph         // nil before the first build
	builtAt  time.Time      // when graph was built
	dirty    bool           // articles changed since graph was built
	building bool           // a background rebuild is running
	done     chan struct{}
}

// NewResolver returns an empty Resolver that keeps what it resolves from
// the articles added to it.
func NewResolver() *Resolver {
	return &Resolver{docs: map[string]Doc{}}
}

// NewResolverFrom returns a Resolver that reads every article from src
// each time it builds, keeping none of them between builds: for a large
// archive held in a store, whose articles would otherwise be held twice.
// Add and Load only tell it that src has changed.
func NewResolverFrom(src Source) *Resolver {
	return &Resolver{src: src}
}

// Add adds or replaces articles (by ID).
func (r *Resolver) Add(arts ...article.Article) { r.add(arts, true) }

// Load adds stored articles read at start-up. An article already added
// is kept: Add is always given the newer version.
func (r *Resolver) Load(arts []article.Article) { r.add(arts, false) }

// add takes in arts, replacing the articles held under their IDs when
// replace is set and keeping them otherwise. With a source, it only marks
// the graph out of date.
func (r *Resolver) add(arts []article.Article, replace bool) {
	var docs []Doc
	if r.src == nil {
		docs = fromArticles(arts)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, d := range docs {
		if _, held := r.docs[d.ID]; replace || !held {
			r.docs[d.ID] = d
		}
	}
	r.dirty = true
}

// Graph returns the resolved view of the articles added so far. The first
// call builds it; after changes, a collection that resolves quickly is
// rebuilt before returning, a large one is rebuilt in the background and
// the previous graph is returned meanwhile.
func (r *Resolver) Graph(ctx context.Context) (*Graph, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	r.mu.Lock()
	if r.graph != nil && !r.dirty {
		defer r.mu.Unlock()
		return r.graph, nil
	}
	if r.graph != nil && (r.building || r.graph.Took > inlineBuild) {
		if !r.building && time.Since(r.builtAt) >= rebuildGap*r.graph.Took {
			r.startBuild()
		}
		defer r.mu.Unlock()
		return r.graph, nil
	}
	docs := r.snapshot()
	r.mu.Unlock()
	g, err := r.build(ctx, docs)
	r.mu.Lock()
	defer r.mu.Unlock()
	if err != nil {
		r.dirty = true
		return nil, err
	}
	if !r.building {
		r.graph, r.builtAt = g, time.Now()
	}
	return g, nil
}

// snapshot copies the docs and marks them built; r.mu is held. With a
// source there is nothing to copy: build reads it.
func (r *Resolver) snapshot() []Doc {
	r.dirty = false
	if r.src != nil {
		return nil
	}
	docs := make([]Doc, 0, len(r.docs))
	for _, d := range r.docs {
		docs = append(docs, d)
	}
	return docs
}

// build resolves docs, or what the source holds; Took counts reading it.
func (r *Resolver) build(ctx context.Context, docs []Doc) (*Graph, error) {
	if r.src == nil {
		return Build(docs), nil
	}
	start := time.Now()
	err := r.src(ctx, func(arts []article.Article) {
		docs = append(docs, fromArticles(arts)...)
	})
	if err != nil {
		return nil, err
	}
	g := Build(docs)
	g.Took = time.Since(start)
	return g, nil
}

// startBuild rebuilds in the background; r.mu is held. A rebuild that
// fails keeps the previous graph and marks the articles changed, so the
// next one tries again.
func (r *Resolver) startBuild() {
	docs := r.snapshot()
	r.building = true
	r.done = make(chan struct{})
	go func() {
		g, err := r.build(context.Background(), docs)
		r.mu.Lock()
		if err != nil {
			r.dirty = true
		} else {
			r.graph = g
		}
		r.builtAt, r.building = time.Now(), false
		close(r.done)
		r.mu.Unlock()
	}()
}

// Wait blocks until no background rebuild is running, or ctx ends.
func (r *Resolver) Wait(ctx context.Context) error {
	r.mu.Lock()
	building, done := r.building, r.done
	r.mu.Unlock()
	if !building {
		return nil
	}
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// fromArticles converts articles to Docs on every core.
func fromArticles(arts []article.Article) []Doc {
	docs := make([]Doc, len(arts))
	workers := min(runtime.GOMAXPROCS(0), len(arts)/256+1)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(arts); i += workers {
				docs[i] = FromArticle(arts[i])
			}
		}()
	}
	wg.Wait()
	return docs
}

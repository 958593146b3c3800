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

// Resolver keeps a Graph current as articles are added. It is safe for
// concurrent use.
type Resolver struct {
	mu       sync.Mutex
	docs     map[string]Doc
	graph    *Graph // nil before the first build
	dirty    bool   // docs changed since graph was built
	building bool   // a background rebuild is running
	done     chan struct{}
}

// NewResolver returns an empty Resolver.
func NewResolver() *Resolver {
	return &Resolver{docs: map[string]Doc{}}
}

// Add adds or replaces articles (by ID).
func (r *Resolver) Add(arts ...article.Article) {
	docs := fromArticles(arts)
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, d := range docs {
		r.docs[d.ID] = d
	}
	r.dirty = true
}

// Load adds stored articles read at start-up. An article already added
// is kept: Add is always given the newer version.
func (r *Resolver) Load(arts []article.Article) {
	docs := fromArticles(arts)
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, d := range docs {
		if _, ok := r.docs[d.ID]; !ok {
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
		if !r.building {
			r.startBuild()
		}
		defer r.mu.Unlock()
		return r.graph, nil
	}
	docs := r.snapshot()
	r.mu.Unlock()
	g := Build(docs)
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.building {
		r.graph = g
	}
	return g, nil
}

// snapshot copies the docs and marks them built; r.mu is held.
func (r *Resolver) snapshot() []Doc {
	docs := make([]Doc, 0, len(r.docs))
	for _, d := range r.docs {
		docs = append(docs, d)
	}
	r.dirty = false
	return docs
}

// startBuild rebuilds in the background; r.mu is held.
func (r *Resolver) startBuild() {
	docs := r.snapshot()
	r.building = true
	r.done = make(chan struct{})
	go func() {
		g := Build(docs)
		r.mu.Lock()
		r.graph, r.building = g, false
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

package resolve

import (
	"context"
	"sync"

	"dxnews/article"
)

// Resolver keeps a Graph current as articles are added. Reads rebuild the
// graph once after changes; it is safe for concurrent use.
type Resolver struct {
	mu    sync.Mutex
	docs  map[string]Doc
	graph *Graph
}

// NewResolver returns an empty Resolver.
func NewResolver() *Resolver {
	return &Resolver{docs: map[string]Doc{}}
}

// Add adds or replaces articles (by ID).
func (r *Resolver) Add(arts ...article.Article) {
	docs := make([]Doc, len(arts))
	for i, a := range arts {
		docs[i] = FromArticle(a)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, d := range docs {
		r.docs[d.ID] = d
	}
	r.graph = nil
}

// Load adds stored articles read at start-up. An article already added
// is kept: Add is always given the newer version.
func (r *Resolver) Load(arts []article.Article) {
	docs := make([]Doc, len(arts))
	for i, a := range arts {
		docs[i] = FromArticle(a)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, d := range docs {
		if _, ok := r.docs[d.ID]; !ok {
			r.docs[d.ID] = d
		}
	}
	r.graph = nil
}

// Graph returns the resolved view of every article added so far.
func (r *Resolver) Graph(ctx context.Context) (*Graph, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.graph == nil {
		docs := make([]Doc, 0, len(r.docs))
		for _, d := range r.docs {
			docs = append(docs, d)
		}
		r.graph = Build(docs)
	}
	return r.graph, nil
}

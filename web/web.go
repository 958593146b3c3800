// Package web serves dxnews over HTTP: the JSON API, the NDJSON export,
// audio with Range support, podcast feeds, health and metrics endpoints, and
// a plain HTML UI. Templates and static assets are embedded.
package web

import (
	"context"
	"errors"
	"log/slog"

	"dxnews/article"
	"dxnews/index"
	"dxnews/resolve"
)

// Searcher is the part of index.Indexer the web layer reads from. An index
// that also implements Versioned lets the server cache responses.
type Searcher interface {
	Search(ctx context.Context, q index.Query) (index.Results, error)
	Entities(ctx context.Context, q index.EntityQuery) ([]index.Entity, error)
	// Get returns index.ErrNotFound (possibly wrapped) for an unknown ID.
	Get(ctx context.Context, id string) (article.Article, error)
	Count(ctx context.Context) (int, error)
}

// Store is the part of the article store the web layer reads from.
type Store interface {
	// Since returns up to limit articles after cursor ("" = from the start)
	// and the cursor to pass next time.
	Since(ctx context.Context, cursor string, limit int) (arts []article.Article, next string, err error)
	// AudioPath returns where the MP3 of an article in a voice lives on disk;
	// its sentence timings sit beside it with the .json extension. Only the
	// audio endpoint asks: pages, feeds and the API list readings from the
	// articles' audio records.
	AudioPath(id, voice string) string
}

// Config configures the handler returned by New.
type Config struct {
	Index Searcher
	Store Store
	// Logger receives one record per failed request; nil discards.
	Logger *slog.Logger
	// Resolver gives the entities resolved across articles (IDs, aliases,
	// dated roles, goals, decisions). nil: entities come from the index
	// alone and the analysis pages answer 503.
	Resolver Resolver
	// WarmAfter, when set, holds back warming the index (see Warm) until
	// it is closed, so that a server reading its archive at start does not
	// build both at once.
	WarmAfter <-chan struct{}
	// BaseURL is the public origin used for absolute URLs in feeds
	// ("https://dxnews.example"); "" derives it from the request.
	BaseURL string
	// Metrics receives the HTTP metrics and is what /metrics serves, so the
	// pipeline's metrics registered there are served too; nil = a registry
	// of its own from NewRegistry.
	Metrics Registry
	// FeedEmail is the podcast owner's address (itunes:email), which
	// directories use to verify ownership; "" means podcast@<host>.
	FeedEmail string
}

// Resolver is the part of resolve.Resolver the web layer reads from.
type Resolver interface {
	Graph(ctx context.Context) (*resolve.Graph, error)
}

// ErrNotReady is what a Resolver returns (possibly wrapped) while it is
// still reading the archive at start-up; the server answers 503 with
// Retry-After, and the pages say so.
var ErrNotReady = errors.New("resolved entities are still loading")

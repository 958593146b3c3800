// Package web serves dxnews over HTTP: the JSON API, the NDJSON export,
// audio with Range support, podcast feeds, health and metrics endpoints, and
// a plain HTML UI. Templates and static assets are embedded.
package web

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"

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
	// its sentence timings sit beside it with the .json extension.
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

type server struct {
	resolver Resolver
	index    Searcher
	store    Store
	log      *slog.Logger
	baseURL  string
	metrics  *metrics
	pages    *pages
	cache    *responseCache

	feeds     *feedIndex
	feedCache feedCache
	feedEmail string
}

// New returns the HTTP handler serving the whole dxnews site and API.
func New(cfg Config) (http.Handler, error) {
	s, err := newServer(cfg)
	if err != nil {
		return nil, err
	}
	return s.routes(), nil
}

func newServer(cfg Config) (*server, error) {
	if cfg.Index == nil {
		return nil, errors.New("web: Config.Index is required")
	}
	if cfg.Store == nil {
		return nil, errors.New("web: Config.Store is required")
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	pg, err := loadPages()
	if err != nil {
		return nil, err
	}
	reg := cfg.Metrics
	if reg == nil {
		reg = NewRegistry()
	}
	m, err := newMetrics(reg, cfg.Index, log)
	if err != nil {
		return nil, err
	}
	s := &server{
		resolver: cfg.Resolver,
		index:    cfg.Index,
		store:    cfg.Store,
		log:      log,
		baseURL:  cfg.BaseURL,
		metrics:  m,
		pages:    pg,

		cache: newResponseCache(),

		feeds:     newFeedIndex(cfg.Store),
		feedEmail: cfg.FeedEmail,
	}
	if w, ok := cfg.Index.(warmer); ok {
		go func() {
			if err := w.Warm(context.Background()); err != nil {
				log.Warn("web: warming the index", "error", err)
			}
		}()
	}
	return s, nil
}

// warmer is implemented by indexes that prepare for queries ahead of the
// first one; New starts it in the background.
type warmer interface {
	Warm(ctx context.Context) error
}

func (s *server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/articles", s.cached(s.handleArticles))
	mux.HandleFunc("GET /api/articles/{id}", s.cached(s.handleArticle))
	mux.HandleFunc("GET /api/entities", s.cached(s.handleEntities))
	mux.HandleFunc("GET /api/audio/{id}/{file}", s.handleAudio)
	mux.HandleFunc("GET /api/chapters/{id}/{file}", s.handleChapters)
	mux.HandleFunc("GET /api/export", s.handleExport)
	s.analysisRoutes(mux)
	mux.HandleFunc("/api/", s.handleAPINotFound)
	mux.HandleFunc("GET /feeds/{file}", s.handleFeed)
	mux.HandleFunc("GET /healthz", s.handleHealth)
	mux.HandleFunc("GET /metrics", s.handleMetrics)

	mux.HandleFunc("GET /{$}", s.cached(s.handleHome))
	mux.HandleFunc("GET /search", s.cached(s.handleSearch))
	mux.HandleFunc("GET /articles/{id}", s.cached(s.handleArticlePage))
	mux.HandleFunc("GET /entities/{type}/{name...}", s.cached(s.handleEntityPage))
	mux.Handle("GET /static/", staticHandler())
	mux.HandleFunc("/", s.handlePageNotFound)
	return s.instrument(mux)
}

package web

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
)

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
			if cfg.WarmAfter != nil {
				<-cfg.WarmAfter
			}
			if err := w.Warm(context.Background()); err != nil {
				log.Warn("web: warming the index", "err", err)
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
	return s.instrument(s.audioFirst(s.mux()))
}

func (s *server) mux() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/articles", s.cached(s.handleArticles))
	mux.HandleFunc("GET /api/articles/{id}", s.cached(s.handleArticle))
	mux.HandleFunc("GET /api/entities", s.cached(s.handleEntities))
	mux.HandleFunc(audioPattern, s.handleAudio)
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
	return mux
}

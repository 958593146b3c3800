// Package elastic is the Elasticsearch 8 backend of dxnews: an
// index.Indexer on github.com/elastic/go-elasticsearch/v8 that behaves as
// the embedded Bleve index does, for a cluster that several dxnews
// processes share and other tools (Kibana, BI jobs) read.
//
// Layout, for the prefix "dxnews" (Config.Prefix):
//
//	_index_template/dxnews-articles   composable template of dxnews-articles-v*
//	_index_template/dxnews-entities   composable template of dxnews-entities-v*
//	dxnews-articles                   alias of the current dxnews-articles-vN
//	dxnews-entities                   alias of the current dxnews-entities-vN
//
// The templates, the first generation of each index and its alias are
// created by the first process that finds them missing. Document IDs are
// the article IDs and EntityID(type, name), so writing an article again
// replaces it.
//
// Refresh policy: every bulk write asks for refresh=wait_for, so Index
// returns once the articles are searchable, as Bleve's does, without forcing
// extra Lucene segments; writers are batched by the caller.
package elastic

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"dxnews/article"
	"dxnews/index"

	"github.com/elastic/go-elasticsearch/v8"
	"github.com/elastic/go-elasticsearch/v8/esapi"
)

// Errors callers can test for with errors.Is.
var (
	// ErrClosed is returned by every method called after Close.
	ErrClosed = errors.New("elastic: index closed")
	// ErrUnavailable marks failures that may pass: the cluster could not be
	// reached, or answered 429 or 5xx after the retries.
	ErrUnavailable = errors.New("elastic: cluster unavailable")
)

// Config says how to reach the cluster.
type Config struct {
	// Addresses are the node URLs, e.g. http://127.0.0.1:9200.
	Addresses []string
	// Username and Password, or APIKey (base64 "id:key"), authenticate.
	Username, Password, APIKey string
	// CACert is a PEM certificate the cluster's TLS certificate must chain to.
	CACert []byte
	// Prefix starts every index, alias and template name; default "dxnews".
	Prefix string
	// Timeout bounds each request; default 30s.
	Timeout time.Duration
	// MaxRetries bounds the retries of a request answered 429, 502, 503 or
	// 504, or not answered; default 5.
	MaxRetries int
	// Backoff is the wait before retry n (1-based); default exponential from
	// 200ms to 10s with jitter.
	Backoff func(n int) time.Duration
	// Logger receives warnings and debug lines; nil discards.
	Logger *slog.Logger
	// Transport replaces the HTTP transport (tests).
	Transport http.RoundTripper
}

// Index is an index.Indexer on an Elasticsearch cluster. It is safe for
// concurrent use.
type Index struct {
	es      *elasticsearch.Client
	probe   *elasticsearch.Client // es without retries, for the first contact
	n       names
	cfg     Config
	logger  *slog.Logger
	display string // the first address, without credentials

	mu     sync.Mutex
	ready  bool // templates, indices and aliases are in place
	closed bool
	gen    int // generation of the articles index the alias pointed to at setup
	// entityMu serialises the rebuilding of entity documents in this
	// process, so two overlapping writes cannot store a stale one last.
	entityMu sync.Mutex
}

var _ index.Indexer = (*Index)(nil)

// New checks cfg and returns an Index that has not contacted the cluster
// yet; Check (or the first call of any method) does.
func New(cfg Config) (*Index, error) {
	if len(cfg.Addresses) == 0 {
		return nil, errors.New("elastic: no cluster address")
	}
	for _, a := range cfg.Addresses {
		u, err := url.Parse(a)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("elastic: %q is not a cluster URL (want http://host:9200 or https://…)", a)
		}
	}
	if cfg.APIKey != "" && (cfg.Username != "" || cfg.Password != "") {
		return nil, errors.New("elastic: give a username and password or an API key, not both")
	}
	if (cfg.Username == "") != (cfg.Password == "") {
		return nil, errors.New("elastic: a username needs a password and a password needs a username")
	}
	if cfg.Prefix == "" {
		cfg.Prefix = DefaultPrefix
	}
	if cfg.Prefix != strings.ToLower(cfg.Prefix) || strings.ContainsAny(cfg.Prefix, ` "*\<|,>/?#:`) || strings.HasPrefix(cfg.Prefix, "_") {
		return nil, fmt.Errorf("elastic: index prefix %q is not a valid index name (lower case, no spaces or \\/*?\"<>|,#:)", cfg.Prefix)
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 30 * time.Second
	}
	if cfg.MaxRetries <= 0 {
		cfg.MaxRetries = 5
	}
	if cfg.Backoff == nil {
		cfg.Backoff = defaultBackoff
	}
	logger := cfg.Logger
	if logger == nil {
		logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	esCfg := elasticsearch.Config{
		Addresses:     cfg.Addresses,
		Username:      cfg.Username,
		Password:      cfg.Password,
		APIKey:        cfg.APIKey,
		CACert:        cfg.CACert,
		Transport:     cfg.Transport,
		RetryOnStatus: []int{http.StatusTooManyRequests, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout},
		MaxRetries:    cfg.MaxRetries,
		RetryBackoff:  cfg.Backoff,
	}
	es, err := elasticsearch.NewClient(esCfg)
	if err != nil {
		return nil, fmt.Errorf("elastic: %w", err)
	}
	// The first contact is not retried: a wrong address or an absent
	// cluster is reported at once, in one line.
	esCfg.DisableRetry = true
	probe, err := elasticsearch.NewClient(esCfg)
	if err != nil {
		return nil, fmt.Errorf("elastic: %w", err)
	}
	display := cfg.Addresses[0]
	if u, err := url.Parse(display); err == nil {
		display = u.Redacted()
	}
	return &Index{es: es, probe: probe, n: names{cfg.Prefix}, cfg: cfg, logger: logger.With("backend", "elastic"), display: display}, nil
}

func defaultBackoff(n int) time.Duration {
	d := 200 * time.Millisecond << min(n-1, 6)
	d = min(d, 10*time.Second)
	return d/2 + rand.N(d/2+1)
}

// Open is New followed by Check.
func Open(ctx context.Context, cfg Config) (*Index, error) {
	i, err := New(cfg)
	if err != nil {
		return nil, err
	}
	if err := i.Check(ctx); err != nil {
		return nil, err
	}
	return i, nil
}

// Close releases the client. Calling it again does nothing.
func (i *Index) Close() error {
	i.mu.Lock()
	defer i.mu.Unlock()
	i.closed = true
	return nil
}

// acquire checks ctx and that the index is open and set up.
func (i *Index) acquire(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	i.mu.Lock()
	closed, ready := i.closed, i.ready
	i.mu.Unlock()
	if closed {
		return ErrClosed
	}
	if !ready {
		return i.Check(ctx)
	}
	return nil
}

// Count returns the number of indexed articles.
func (i *Index) Count(ctx context.Context) (int, error) {
	if err := i.acquire(ctx); err != nil {
		return 0, err
	}
	var res struct {
		Count int `json:"count"`
	}
	if err := i.do(ctx, esapi.CountRequest{Index: []string{i.n.articlesAlias()}}, &res); err != nil {
		return 0, fmt.Errorf("elastic: count: %w", err)
	}
	return res.Count, nil
}

// Get returns the article with the given ID, or index.ErrNotFound.
func (i *Index) Get(ctx context.Context, id string) (article.Article, error) {
	if err := i.acquire(ctx); err != nil {
		return article.Article{}, err
	}
	var res struct {
		Found  bool            `json:"found"`
		Source json.RawMessage `json:"_source"`
	}
	err := i.do(ctx, esapi.GetRequest{Index: i.n.articlesAlias(), DocumentID: id}, &res)
	var re *ResponseError
	if errors.As(err, &re) && re.Status == http.StatusNotFound && re.Type == "" {
		return article.Article{}, index.ErrNotFound
	}
	if err != nil {
		return article.Article{}, fmt.Errorf("elastic: get %s: %w", id, err)
	}
	if !res.Found {
		return article.Article{}, index.ErrNotFound
	}
	return index.Decode(id, res.Source)
}

// Target names the cluster and the articles index generation, to tell
// apart the places an index can live: a replay cursor is kept per target,
// so after a rebuild elsewhere a process replays its whole store into the
// new generation. It is "" until Check has succeeded.
func (i *Index) Target() string {
	i.mu.Lock()
	defer i.mu.Unlock()
	if !i.ready {
		return ""
	}
	return "elastic " + i.display + " " + i.n.articlesIndex(i.gen)
}

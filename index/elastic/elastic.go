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
	"bytes"
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

// Check contacts the cluster and makes sure the templates, the indices and
// their aliases exist, creating what is missing. A wrong URL, bad
// credentials and an unreachable cluster each give one error saying which;
// only the last wraps ErrUnavailable.
func (i *Index) Check(ctx context.Context) error {
	i.mu.Lock()
	defer i.mu.Unlock()
	if i.closed {
		return ErrClosed
	}
	if i.ready {
		return nil
	}
	if err := i.setup(ctx); err != nil {
		return err
	}
	i.ready = true
	return nil
}

// info is the part of the root endpoint's answer dxnews reads.
type info struct {
	ClusterName string `json:"cluster_name"`
	Version     struct {
		Number string `json:"number"`
	} `json:"version"`
}

func (i *Index) setup(ctx context.Context) error {
	var in info
	if err := i.doWith(ctx, i.probe, esapi.InfoRequest{}, &in); err != nil {
		return i.startError(err)
	}
	if major, _, _ := strings.Cut(in.Version.Number, "."); len(major) == 1 && major < "8" {
		return fmt.Errorf("elastic: %s runs Elasticsearch %s; dxnews needs 8.x", i.display, in.Version.Number)
	}
	for _, t := range []struct {
		name string
		body map[string]any
	}{
		{i.n.articlesTemplate(), articlesTemplate(i.n)},
		{i.n.entitiesTemplate(), entitiesTemplate(i.n)},
	} {
		if err := i.do(ctx, esapi.IndicesPutIndexTemplateRequest{Name: t.name, Body: jsonBody(t.body)}, nil); err != nil {
			return fmt.Errorf("elastic: install index template %s: %w", t.name, err)
		}
	}
	for _, a := range []struct {
		alias string
		first string
	}{
		{i.n.articlesAlias(), i.n.articlesIndex(1)},
		{i.n.entitiesAlias(), i.n.entitiesIndex(1)},
	} {
		cur, err := i.aliasTarget(ctx, a.alias)
		if err != nil {
			return err
		}
		if a.alias == i.n.articlesAlias() {
			i.gen = max(generation(cur), 1)
		}
		if cur != "" {
			continue
		}
		err = i.do(ctx, esapi.IndicesCreateRequest{Index: a.first, Body: jsonBody(createBody(a.alias))}, nil)
		if err != nil && !isType(err, "resource_already_exists_exception") {
			return fmt.Errorf("elastic: create index %s: %w", a.first, err)
		}
		i.logger.Info("index created", "index", a.first, "alias", a.alias)
	}
	i.logger.Debug("cluster ready", "cluster", in.ClusterName, "version", in.Version.Number)
	return nil
}

// startError turns a failure of the first request into a message saying
// what is wrong.
func (i *Index) startError(err error) error {
	var re *ResponseError
	switch {
	case errors.As(err, &re) && re.Status == http.StatusUnauthorized:
		return fmt.Errorf("elastic: %s rejected the credentials (401 %s): check the username and password or API key", i.display, re.Type)
	case errors.As(err, &re) && re.Status == http.StatusForbidden:
		return fmt.Errorf("elastic: %s refused access (403 %s): the user needs the monitor privilege and manage on the %s-* indices", i.display, re.Type, i.n.prefix)
	case strings.Contains(err.Error(), "not Elasticsearch") || strings.Contains(err.Error(), "unknown product"):
		return fmt.Errorf("elastic: %s is not an Elasticsearch server (wrong URL?)", i.display)
	case errors.As(err, &re) && re.Status == http.StatusNotFound:
		return fmt.Errorf("elastic: %s answered 404 at its root: not an Elasticsearch server (wrong URL?)", i.display)
	case errors.Is(err, ErrUnavailable):
		return fmt.Errorf("elastic: cannot reach the cluster at %s: %w", i.display, err)
	}
	return fmt.Errorf("elastic: %s: %w", i.display, err)
}

// aliasTarget returns the index the alias writes to, or "" when the alias
// does not exist.
func (i *Index) aliasTarget(ctx context.Context, alias string) (string, error) {
	var got map[string]struct {
		Aliases map[string]struct {
			IsWriteIndex *bool `json:"is_write_index"`
		} `json:"aliases"`
	}
	err := i.do(ctx, esapi.IndicesGetAliasRequest{Name: []string{alias}}, &got)
	var re *ResponseError
	if errors.As(err, &re) && re.Status == http.StatusNotFound {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("elastic: read alias %s: %w", alias, err)
	}
	best := ""
	for name, a := range got {
		w := a.Aliases[alias].IsWriteIndex
		if (w != nil && *w) || best == "" || (w == nil && generation(name) > generation(best)) {
			best = name
		}
	}
	return best, nil
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
	return decode(id, res.Source)
}

func decode(id string, raw []byte) (article.Article, error) {
	var a article.Article
	if err := json.Unmarshal(raw, &a); err != nil {
		return article.Article{}, fmt.Errorf("elastic: decode article %s: %w", id, err)
	}
	a.Normalize()
	return a, nil
}

// Health is the cluster's health as _cluster/health reports it.
type Health struct {
	Cluster string `json:"cluster_name"`
	Status  string `json:"status"` // green, yellow or red
	Nodes   int    `json:"number_of_nodes"`
}

// Health asks the cluster for its health.
func (i *Index) Health(ctx context.Context) (Health, error) {
	var h Health
	if err := ctx.Err(); err != nil {
		return h, err
	}
	if err := i.do(ctx, esapi.ClusterHealthRequest{}, &h); err != nil {
		return h, fmt.Errorf("elastic: cluster health: %w", err)
	}
	return h, nil
}

// ClusterHealth returns the cluster's status: green, yellow or red.
func (i *Index) ClusterHealth(ctx context.Context) (string, error) {
	h, err := i.Health(ctx)
	return h.Status, err
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

// ResponseError is an error answer from Elasticsearch.
type ResponseError struct {
	Status int
	Type   string // e.g. index_not_found_exception; "" when the body has none
	Reason string
}

func (e *ResponseError) Error() string {
	if e.Type == "" {
		return fmt.Sprintf("status %d", e.Status)
	}
	return fmt.Sprintf("status %d: %s: %s", e.Status, e.Type, e.Reason)
}

// Unwrap makes 429 and 5xx answers ErrUnavailable.
func (e *ResponseError) Unwrap() error {
	if e.Status == http.StatusTooManyRequests || e.Status >= 500 {
		return ErrUnavailable
	}
	return nil
}

func isType(err error, typ string) bool {
	var re *ResponseError
	return errors.As(err, &re) && re.Type == typ
}

// do performs req with the request timeout and decodes a 2xx answer into
// out (when not nil). Errors are *ResponseError for error answers, wrap
// ErrUnavailable when the cluster could not be reached, and are ctx's error
// when ctx ended.
func (i *Index) do(ctx context.Context, req esapi.Request, out any) error {
	return i.doWith(ctx, i.es, req, out)
}

func (i *Index) doWith(ctx context.Context, es *elasticsearch.Client, req esapi.Request, out any) error {
	rctx, cancel := context.WithTimeout(ctx, i.cfg.Timeout)
	defer cancel()
	res, err := req.Do(rctx, es)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if strings.Contains(err.Error(), "not Elasticsearch") || strings.Contains(err.Error(), "unknown product") {
			return err
		}
		return fmt.Errorf("%w: %w", ErrUnavailable, err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("%w: reading the answer: %w", ErrUnavailable, err)
	}
	if res.IsError() {
		return responseError(res.StatusCode, body)
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(body, out); err != nil {
		return fmt.Errorf("elastic: decode answer: %w", err)
	}
	return nil
}

// responseError decodes an error body: {"error": {"type", "reason"}} or
// {"error": "text"}, or a get's {"found": false}.
func responseError(status int, body []byte) error {
	var e struct {
		Error json.RawMessage `json:"error"`
	}
	re := &ResponseError{Status: status}
	if json.Unmarshal(body, &e) == nil && len(e.Error) > 0 {
		var obj struct {
			Type   string `json:"type"`
			Reason string `json:"reason"`
		}
		var s string
		switch {
		case json.Unmarshal(e.Error, &obj) == nil:
			re.Type, re.Reason = obj.Type, obj.Reason
		case json.Unmarshal(e.Error, &s) == nil:
			re.Reason = s
		}
	}
	return re
}

func jsonBody(v any) io.Reader {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only maps of plain values are passed
	}
	return bytes.NewReader(b)
}

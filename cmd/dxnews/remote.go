package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"dxnews/article"
	"dxnews/index"
)

// serverFile names the file a serving dxnews writes in its data folder, so
// search and status can ask it while it holds the Bleve index.
const serverFile = "server.json"

// serverInfo is the content of serverFile.
type serverInfo struct {
	URL string `json:"url"`
	PID int    `json:"pid"`
}

// announceServer writes serverFile for a server listening on addr and
// returns the function that removes it.
func announceServer(dir, addr string) (func(), error) {
	path := filepath.Join(dir, serverFile)
	if err := writeJSON(path, serverInfo{URL: "http://" + addr, PID: os.Getpid()}); err != nil {
		return nil, err
	}
	return func() { os.Remove(path) }, nil
}

// findServer returns a client of the dxnews serving dir, when serverFile
// names one that answers its health check.
func findServer(ctx context.Context, dir string) (*remoteIndex, bool) {
	b, err := os.ReadFile(filepath.Join(dir, serverFile))
	if err != nil {
		return nil, false
	}
	var si serverInfo
	if json.Unmarshal(b, &si) != nil || si.URL == "" {
		return nil, false
	}
	r := &remoteIndex{base: si.URL, client: &http.Client{Timeout: 30 * time.Second}}
	cctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	if _, err := r.Count(cctx); err != nil {
		return nil, false
	}
	return r, true
}

// remoteIndex reads an index through the JSON API of the dxnews process
// that holds it. It cannot write.
type remoteIndex struct {
	base   string
	client *http.Client
}

var _ index.Indexer = (*remoteIndex)(nil)

func (r *remoteIndex) get(ctx context.Context, path string, q url.Values, out any) error {
	u := r.base + path
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	res, err := r.client.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("asking the running dxnews at %s: %w", r.base, err)
	}
	defer res.Body.Close()
	if res.StatusCode == http.StatusNotFound {
		return index.ErrNotFound
	}
	if res.StatusCode != http.StatusOK {
		var e struct {
			Error string `json:"error"`
		}
		json.NewDecoder(res.Body).Decode(&e)
		return fmt.Errorf("the running dxnews at %s answered %d: %s", r.base, res.StatusCode, e.Error)
	}
	return json.NewDecoder(res.Body).Decode(out)
}

func (r *remoteIndex) Search(ctx context.Context, q index.Query) (index.Results, error) {
	v := url.Values{}
	for k, s := range map[string]string{"q": q.Text, "person": q.Person, "org": q.Org, "decision": q.Decision, "location": q.Location, "source": q.Source} {
		if s != "" {
			v.Set(k, s)
		}
	}
	if !q.From.IsZero() {
		v.Set("from", q.From.Format(time.DateOnly))
	}
	if !q.To.IsZero() {
		v.Set("to", q.To.Format(time.DateOnly))
	}
	if q.Page > 0 {
		v.Set("page", strconv.Itoa(q.Page))
	}
	if q.Size > 0 {
		v.Set("size", strconv.Itoa(q.Size))
	}
	var res index.Results
	err := r.get(ctx, "/api/articles", v, &res)
	return res, err
}

func (r *remoteIndex) Entities(ctx context.Context, q index.EntityQuery) ([]index.Entity, error) {
	v := url.Values{"type": {q.Type}, "q": {q.Q}}
	if q.Size > 0 {
		v.Set("size", strconv.Itoa(q.Size))
	}
	var res struct {
		Entities []index.Entity `json:"entities"`
	}
	err := r.get(ctx, "/api/entities", v, &res)
	return res.Entities, err
}

func (r *remoteIndex) Get(ctx context.Context, id string) (article.Article, error) {
	var a article.Article
	err := r.get(ctx, "/api/articles/"+url.PathEscape(id), nil, &a)
	return a, err
}

func (r *remoteIndex) Count(ctx context.Context) (int, error) {
	var h struct {
		Articles int `json:"articles"`
	}
	err := r.get(ctx, "/healthz", nil, &h)
	return h.Articles, err
}

func (r *remoteIndex) Index(context.Context, ...article.Article) error {
	return errors.New("the index is held by the running dxnews at " + r.base + "; it indexes what it crawls")
}

func (r *remoteIndex) Close() error { return nil }

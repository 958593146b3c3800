package elastic

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"sync"
	"time"

	"dxnews/article"
	"dxnews/index"

	"github.com/elastic/go-elasticsearch/v8/esutil"
)

// flushBytes is the size at which the bulk indexer sends a request.
const flushBytes = 5 << 20

// op is one bulk action on one document.
type op struct {
	action string // "index" or "delete"
	id     string
	body   []byte // nil for delete
}

// itemError is one bulk item Elasticsearch refused.
type itemError struct {
	status int
	typ    string
	reason string
}

func (e itemError) Error() string { return fmt.Sprintf("status %d: %s: %s", e.status, e.typ, e.reason) }

// retryable reports whether an item refused this way may succeed later:
// es_rejected_execution_exception (429) and server-side failures.
func (e itemError) retryable() bool {
	return e.status == http.StatusTooManyRequests || e.status >= 500
}

// bulk writes ops to target with esutil.BulkIndexer and refresh=wait_for.
// Items refused with 429 or 5xx are sent again, with backoff, up to
// MaxRetries times (the whole request is retried by the client transport).
// It returns the IDs that still failed, with the first reason, or an error
// when the requests themselves failed.
func (i *Index) bulk(ctx context.Context, target string, ops []op) (failed map[string]error, err error) {
	failed = map[string]error{}
	pending := ops
	for attempt := 0; len(pending) > 0; attempt++ {
		if attempt > 0 {
			select {
			case <-time.After(i.cfg.Backoff(attempt)):
			case <-ctx.Done():
				return nil, ctx.Err()
			}
		}
		refused, err := i.bulkOnce(ctx, target, pending)
		if err != nil {
			return nil, err
		}
		var again []op
		for _, o := range pending {
			ie, ok := refused[o.id]
			if !ok {
				delete(failed, o.id)
				continue
			}
			failed[o.id] = ie
			if ie.retryable() && attempt < i.cfg.MaxRetries {
				again = append(again, o)
			}
		}
		pending = again
	}
	return failed, nil
}

// bulkOnce sends ops through one BulkIndexer and returns the items refused.
func (i *Index) bulkOnce(ctx context.Context, target string, ops []op) (map[string]itemError, error) {
	var (
		mu       sync.Mutex
		refused  = map[string]itemError{}
		flushErr error
	)
	bi, err := esutil.NewBulkIndexer(esutil.BulkIndexerConfig{
		Client:     i.es,
		Index:      target,
		NumWorkers: 1,
		FlushBytes: flushBytes,
		Refresh:    "wait_for",
		Timeout:    i.cfg.Timeout,
		OnError: func(_ context.Context, err error) {
			mu.Lock()
			defer mu.Unlock()
			if flushErr == nil {
				flushErr = err
			}
		},
	})
	if err != nil {
		return nil, fmt.Errorf("elastic: bulk indexer: %w", err)
	}
	done := map[string]bool{}
	for _, o := range ops {
		item := esutil.BulkIndexerItem{
			Action:     o.action,
			DocumentID: o.id,
			OnSuccess: func(context.Context, esutil.BulkIndexerItem, esutil.BulkIndexerResponseItem) {
				mu.Lock()
				done[o.id] = true
				mu.Unlock()
			},
			OnFailure: func(_ context.Context, _ esutil.BulkIndexerItem, res esutil.BulkIndexerResponseItem, err error) {
				mu.Lock()
				defer mu.Unlock()
				if o.action == "delete" && res.Status == http.StatusNotFound {
					done[o.id] = true // already gone
					return
				}
				refused[o.id] = itemError{status: res.Status, typ: res.Error.Type, reason: res.Error.Reason}
			},
		}
		if o.body != nil {
			item.Body = bytes.NewReader(o.body)
		}
		if err := bi.Add(ctx, item); err != nil {
			_ = bi.Close(context.Background())
			return nil, i.bulkError(ctx, err)
		}
	}
	if err := bi.Close(ctx); err != nil {
		return nil, i.bulkError(ctx, err)
	}
	mu.Lock()
	defer mu.Unlock()
	if flushErr != nil {
		return nil, i.bulkError(ctx, flushErr)
	}
	for _, o := range ops {
		if !done[o.id] {
			if _, ok := refused[o.id]; !ok {
				refused[o.id] = itemError{status: http.StatusServiceUnavailable, typ: "no_answer", reason: "the bulk answer did not mention this item"}
			}
		}
	}
	return refused, nil
}

func (i *Index) bulkError(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return fmt.Errorf("elastic: bulk: %w: %w", ErrUnavailable, err)
}

// Index adds articles, replacing any already indexed under the same ID, then
// rebuilds the entity documents they touch. When some articles are refused
// it returns an *index.PartialError listing them; the others are indexed.
func (i *Index) Index(ctx context.Context, docs ...article.Article) error {
	if err := i.acquire(ctx); err != nil {
		return err
	}
	if len(docs) == 0 {
		return nil
	}
	// The last copy of an ID in one call wins, as in Bleve.
	byID := map[string]int{}
	var order []string
	for k, a := range docs {
		if a.ID == "" {
			return errors.New("elastic: article without id")
		}
		if _, ok := byID[a.ID]; !ok {
			order = append(order, a.ID)
		}
		byID[a.ID] = k
	}
	ops := make([]op, 0, len(order))
	touched := map[string]bool{}
	for _, id := range order {
		d := newArticleDoc(docs[byID[id]])
		b, err := d.encode()
		if err != nil {
			return err
		}
		ops = append(ops, op{action: "index", id: id, body: b})
		for _, e := range d.EntityIDs {
			touched[e] = true
		}
	}
	old, err := i.entityIDsOf(ctx, order)
	if err != nil {
		return err
	}
	for _, e := range old {
		touched[e] = true
	}
	failed, err := i.bulk(ctx, i.n.articlesAlias(), ops)
	if err != nil {
		return err
	}
	if err := i.syncEntities(ctx, touched); err != nil {
		return err
	}
	if len(failed) > 0 {
		pe := &index.PartialError{}
		for _, id := range order {
			if e, ok := failed[id]; ok {
				pe.Failed = append(pe.Failed, id)
				if pe.Err == nil {
					pe.Err = e
				}
			}
		}
		sort.Strings(pe.Failed)
		return pe
	}
	return nil
}

func sortOps(ops []op) { sort.Slice(ops, func(a, b int) bool { return ops[a].id < ops[b].id }) }

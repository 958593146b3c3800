package elastic

import (
	"context"
	"encoding/json"
	"fmt"

	"dxnews/article"

	"github.com/elastic/go-elasticsearch/v8/esapi"
)

// rebuildBatch is how many articles go into one bulk request of Rebuild.
const rebuildBatch = 500

// Rebuild builds the next generation of both indices from arts (the whole
// archive), then moves both aliases to it in one atomic _aliases call and
// deletes the previous generation: searches never see a partial index. It
// returns the new articles index. On failure the new generation is deleted
// and the aliases are left as they were.
func (i *Index) Rebuild(ctx context.Context, arts []article.Article) (string, error) {
	if err := i.acquire(ctx); err != nil {
		return "", err
	}
	curA, err := i.aliasTarget(ctx, i.n.articlesAlias())
	if err != nil {
		return "", err
	}
	curE, err := i.aliasTarget(ctx, i.n.entitiesAlias())
	if err != nil {
		return "", err
	}
	next := max(generation(curA), generation(curE)) + 1
	newA, newE := i.n.articlesIndex(next), i.n.entitiesIndex(next)
	for _, name := range []string{newA, newE} {
		if err := i.do(ctx, esapi.IndicesCreateRequest{Index: name}, nil); err != nil {
			i.dropIndices(newA, newE)
			return "", fmt.Errorf("elastic: create index %s: %w", name, err)
		}
	}
	if err := i.fill(ctx, newA, newE, arts); err != nil {
		i.dropIndices(newA, newE)
		return "", err
	}
	var actions []any
	for _, a := range []struct{ alias, cur, next string }{
		{i.n.articlesAlias(), curA, newA},
		{i.n.entitiesAlias(), curE, newE},
	} {
		if a.cur != "" {
			actions = append(actions, map[string]any{"remove": map[string]any{"index": a.cur, "alias": a.alias}})
		}
		actions = append(actions, map[string]any{"add": map[string]any{"index": a.next, "alias": a.alias, "is_write_index": true}})
	}
	if err := i.do(ctx, esapi.IndicesUpdateAliasesRequest{Body: jsonBody(map[string]any{"actions": actions})}, nil); err != nil {
		i.dropIndices(newA, newE)
		return "", fmt.Errorf("elastic: move aliases to %s: %w", newA, err)
	}
	i.mu.Lock()
	i.gen = next
	i.mu.Unlock()
	var old []string
	for _, c := range []string{curA, curE} {
		if c != "" {
			old = append(old, c)
		}
	}
	if len(old) > 0 {
		if err := i.do(ctx, esapi.IndicesDeleteRequest{Index: old}, nil); err != nil {
			i.logger.Warn("old index generation not deleted", "indices", old, "err", err)
		}
	}
	i.logger.Info("index rebuilt", "index", newA, "articles", len(arts))
	return newA, nil
}

// fill writes every article into articles and their entity documents into
// entities.
func (i *Index) fill(ctx context.Context, articles, entities string, arts []article.Article) error {
	for start := 0; start < len(arts); start += rebuildBatch {
		batch := arts[start:min(start+rebuildBatch, len(arts))]
		ops := make([]op, 0, len(batch))
		for _, a := range batch {
			b, err := newArticleDoc(a).encode()
			if err != nil {
				return err
			}
			ops = append(ops, op{action: "index", id: a.ID, body: b})
		}
		if err := i.bulkAll(ctx, articles, ops); err != nil {
			return err
		}
	}
	var ops []op
	for id, e := range buildEntities(arts) {
		b, err := json.Marshal(e)
		if err != nil {
			return fmt.Errorf("elastic: encode entity %s: %w", id, err)
		}
		ops = append(ops, op{action: "index", id: id, body: b})
	}
	sortOps(ops)
	return i.bulkAll(ctx, entities, ops)
}

// bulkAll writes ops and fails when any item fails.
func (i *Index) bulkAll(ctx context.Context, target string, ops []op) error {
	if len(ops) == 0 {
		return nil
	}
	failed, err := i.bulk(ctx, target, ops)
	if err != nil {
		return err
	}
	for id, e := range failed {
		return fmt.Errorf("elastic: %s: document %s not written (%d failed): %w", target, id, len(failed), e)
	}
	return nil
}

// dropIndices deletes a half-built generation, on a fresh context so a
// cancelled rebuild still cleans up.
func (i *Index) dropIndices(names ...string) {
	ctx, cancel := context.WithTimeout(context.Background(), i.cfg.Timeout)
	defer cancel()
	if err := i.do(ctx, esapi.IndicesDeleteRequest{Index: names, IgnoreUnavailable: esapi.BoolPtr(true)}, nil); err != nil {
		i.logger.Warn("half-built index not deleted", "indices", names, "err", err)
	}
}

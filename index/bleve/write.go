package bleve

import (
	"context"
	"errors"
	"fmt"
	"time"

	"dxnews/article"
)

// batchSize is how many articles go into one Bleve batch.
const batchSize = 500

// Index adds articles, replacing any already indexed under the same ID. It
// writes in batches and checks ctx between them; articles written before
// ctx was cancelled stay indexed.
func (i *Index) Index(ctx context.Context, docs ...article.Article) error {
	if err := i.acquire(ctx); err != nil {
		return err
	}
	defer i.mu.RUnlock()
	start := time.Now()
	for len(docs) > 0 {
		n := min(batchSize, len(docs))
		if err := i.writeBatch(ctx, docs[:n]); err != nil {
			return err
		}
		docs = docs[n:]
		i.logger.Debug("batch indexed", "articles", n, "elapsed", time.Since(start))
	}
	return nil
}

func (i *Index) writeBatch(ctx context.Context, docs []article.Article) error {
	b := i.idx.NewBatch()
	for _, a := range docs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if a.ID == "" {
			return errors.New("bleve: article without id")
		}
		d, err := document(a)
		if err != nil {
			return err
		}
		if err := b.Index(a.ID, d); err != nil {
			return fmt.Errorf("bleve: index %s: %w", a.ID, err)
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	// Writers take turns, so the table applies batches in the order the
	// index did; readers never wait for a batch.
	i.writeMu.Lock()
	defer i.writeMu.Unlock()
	if err := i.idx.Batch(b); err != nil {
		return fmt.Errorf("bleve: write batch: %w", err)
	}
	// The entity table follows. Replacing an article's entry is idempotent,
	// so a table being built from the index meanwhile ends up right
	// whichever version of the article it read.
	i.ents.mu.Lock()
	i.ents.apply(docs)
	i.ents.mu.Unlock()
	i.version.Add(1)
	return nil
}

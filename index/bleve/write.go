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
	// The entity table changes with the index, under its lock, so entity
	// look-ups never see one without the other.
	i.ents.mu.Lock()
	defer i.ents.mu.Unlock()
	if err := i.idx.Batch(b); err != nil {
		return fmt.Errorf("bleve: write batch: %w", err)
	}
	i.ents.apply(docs)
	i.version.Add(1)
	return nil
}

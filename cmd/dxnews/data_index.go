package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"dxnews/index/bleve"
	"dxnews/index/elastic"
)

// openBleve opens the Bleve index in dir, rebuilding a damaged one from the
// store. A reader whose index another dxnews holds reads through that
// process; a writer gets a healingIndex and the replay of the change log.
func (d *data) openBleve(ctx context.Context, e *env, dir string, mode openMode) error {
	idx, err := bleve.Open(filepath.Join(dir, "index"), e.logger.With("component", "index"))
	if err == nil && indexMarkedDamaged(dir) != nil {
		idx.Close()
		err = indexMarkedDamaged(dir)
	}
	if err != nil && mode == modeRead {
		if r, ok := findServer(ctx, dir); ok {
			d.index, d.remote = r, r.base
			e.logger.Debug("index held by a running dxnews; reading through it", "url", r.base)
			return nil
		}
	}
	if err != nil {
		// A damaged index is rebuilt from the store, unless another
		// process holds it.
		idx, err = rebuildIndex(ctx, e, d.store, dir, err)
	}
	if err != nil {
		return fmt.Errorf("opening the search index: %w", err)
	}
	if mode == modeRead {
		d.index = idx
		return nil
	}
	h := &healingIndex{dir: dir, cur: idx, rebuild: func(ctx context.Context, why error) (*bleve.Index, error) {
		return rebuildIndex(ctx, e, d.store, dir, why)
	}}
	d.index = h
	d.sync = newIndexSync(d.store, h, dir, func() string { return "bleve" }, 1, e.logger)
	d.sync.heal = h.heal
	// A new or emptied index replays the whole store.
	if n, err := idx.Count(ctx); err == nil && n == 0 {
		d.sync.restart()
	}
	return nil
}

// openElastic connects to the cluster the DXNEWS_ES_* variables name; while
// crawling, a cluster that is down is reported and the articles wait in the
// store for it.
func (d *data) openElastic(ctx context.Context, e *env, mode openMode) error {
	cfg, err := elastic.ConfigFromEnv(e.getenv)
	if err != nil {
		return err
	}
	cfg.Logger = e.logger.With("component", "index")
	ix, err := elastic.New(cfg)
	if err != nil {
		return err
	}
	cctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := ix.Check(cctx); err != nil {
		if mode != modeCrawl || !errors.Is(err, elastic.ErrUnavailable) {
			return err
		}
		e.logger.Warn("search index unavailable: articles are stored and indexed when it is back", "err", oneLine(err.Error()))
	}
	d.index = ix
	if mode != modeRead {
		d.sync = newIndexSync(d.store, ix, d.store.Dir(), ix.Target, esBatch, e.logger)
	}
	return nil
}

// esBatch is how many stored articles wait before they are sent to
// Elasticsearch in one bulk request during a crawl; the rest go at its end.
const esBatch = 200

// target names where the index lives, as the replay state records it.
func (d *data) target() string {
	if ix, ok := d.index.(*elastic.Index); ok {
		return ix.Target()
	}
	return "bleve"
}

// describeIndex says which index status reads, and for Elasticsearch the
// cluster's health.
func (d *data) describeIndex(ctx context.Context) string {
	if d.remote != "" {
		return "bleve, read through the running dxnews at " + d.remote
	}
	ix, ok := d.index.(*elastic.Index)
	if !ok {
		return "bleve"
	}
	h, err := ix.Health(ctx)
	if err != nil {
		return ix.Target() + ", cluster unavailable: " + oneLine(err.Error())
	}
	return fmt.Sprintf("%s, cluster %s %s, %d nodes", ix.Target(), h.Cluster, h.Status, h.Nodes)
}

package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"dxnews/crawler"
)

// crawlOptions are what crawl, demo and run share.
type crawlOptions struct {
	dir      string
	config   string
	seeds    []string
	max      int
	speak    bool
	backend  string
	impolite bool
	// shard restricts the crawl to the sources whose host hashes to it.
	shard shard
}

// crawlResult summarises one pass of the pipeline.
type crawlResult struct {
	stats   crawler.Stats
	indexed int
	// indexPending counts stored articles waiting for the index.
	indexPending int
	audio        int
	failed       int
	failures     []failure
	paused       *speechPause
	elapsed      time.Duration
}

// crawlOnce crawls, extracts, stores, indexes and (optionally) speaks.
// Damage is repaired and the work earlier runs left owed is finished first,
// whatever this crawl does.
func crawlOnce(ctx context.Context, e *env, d *data, o crawlOptions) (crawlResult, error) {
	start := time.Now()
	c, err := newCrawler(e, o)
	if err != nil {
		return crawlResult{}, err
	}
	p, err := newCrawlPipeline(e, d, o)
	if err != nil {
		return crawlResult{}, err
	}
	err = repairArticles(ctx, d)
	if err == nil {
		err = p.owedAtUpgrade(ctx)
	}
	if err == nil {
		err = p.catchUp(ctx)
	}
	var stats crawler.Stats
	if err == nil {
		stats, err = p.crawl(ctx, c, o.dir)
	}
	if ctx.Err() == nil && !isStoreFull(err) {
		err = errors.Join(err, p.speakOwed(ctx))
		if ctx.Err() == nil {
			err = errors.Join(err, p.catchUp(ctx))
		}
	}
	if isStoreFull(err) {
		// Bleve persists in the background and may have been cut short
		// too: the index is rebuilt from the store when next opened.
		markIndexDamaged(o.dir, "the disk filled up while it was in use")
		err = fmt.Errorf("no space left on the disk holding the data folder %s; nothing half-written is kept, and the next run after space returns completes the work (%w)", o.dir, err)
	}
	res := crawlResult{stats: stats, indexed: p.indexed, indexPending: p.indexPending, audio: p.audio, failed: p.failed, failures: p.failures, paused: p.paused, elapsed: time.Since(start)}
	if werr := writeLastRun(o.dir, res, err); werr != nil {
		e.logger.Warn("could not record the run for status", "err", werr)
	}
	return res, err
}

// crawl runs the crawler into the pipeline and records what it did: the
// sources' last successes for /metrics and, when the crawler found its state
// damaged, the stored articles in the repaired state.
func (p *pipeline) crawl(ctx context.Context, c *crawler.Crawler, dir string) (crawler.Stats, error) {
	stats, err := c.Run(ctx, p.add)
	if merr := p.metrics.crawled(dir, stats); merr != nil {
		p.logger.Warn("could not record the sources' last successes", "err", merr)
	}
	if stats.StateRepaired != "" {
		if _, rerr := rebuildCrawlState(ctx, p.data.store, dir, stats.StateRepaired); rerr != nil {
			err = errors.Join(err, rerr)
		}
	}
	return stats, err
}

// newCrawler configures the crawler for o: its sources (-config, -seed or
// the built-in ones), restricted to o's shard.
func newCrawler(e *env, o crawlOptions) (*crawler.Crawler, error) {
	cfg := crawler.Config{
		Seeds:    o.seeds,
		StateDir: filepath.Join(o.dir, "crawl"),
		MaxPages: o.max,
		Logger:   e.logger,
		Progress: e.stderr,
		OnPage:   e.metrics.onPage,
		Impolite: o.impolite,
	}
	if o.config != "" {
		srcs, err := crawler.LoadConfig(o.config)
		if err != nil {
			return nil, err
		}
		cfg.Sources = srcs
	}
	builtIn := len(cfg.Seeds) == 0 && len(cfg.Sources) == 0
	if builtIn {
		cfg.Sources = crawler.DefaultSources()
	}
	if o.shard.n > 1 {
		all := len(cfg.Sources) + len(cfg.Seeds)
		cfg.Sources, cfg.Seeds = o.shard.sources(cfg.Sources), o.shard.seeds(cfg.Seeds)
		fmt.Fprintf(e.stderr, "shard %s: %d of %d sources\n", o.shard, len(cfg.Sources)+len(cfg.Seeds), all)
		if len(cfg.Sources)+len(cfg.Seeds) == 0 {
			return nil, fmt.Errorf("shard %s holds none of the %d sources", o.shard, all)
		}
	}
	if builtIn {
		names := make([]string, 0, len(cfg.Sources))
		for _, s := range cfg.Sources {
			names = append(names, s.Name)
		}
		fmt.Fprintf(e.stderr, "crawling the %d built-in sources: %s\n", len(names), strings.Join(names, ", "))
	}
	return crawler.New(cfg)
}

// newCrawlPipeline returns the pipeline a crawl feeds, speaking when o asks.
func newCrawlPipeline(e *env, d *data, o crawlOptions) (*pipeline, error) {
	voices, err := voicesFromEnv(e)
	if err != nil {
		return nil, err
	}
	p := &pipeline{data: d, voices: voices, logger: e.logger, progress: e.stderr, tty: e.tty, metrics: e.metrics}
	if o.speak {
		if p.speaker, err = newSpeaker(e, o.backend, o.dir); err != nil {
			return nil, err
		}
	}
	return p, nil
}

func (r crawlResult) summary() string {
	s := fmt.Sprintf("pages fetched %d, articles crawled %d, kept %d, dropped %d, unchanged %d, indexed %d, audio files %d",
		r.stats.Fetched, r.stats.Articles, r.stats.Kept, r.stats.Dropped, r.stats.Unchanged, r.indexed, r.audio)
	if r.failed > 0 {
		s += fmt.Sprintf(" (%d failed)", r.failed)
	}
	if r.indexPending > 0 {
		s += fmt.Sprintf(", waiting for the index %d", r.indexPending)
	}
	if r.stats.Errors > 0 {
		s += fmt.Sprintf(", fetch errors %d", r.stats.Errors)
	}
	if r.paused != nil {
		s += ", " + r.paused.String()
	}
	return s + fmt.Sprintf(", time %s", r.elapsed.Round(10*time.Millisecond))
}

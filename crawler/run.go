package crawler

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"net/http"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/gocolly/colly/v2"
	"github.com/temoto/robotstxt"

	"dxnews/article"
)

// job is one URL on the frontier.
type job struct {
	url      string
	lastmod  time.Time
	seed     bool
	feedItem bool
	// depth counts the sitemap indexes and feeds that led here.
	depth int
}

// Bounds on what one sitemap or feed can add: the sitemap protocol's
// 50,000 URLs per file, and sitemap indexes nested at most maxSitemapDepth
// deep (the protocol allows one level; some sites use two). Bytes are
// bounded by Config.MaxDocBytes, time by Config.Timeout.
const maxSitemapDepth = 3

// maxDocLinks is a variable for tests.
var maxDocLinks = 50_000

// run is the state of one Crawler.Run.
type run struct {
	c       *Crawler
	parent  context.Context
	ctx     context.Context
	cancel  context.CancelCauseFunc
	emit    func(context.Context, article.Article) error
	col     *colly.Collector
	client  *http.Client
	st      *state
	allowed map[string]*Source // allow key → source (nil = generic)
	start   time.Time

	mu    sync.Mutex
	stats Stats
	seen  map[string]bool
	// queue holds URLs likely to be feeds, sitemaps or articles; later
	// holds other in-site links, crawled when queue is empty.
	queue    []job
	later    []job
	inflight int
	// dispatched counts jobs handed to workers, bounded by MaxPages.
	dispatched int
	// robotsData holds each prepared host's robots.txt rules.
	robotsData map[string]*robotstxt.RobotsData
	seedErrs   []string
	health     *health
	wake       *sync.Cond
	stopped    bool
}

// newRun opens the state and prepares a run.
func (c *Crawler) newRun(ctx context.Context, emit func(context.Context, article.Article) error) (*run, error) {
	st, err := openState(c.cfg.StateDir)
	if err != nil {
		return nil, err
	}
	r := &run{
		c: c, emit: emit, st: st, start: time.Now(),
		allowed:    map[string]*Source{},
		seen:       map[string]bool{},
		robotsData: map[string]*robotstxt.RobotsData{},
		stats:      Stats{Skipped: map[string]int{}},
	}
	if rep := st.repaired(); rep != "" {
		r.stats.StateRepaired = rep
		c.logger.Warn("crawl state repaired", slog.String("repair", rep))
		if w := c.cfg.Progress; w != nil {
			fmt.Fprintf(w, "%s\n", rep)
		}
	}
	r.wake = sync.NewCond(&r.mu)
	r.parent = ctx
	r.ctx, r.cancel = context.WithCancelCause(ctx)
	for i := range c.sources {
		for _, h := range c.sources[i].Hosts {
			r.allowed[allowKey(h)] = &c.sources[i]
		}
	}
	for _, s := range c.seeds {
		if h := hostOf(s); r.allowed[h] == nil {
			r.allowed[h] = nil
		}
	}
	r.health = newHealth(st, c.cfg.now)
	r.newCollector(ctx)
	return r, nil
}

// crawl runs the frontier to completion. A state that cannot be written
// when it is closed is an error too.
func (r *run) crawl() (stats Stats, err error) {
	defer func() {
		if cerr := r.st.close(); err == nil && cerr != nil {
			err = cerr
		}
	}()
	stopProgress := r.progress()
	r.prepareHosts()
	r.enqueueSeeds()
	r.work()
	r.cancel(nil)
	stopProgress()
	return r.result()
}

// enqueueSeeds puts the seeds, the sources' start URLs and the URLs the
// last run left pending on the frontier.
func (r *run) enqueueSeeds() {
	for _, s := range r.c.seeds {
		r.enqueue(job{url: s, seed: true})
	}
	for i := range r.c.sources {
		src := &r.c.sources[i]
		for _, list := range [][]string{src.Sitemaps, src.Feeds, src.Start} {
			for _, u := range list {
				r.enqueue(job{url: normalizeURL(nil, u), seed: true})
			}
		}
	}
	pending := r.st.pending()
	sort.Strings(pending)
	for _, u := range pending {
		r.enqueue(job{url: u})
	}
}

// work runs Parallelism workers until the frontier is empty, MaxPages is
// reached or the context ends.
func (r *run) work() {
	var wg sync.WaitGroup
	for range r.c.cfg.Parallelism {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				j, ok := r.next()
				if !ok {
					return
				}
				r.process(j)
				r.done()
			}
		}()
	}
	// Wake idle workers when the context ends.
	go func() {
		<-r.ctx.Done()
		r.mu.Lock()
		r.stopped = true
		r.wake.Broadcast()
		r.mu.Unlock()
	}()
	wg.Wait()
}

// result returns the run's stats and its error: the context's end, a
// state write that failed, or the seeds that could not be fetched.
func (r *run) result() (Stats, error) {
	r.mu.Lock()
	stats := r.stats
	stats.Skipped = maps.Clone(r.stats.Skipped)
	seedErrs := slices.Clone(r.seedErrs)
	r.mu.Unlock()
	if down := r.health.downHosts(); len(down) > 0 {
		stats.HostsDown = down
	}
	stats.Elapsed = time.Since(r.start)
	if w := r.c.cfg.Progress; w != nil {
		fmt.Fprintf(w, "crawl done in %s: %s\n", stats.Elapsed.Round(time.Millisecond), stats.summary())
	}
	if err := r.parent.Err(); err != nil {
		return stats, fmt.Errorf("crawler: stopped after %s: %w", stats.summary(), err)
	}
	if cause := context.Cause(r.ctx); cause != nil && !errors.Is(cause, context.Canceled) {
		return stats, cause
	}
	if len(seedErrs) > 0 {
		return stats, fmt.Errorf("crawler: unreachable seed URL: %s", strings.Join(seedErrs, "; "))
	}
	return stats, nil
}

func (r *run) count(f func(s *Stats)) {
	r.mu.Lock()
	f(&r.stats)
	r.mu.Unlock()
}

func (r *run) skip(reason string) { r.count(func(s *Stats) { s.Skipped[reason]++ }) }

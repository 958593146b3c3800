package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"dxnews/crawler"
	"dxnews/demosite"
	"dxnews/tts"
	"dxnews/web"
)

// seeds collects repeated -seed flags.
type seeds []string

func (s *seeds) String() string     { return strings.Join(*s, ",") }
func (s *seeds) Set(v string) error { *s = append(*s, v); return nil }

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
func crawlOnce(ctx context.Context, e *env, d *data, o crawlOptions) (crawlResult, error) {
	start := time.Now()
	cfg := crawler.Config{
		Seeds:    o.seeds,
		StateDir: filepath.Join(o.dir, "crawl"),
		MaxPages: o.max,
		Logger:   e.logger,
		Progress: e.stderr,
		OnPage:   e.metrics.onPage,
	}
	if o.impolite {
		cfg.Polite = new(bool)
	}
	if o.config != "" {
		srcs, err := crawler.LoadConfig(o.config)
		if err != nil {
			return crawlResult{}, err
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
			return crawlResult{}, fmt.Errorf("shard %s holds none of the %d sources", o.shard, all)
		}
	}
	if builtIn {
		names := make([]string, 0, len(cfg.Sources))
		for _, s := range cfg.Sources {
			names = append(names, s.Name)
		}
		fmt.Fprintf(e.stderr, "crawling the %d built-in sources: %s\n", len(names), strings.Join(names, ", "))
	}
	c, err := crawler.New(cfg)
	if err != nil {
		return crawlResult{}, err
	}
	voices, err := voicesFromEnv(e)
	if err != nil {
		return crawlResult{}, err
	}
	p := &pipeline{data: d, voices: voices, logger: e.logger, progress: e.stderr, tty: e.tty, metrics: e.metrics}
	if o.speak {
		sp, err := newSpeaker(e, o.backend, o.dir)
		if err != nil {
			return crawlResult{}, err
		}
		p.speaker = sp
	}
	// Damage is repaired and work earlier runs left owed is finished,
	// whatever this crawl does.
	err = repairArticles(ctx, d)
	if err == nil {
		err = p.owedAtUpgrade(ctx)
	}
	if err == nil {
		err = p.catchUp(ctx)
	}
	var stats crawler.Stats
	if err == nil {
		stats, err = c.Run(ctx, p.add)
		if merr := e.metrics.crawled(o.dir, stats); merr != nil {
			e.logger.Warn("could not record the sources' last successes", "err", merr)
		}
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

// lastRun is what status shows of the latest crawl: lastRunFile in the data
// folder.
type lastRun struct {
	Finished time.Time      `json:"finished"`
	Summary  string         `json:"summary"`
	Error    string         `json:"error,omitempty"`
	Skipped  map[string]int `json:"skipped"`
	Failures []failure      `json:"speech_failures"`
}

const lastRunFile = "last-run.json"

func writeLastRun(dir string, r crawlResult, runErr error) error {
	lr := lastRun{Finished: time.Now(), Summary: r.summary(), Skipped: r.stats.Skipped, Failures: r.failures}
	if runErr != nil {
		lr.Error = oneLine(runErr.Error())
	}
	if lr.Failures == nil {
		lr.Failures = []failure{}
	}
	b, err := json.MarshalIndent(lr, "", "  ")
	if err != nil {
		return err
	}
	tmp := filepath.Join(dir, lastRunFile+".tmp")
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(dir, lastRunFile))
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

func runCrawl(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e)
	var o crawlOptions
	var sd seeds
	dir := dataFlag(e, fs)
	config := e.envFlag(fs, varConfig, "sources config file (default without -seed: the built-in sources)")
	fs.Var(&sd, "seed", "start URL crawled with generic rules (repeatable)")
	fs.IntVar(&o.max, "max", 0, "most pages to fetch (0 = no limit)")
	fs.BoolVar(&o.speak, "speak", false, "also read the kept articles aloud in every voice")
	backend := e.envFlag(fs, varTTSBackend, "speech backend for -speak: "+backends)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q (seeds go after -seed)", fs.Arg(0))
	}
	o.dir, o.seeds, o.config, o.backend = *dir, sd, *config, *backend
	d, err := openData(ctx, e, o.dir, modeCrawl)
	if err != nil {
		return err
	}
	defer d.Close()
	hooks, err := newWebhooks(e, d, o.dir)
	if err != nil {
		return err
	}
	res, err := crawlOnce(ctx, e, d, o)
	// What was stored before a failure goes out too.
	deliver(ctx, e, hooks)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stderr, "crawl: "+res.summary())
	return nil
}

func runDemo(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e)
	addr := e.envFlag(fs, varAddr, "address to serve the UI on")
	dir := dataFlag(e, fs)
	serve := fs.Bool("serve", true, "serve the UI after the pipeline; false exits with a summary")
	backend := e.envFlag(fs, varTTSBackend, "speech backend: "+backends)
	d, err := parseAndOpen(ctx, e, fs, args, dir, modeCrawl)
	if err != nil {
		return err
	}
	defer d.Close()

	// The sample site runs inside this process on a loopback port: the one
	// after the UI's when free, so a second demo finds the same addresses
	// and only asks whether they changed; any free port otherwise.
	ln, err := net.Listen("tcp", nextPort(*addr))
	if err != nil {
		ln, err = net.Listen("tcp", "127.0.0.1:0")
	}
	if err != nil {
		return fmt.Errorf("starting the sample site: %w", err)
	}
	site := &http.Server{Handler: demosite.Handler(), ReadHeaderTimeout: 5 * time.Second}
	go site.Serve(ln)
	defer site.Close()
	siteURL := "http://" + ln.Addr().String() + "/"
	fmt.Fprintf(e.stderr, "demo: sample news site at %s\n", siteURL)

	res, err := crawlOnce(ctx, e, d, crawlOptions{
		dir: *dir, seeds: []string{siteURL}, speak: true, backend: *backend, impolite: true,
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stderr, "demo: "+res.summary())
	if !*serve {
		return nil
	}
	// The sample site stays up so the articles' source links work.
	return serveHTTP(ctx, e, d, *addr)
}

// nextPort returns 127.0.0.1 and the port after addr's, or "127.0.0.1:0"
// when addr has no numeric port.
func nextPort(addr string) string {
	_, port, err := net.SplitHostPort(addr)
	n, err2 := strconv.Atoi(port)
	if err != nil || err2 != nil || n <= 0 || n >= 65535 {
		return "127.0.0.1:0"
	}
	return net.JoinHostPort("127.0.0.1", strconv.Itoa(n+1))
}

func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e)
	addr := e.envFlag(fs, varAddr, "address to listen on")
	dir := dataFlag(e, fs)
	d, err := parseAndOpen(ctx, e, fs, args, dir, modeOwn)
	if err != nil {
		return err
	}
	defer d.Close()
	return serveHTTP(ctx, e, d, *addr)
}

// newHandler returns the web handler over d, whose /metrics serves the
// process's metrics and the data folder's.
func newHandler(e *env, d *data) (http.Handler, error) {
	if err := e.metrics.reg.Register(dataCollector{d: d, m: e.metrics}); err != nil {
		return nil, fmt.Errorf("registering metrics: %w", err)
	}
	return web.New(web.Config{Index: d.index, Store: d.store, Logger: e.logger.With("component", "web"), Metrics: e.metrics.reg, FeedEmail: e.get(varFeedEmail), Resolver: d.resolver})
}

// serveHTTP serves the UI and API on addr until ctx is cancelled.
func serveHTTP(ctx context.Context, e *env, d *data, addr string) error {
	n, took, err := d.loadResolved(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "resolved entities across %d articles in %s\n", n, took.Round(time.Millisecond))
	h, err := newHandler(e, d)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", addr, err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(e.stderr, "serving on http://%s/ (Ctrl-C to stop)\n", ln.Addr())
	// search, status and export in other processes read through this one
	// while it holds the Bleve index.
	if d.backend == "bleve" {
		if remove, err := announceServer(d.store.Dir(), ln.Addr().String()); err != nil {
			e.logger.Warn("could not record the server address in the data folder", "err", err)
		} else {
			defer remove()
		}
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shut)
		return nil
	}
}

func runRun(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e)
	var o crawlOptions
	dir := dataFlag(e, fs)
	config := e.envFlag(fs, varConfig, "sources config file (default: the built-in sources)")
	once := fs.Bool("once", false, "crawl once and exit instead of serving and crawling on a schedule")
	addr := e.envFlag(fs, varAddr, "address to serve on")
	interval := fs.Duration("interval", 0, "time between crawls (env DXNEWS_CRAWL_INTERVAL, default 1h)")
	backend := e.envFlag(fs, varTTSBackend, "speech backend: "+backends)
	shardFlag := fs.String("shard", "", "crawl only the sources whose host hashes to shard i of n (i/n, e.g. 2/3)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	sh, err := parseShard(*shardFlag)
	if err != nil {
		return err
	}
	o.shard = sh
	if *interval == 0 {
		v := e.get(varInterval)
		iv, err := time.ParseDuration(v)
		if err != nil || iv <= 0 {
			return fmt.Errorf("DXNEWS_CRAWL_INTERVAL: %q is not a positive duration", v)
		}
		*interval = iv
	}
	o.dir, o.speak, o.config, o.backend = *dir, true, *config, *backend
	d, err := openData(ctx, e, o.dir, modeCrawl)
	if err != nil {
		return err
	}
	defer d.Close()
	hooks, err := newWebhooks(e, d, o.dir)
	if err != nil {
		return err
	}
	if *once {
		res, err := crawlOnce(ctx, e, d, o)
		deliver(ctx, e, hooks)
		if err != nil {
			return err
		}
		fmt.Fprintln(e.stderr, "run: "+res.summary())
		return nil
	}
	errc := make(chan error, 1)
	go func() { errc <- serveHTTP(ctx, e, d, *addr) }()
	// Speech has its own loop, so that a slow or paused backend never
	// holds back the next crawl: the crawl records the speech it owes, the
	// loop does it.
	sp, err := newSpeaker(e, o.backend, o.dir)
	if err != nil {
		return err
	}
	speakKick := make(chan struct{}, 1)
	speechDone := make(chan struct{})
	sctx, stopSpeech := context.WithCancel(ctx)
	go func() { defer close(speechDone); speakLoop(sctx, e, d, sp, *interval, speakKick) }()
	defer func() { stopSpeech(); <-speechDone }()
	o.speak = false
	kick := make(chan struct{}, 1)
	if hooks != nil {
		// Deliveries stop before the data folder closes.
		lctx, stop := context.WithCancel(ctx)
		done := make(chan struct{})
		go func() { defer close(done); deliverLoop(lctx, e, hooks, kick) }()
		defer func() { stop(); <-done }()
	}
	for {
		res, err := crawlOnce(ctx, e, d, o)
		if err != nil && !errors.Is(err, context.Canceled) {
			e.logger.Error("crawl failed", "err", err)
		} else if err == nil {
			fmt.Fprintln(e.stderr, "run: "+res.summary())
		}
		for _, k := range []chan struct{}{kick, speakKick} {
			select {
			case k <- struct{}{}:
			default:
			}
		}
		select {
		case <-time.After(*interval):
		case err := <-errc:
			return err
		case <-ctx.Done():
			return <-errc
		}
	}
}

// speakLoop speaks the speech owed whenever kicked (after each crawl) and at
// least every interval, until ctx ends.
func speakLoop(ctx context.Context, e *env, d *data, sp *tts.Speaker, interval time.Duration, kick <-chan struct{}) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-kick:
		case <-time.After(interval):
		}
		start := time.Now()
		voices, err := voicesFromEnv(e)
		if err != nil {
			e.logger.Error("speech failed", "err", err)
			continue
		}
		p := &pipeline{data: d, voices: voices, speaker: sp, logger: e.logger, progress: e.stderr, tty: e.tty, metrics: e.metrics}
		err = p.speakOwed(ctx)
		if ctx.Err() != nil {
			return
		}
		if isStoreFull(err) {
			markIndexDamaged(d.store.Dir(), "the disk filled up while it was in use")
		}
		if err != nil {
			e.logger.Error("speech failed", "err", err)
		}
		if p.audio+p.failed > 0 || p.paused != nil {
			msg := fmt.Sprintf("run: speech: audio files %d (%d failed), time %s", p.audio, p.failed, time.Since(start).Round(10*time.Millisecond))
			if p.paused != nil {
				msg += ", " + p.paused.String()
			}
			fmt.Fprintln(e.stderr, msg)
		}
	}
}

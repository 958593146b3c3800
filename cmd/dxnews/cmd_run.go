package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"time"

	"dxnews/tts"
)

// runRun serves, crawls every interval and speaks what is owed in a loop of
// its own, until ctx ends; with -once it crawls and speaks once.
func runRun(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
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
		if *interval, err = envInterval(e); err != nil {
			return err
		}
	}
	o.dir, o.speak, o.config, o.backend = *dir, true, *config, *backend
	d, hooks, err := openForCrawl(ctx, e, o.dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if *once {
		return crawlAndDeliver(ctx, e, d, o, hooks)
	}
	errc := make(chan error, 1)
	go func() { errc <- serveHTTP(ctx, e, d, *addr) }()
	// Speech has its own loop, so that a slow or paused backend never
	// holds back the next crawl: the crawl records the speech it owes, the
	// loop does it.
	speakKick, stopSpeech, err := startSpeech(ctx, e, d, o, *interval)
	if err != nil {
		return err
	}
	defer stopSpeech()
	o.speak = false
	kick := make(chan struct{}, 1)
	if hooks != nil {
		// Deliveries stop before the data folder closes.
		defer goUntilDone(ctx, func(ctx context.Context) { deliverLoop(ctx, e, hooks, kick) })()
	}
	for {
		res, err := crawlOnce(ctx, e, d, o)
		if err != nil && !errors.Is(err, context.Canceled) {
			e.logger.Error("crawl failed", "err", err)
		} else if err == nil {
			fmt.Fprintln(e.stderr, "run: "+res.summary())
		}
		for _, k := range []chan<- struct{}{kick, speakKick} {
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

// envInterval reads DXNEWS_CRAWL_INTERVAL.
func envInterval(e *env) (time.Duration, error) {
	v := e.get(varInterval)
	iv, err := time.ParseDuration(v)
	if err != nil || iv <= 0 {
		return 0, fmt.Errorf("DXNEWS_CRAWL_INTERVAL: %q is not a positive duration", v)
	}
	return iv, nil
}

// startSpeech starts run's speech loop; a send on the returned channel
// wakes it, and stop ends it and waits for it.
func startSpeech(ctx context.Context, e *env, d *data, o crawlOptions, interval time.Duration) (chan<- struct{}, func(), error) {
	sp, err := newSpeaker(e, o.backend, o.dir)
	if err != nil {
		return nil, nil, err
	}
	kick := make(chan struct{}, 1)
	stop := goUntilDone(ctx, func(ctx context.Context) { speakLoop(ctx, e, d, sp, interval, kick) })
	return kick, stop, nil
}

// goUntilDone runs f in a goroutine with a context of its own and returns
// the function that cancels that context and waits for f to return.
func goUntilDone(ctx context.Context, f func(context.Context)) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { defer close(done); f(ctx) }()
	return func() { cancel(); <-done }
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

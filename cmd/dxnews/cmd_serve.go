package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"net/http"
	"time"

	"dxnews/web"
)

func runServe(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
	addr := e.envFlag(fs, varAddr, "address to listen on")
	d, err := parseAndOpen(ctx, e, fs, args, modeOwn)
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
	cfg := web.Config{Index: d.index, Store: d.store, Logger: e.logger.With("component", "web"), Metrics: e.metrics.reg, FeedEmail: e.get(varFeedEmail), Resolver: d.resolver}
	if d.loading != nil {
		// The index's entity table is built once the resolved entities
		// are loaded, not beside them: the two at once double the peak.
		cfg.Resolver, cfg.WarmAfter = d.loading, d.loading.done
	}
	return web.New(cfg)
}

// serveHTTP serves the UI and API on addr until ctx is cancelled.
func serveHTTP(ctx context.Context, e *env, d *data, addr string) error {
	if err := d.startResolving(ctx, e, startServerGC(ctx)); err != nil {
		return err
	}
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

package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"dxnews/demosite"
	"dxnews/webhook"
)

// seeds collects repeated -seed flags.
type seeds []string

func (s *seeds) String() string     { return strings.Join(*s, ",") }
func (s *seeds) Set(v string) error { *s = append(*s, v); return nil }

func runCrawl(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
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
	d, hooks, err := openForCrawl(ctx, e, o.dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return crawlAndDeliver(ctx, e, d, o, hooks)
}

// openForCrawl opens (creating) the data folder dir for crawl or run, with
// the webhooks DXNEWS_WEBHOOK_URL configures (nil when none).
func openForCrawl(ctx context.Context, e *env, dir string) (*data, *webhook.Sender, error) {
	d, err := openData(ctx, e, dir, modeCrawl)
	if err != nil {
		return nil, nil, err
	}
	hooks, err := newWebhooks(e, d, dir)
	if err != nil {
		d.Close()
		return nil, nil, err
	}
	return d, hooks, nil
}

// crawlAndDeliver crawls once, sends the webhooks what was stored (before a
// failure too) and prints the summary.
func crawlAndDeliver(ctx context.Context, e *env, d *data, o crawlOptions, hooks *webhook.Sender) error {
	res, err := crawlOnce(ctx, e, d, o)
	deliver(ctx, e, hooks)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stderr, e.cmd+": "+res.summary())
	return nil
}

func runDemo(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
	addr := e.envFlag(fs, varAddr, "address to serve the UI on")
	serve := fs.Bool("serve", true, "serve the UI after the pipeline; false exits with a summary")
	backend := e.envFlag(fs, varTTSBackend, "speech backend: "+backends)
	d, err := parseAndOpen(ctx, e, fs, args, modeCrawl)
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
		dir: d.dir, seeds: []string{siteURL}, speak: true, backend: *backend, impolite: true,
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

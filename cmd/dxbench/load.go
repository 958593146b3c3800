package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"dxnews/internal/loopback"
)

// loadOptions are the flags of dxbench load.
type loadOptions struct {
	server, data, addr, target, only, memlimit string
	levels                                     []int
	dur                                        time.Duration
	warm                                       bool
}

func parseLoadFlags(args []string, stderr io.Writer) (loadOptions, error) {
	var o loadOptions
	fl := newFlagSet("load", stderr)
	fl.StringVar(&o.server, "server", "bin/dxnews", "dxnews binary to start with serve")
	fl.StringVar(&o.data, "data", "", "data folder the server serves")
	fl.StringVar(&o.addr, "addr", "127.0.0.1:18089", "loopback address for the server")
	fl.StringVar(&o.target, "url", "", "measure this running server instead of starting one (loopback only)")
	fl.BoolVar(&o.warm, "warm", false, "start the server on the page cache as it is, instead of first evicting the data folder's files from it")
	levels := fl.String("c", "1,16,64", "comma-separated concurrency levels")
	fl.DurationVar(&o.dur, "d", 5*time.Second, "duration of each measurement")
	fl.StringVar(&o.only, "only", "", "comma-separated scenarios to run (default: all)")
	fl.StringVar(&o.memlimit, "memlimit", "", "run the server in a memory cgroup with this limit, e.g. 300M (root needed), with the data folder evicted from the page cache so that the index it reads is charged to it, even with -warm; GOMEMLIMIT is set to 3/4 of it unless set")
	if err := fl.Parse(args); err != nil {
		return o, err
	}
	for _, f := range strings.Split(*levels, ",") {
		c, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || c < 1 || c > 1024 {
			return o, fmt.Errorf("-c: %q is not a concurrency between 1 and 1024", f)
		}
		o.levels = append(o.levels, c)
	}
	if o.dur <= 0 || o.dur > 10*time.Minute {
		return o, fmt.Errorf("-d: %s is not between 0 and 10m", o.dur)
	}
	if o.target == "" && o.data == "" {
		return o, errors.New("-data or -url is required")
	}
	return o, nil
}

// waitResolved waits up to listen for the server at base to answer, and
// then for it to have resolved entities. A server reads the archive to
// resolve them after it starts listening (minutes at 100,000 articles on a
// busy machine); until then what needs them answers 503. Measurements
// start after.
func waitResolved(ctx context.Context, client *http.Client, base string, listen time.Duration) error {
	if err := loopback.WaitHealthy(ctx, client, base+"/healthz", listen); err != nil {
		return err
	}
	return loopback.WaitHealthy(ctx, client, base+"/api/targets?size=1", 15*time.Minute)
}

// runLoad measures a dxnews server under concurrent load on loopback.
func runLoad(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	o, err := parseLoadFlags(args, stderr)
	if err != nil {
		return err
	}
	base := strings.TrimRight(o.target, "/")
	var srv *server
	if base == "" {
		if srv, err = startServer(ctx, o, stderr); err != nil {
			return err
		}
		defer srv.stop()
		base = "http://" + o.addr
	} else {
		u, err := url.Parse(base)
		if err != nil {
			return fmt.Errorf("-url: %w", err)
		}
		if err := loopback.Check(u.Host); err != nil {
			return err
		}
	}
	client := &http.Client{
		Timeout:   30 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: 1024, MaxConnsPerHost: 0, DisableCompression: true},
	}
	start := time.Now()
	if err := waitResolved(ctx, client, base, 2*time.Minute); err != nil {
		return err
	}
	if srv != nil {
		if err := srv.running(); err != nil {
			return err
		}
	}
	fmt.Fprintf(stderr, "server ready in %s\n", time.Since(start).Round(100*time.Millisecond))
	// The first entity look-up may wait for the server to build its entity
	// table: minutes at 100,000 articles on a busy machine.
	plan, err := discover(ctx, &http.Client{Timeout: 10 * time.Minute}, base)
	if err != nil {
		return err
	}
	var plain string
	var pids [2]int
	if srv != nil {
		pids[0] = srv.cmd.Process.Pid
	}
	if plan.audio != "" {
		var stop func()
		if plain, pids[1], stop, err = startPlainServer(ctx, client, base+plan.audio, stderr); err != nil {
			return err
		}
		defer stop()
	}
	if err := measure(ctx, client, o, base, plan, plain, pids, stdout); err != nil {
		return err
	}
	if srv != nil {
		srv.report(stdout)
	}
	return nil
}

// measure runs every scenario at every concurrency and prints a row each,
// then compares audio with its baseline; pids are the processes of the
// server and of the baseline, 0 when not known.
func measure(ctx context.Context, client *http.Client, o loadOptions, base string, plan plan, plain string, pids [2]int, stdout io.Writer) error {
	scenarios := []scenario{
		{name: "search", urls: plan.searches},
		{name: "search-uncached", urls: plan.searches, unique: true},
		{name: "entities", urls: plan.entities},
		{name: "article-page", urls: plan.pages},
	}
	fmt.Fprintf(stdout, "# dxbench load: %s, %s per measurement; latencies in ms\n", base, o.dur)
	fmt.Fprintf(stdout, "%-24s %5s %10s %8s %8s %8s %8s\n", "scenario", "c", "rps", "p50", "p99", "errors", "requests")
	want := func(name string) bool { return o.only == "" || slices.Contains(strings.Split(o.only, ","), name) }
	for _, sc := range scenarios {
		if !want(sc.name) {
			continue
		}
		for _, c := range o.levels {
			printRow(stdout, sc.name, c, sc.run(ctx, client, base, c, o.dur).summary())
			if ctx.Err() != nil {
				return ctx.Err()
			}
		}
	}
	if plan.audio == "" || !want("audio-range") {
		return nil
	}
	return compareAudio(ctx, client, o, base, plan, plain, pids, stdout)
}

func printRow(stdout io.Writer, name string, c int, r result) {
	fmt.Fprintf(stdout, "%-24s %5d %10.0f %8.2f %8.2f %8d %8d\n", name, c, r.rps, ms(r.p50), ms(r.p99), r.errors, r.n)
}

package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// rangeBytes is the size of each audio Range request, as a player asks.
const rangeBytes = 64 << 10

// loadOptions are the flags of dxbench load.
type loadOptions struct {
	server, data, addr, target, only, memlimit string
	levels                                     []int
	dur                                        time.Duration
}

func parseLoadFlags(args []string, stderr io.Writer) (loadOptions, error) {
	var o loadOptions
	fl := flag.NewFlagSet("dxbench load", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.StringVar(&o.server, "server", "bin/dxnews", "dxnews binary to start with serve")
	fl.StringVar(&o.data, "data", "", "data folder the server serves")
	fl.StringVar(&o.addr, "addr", "127.0.0.1:18089", "loopback address for the server")
	fl.StringVar(&o.target, "url", "", "measure this running server instead of starting one (loopback only)")
	levels := fl.String("c", "1,16,64", "comma-separated concurrency levels")
	fl.DurationVar(&o.dur, "d", 5*time.Second, "duration of each measurement")
	fl.StringVar(&o.only, "only", "", "comma-separated scenarios to run (default: all)")
	fl.StringVar(&o.memlimit, "memlimit", "", "run the server in a memory cgroup with this limit, e.g. 300M (root needed); GOMEMLIMIT is set to 3/4 of it unless set")
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
		if err := loopback(u.Host); err != nil {
			return err
		}
	}
	client := &http.Client{
		Timeout:   30 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: 1024, MaxConnsPerHost: 0, DisableCompression: true},
	}
	// A server reads the archive to resolve entities after it starts
	// listening (minutes at 100,000 articles on a busy machine); until
	// then what needs them answers 503. The measurement starts after.
	start := time.Now()
	if err := waitHealthy(ctx, client, base+"/healthz", 2*time.Minute); err != nil {
		return err
	}
	if err := waitHealthy(ctx, client, base+"/api/targets?size=1", 15*time.Minute); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "server ready in %s\n", time.Since(start).Round(100*time.Millisecond))
	// The first entity look-up may wait for the server to build its entity
	// table: minutes at 100,000 articles on a busy machine.
	plan, err := discover(ctx, &http.Client{Timeout: 10 * time.Minute}, base)
	if err != nil {
		return err
	}
	var plain string
	if plan.audio != "" {
		var stop func()
		if plain, stop, err = startPlainServer(ctx, client, base+plan.audio, stderr); err != nil {
			return err
		}
		defer stop()
	}
	if err := measure(ctx, client, o, base, plan, plain, stdout); err != nil {
		return err
	}
	if srv != nil {
		srv.report(stdout)
	}
	return nil
}

// server is the dxnews serve process under test.
type server struct {
	cmd *exec.Cmd
	cg  *memCgroup // nil without -memlimit
}

// startServer starts dxnews serve over o.data, in a memory cgroup when
// o.memlimit is set.
func startServer(ctx context.Context, o loadOptions, stderr io.Writer) (*server, error) {
	if err := loopback(o.addr); err != nil {
		return nil, err
	}
	s := &server{cmd: exec.CommandContext(ctx, o.server, "serve", "-data", o.data, "-addr", o.addr)}
	s.cmd.Stderr = stderr
	s.cmd.Env = append(os.Environ(), "DXNEWS_LOG_LEVEL=warn")
	if o.memlimit != "" {
		limit, err := parseBytes(o.memlimit)
		if err != nil {
			return nil, fmt.Errorf("-memlimit: %w", err)
		}
		if s.cg, err = newMemCgroup(limit); err != nil {
			return nil, err
		}
		if os.Getenv("GOMEMLIMIT") == "" {
			s.cmd.Env = append(s.cmd.Env, fmt.Sprintf("GOMEMLIMIT=%d", limit/4*3))
		}
	}
	if err := s.cmd.Start(); err != nil {
		if s.cg != nil {
			s.cg.remove()
		}
		return nil, fmt.Errorf("starting %s: %w", o.server, err)
	}
	if s.cg != nil {
		if err := s.cg.add(s.cmd.Process.Pid); err != nil {
			s.stop()
			return nil, fmt.Errorf("-memlimit: %w", err)
		}
	}
	return s, nil
}

// stop interrupts the server, kills it after 10 s, and removes its cgroup.
func (s *server) stop() {
	s.cmd.Process.Signal(os.Interrupt)
	done := make(chan struct{})
	go func() { s.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		s.cmd.Process.Kill()
		<-done
	}
	if s.cg != nil {
		s.cg.remove()
	}
}

// report prints the server's memory: peak RSS and, with a cgroup, its
// peak charge and any OOM kill.
func (s *server) report(stdout io.Writer) {
	if mem, err := procMemory(s.cmd.Process.Pid); err == nil {
		fmt.Fprintf(stdout, "server memory: peak RSS %s, RSS %s (anonymous %s, file-backed %s)\n",
			mem["VmHWM"], mem["VmRSS"], mem["RssAnon"], mem["RssFile"])
	} else {
		fmt.Fprintf(stdout, "server memory: the server is gone (%v)\n", err)
	}
	if s.cg != nil {
		fmt.Fprintln(stdout, "server memory:", s.cg.report())
	}
}

// startPlainServer is the baseline: a plain Go file server, in its own
// process, serving a copy of the MP3 at audioURL. It returns the copy's URL
// and a function that stops the server.
func startPlainServer(ctx context.Context, client *http.Client, audioURL string, stderr io.Writer) (string, func(), error) {
	dir, err := os.MkdirTemp("", "dxbench-audio-")
	if err != nil {
		return "", nil, err
	}
	fail := func(err error) (string, func(), error) { os.RemoveAll(dir); return "", nil, err }
	if err := download(ctx, client, audioURL, filepath.Join(dir, "a.mp3")); err != nil {
		return fail(err)
	}
	self, err := os.Executable()
	if err != nil {
		return fail(err)
	}
	fsAddr, err := freeLoopback()
	if err != nil {
		return fail(err)
	}
	fsrv := exec.CommandContext(ctx, self, "fileserver", "-dir", dir, "-addr", fsAddr)
	fsrv.Stderr = stderr
	if err := fsrv.Start(); err != nil {
		return fail(err)
	}
	stop := func() { fsrv.Process.Kill(); fsrv.Wait(); os.RemoveAll(dir) }
	if err := waitHealthy(ctx, client, "http://"+fsAddr+"/a.mp3", 30*time.Second); err != nil {
		stop()
		return "", nil, err
	}
	return "http://" + fsAddr + "/a.mp3", stop, nil
}

// measure runs every scenario at every concurrency and prints a row each;
// audio and its baseline take turns in short slices, so both see the same
// load on a shared machine.
func measure(ctx context.Context, client *http.Client, o loadOptions, base string, plan plan, plain string, stdout io.Writer) error {
	scenarios := []scenario{
		{name: "search", urls: plan.searches},
		{name: "search-uncached", urls: plan.searches, unique: true},
		{name: "entities", urls: plan.entities},
		{name: "article-page", urls: plan.pages},
	}
	fmt.Fprintf(stdout, "# dxbench load: %s, %s per measurement; latencies in ms\n", base, o.dur)
	fmt.Fprintf(stdout, "%-24s %5s %10s %8s %8s %8s %8s\n", "scenario", "c", "rps", "p50", "p99", "errors", "requests")
	print := func(name string, c int, r result) {
		fmt.Fprintf(stdout, "%-24s %5d %10.0f %8.2f %8.2f %8d %8d\n", name, c, r.rps, ms(r.p50), ms(r.p99), r.errors, r.n)
	}
	want := func(name string) bool { return o.only == "" || slices.Contains(strings.Split(o.only, ","), name) }
	for _, sc := range scenarios {
		if !want(sc.name) {
			continue
		}
		for _, c := range o.levels {
			print(sc.name, c, sc.run(ctx, client, base, c, o.dur).summary())
			if ctx.Err() != nil {
				return ctx.Err()
			}
		}
	}
	if plan.audio == "" || !want("audio-range") {
		return nil
	}
	a := scenario{name: "audio-range", urls: []string{plan.audio}, ranged: plan.audioSize}
	b := scenario{name: "audio-plain-fileserver", urls: []string{plain}, ranged: plan.audioSize, absolute: true}
	const turns = 10
	for _, c := range o.levels {
		var ra, rb measurement
		for range turns {
			ra.add(a.run(ctx, client, base, c, o.dur/turns))
			rb.add(b.run(ctx, client, base, c, o.dur/turns))
			if ctx.Err() != nil {
				return ctx.Err()
			}
		}
		sa, sb := ra.summary(), rb.summary()
		print(a.name, c, sa)
		print(b.name, c, sb)
		fmt.Fprintf(stdout, "%-24s %5d %10.2f\n", "audio-range/plain", c, sa.rps/sb.rps)
	}
	return nil
}

// loopback refuses addresses off this machine: load tests stay local.
func loopback(hostport string) error {
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		return fmt.Errorf("address %q: %w", hostport, err)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("address %q is not on loopback", hostport)
	}
	return nil
}

func freeLoopback() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

func waitHealthy(ctx context.Context, client *http.Client, u string, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		resp, err := client.Do(req)
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s not ready after %s: %v", u, limit, err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// plan holds the requests to make, found by asking the server.
type plan struct {
	searches, entities, pages []string
	audio                     string
	audioSize                 int64
}

func discover(ctx context.Context, client *http.Client, base string) (plan, error) {
	var p plan
	var list struct {
		Articles []struct {
			ID    string `json:"id"`
			Audio []struct {
				URL   string `json:"url"`
				Bytes int64  `json:"bytes"`
			} `json:"audio"`
		} `json:"articles"`
	}
	if err := getJSON(ctx, client, base+"/api/articles?size=100", &list); err != nil {
		return p, err
	}
	for _, a := range list.Articles {
		p.pages = append(p.pages, "/articles/"+a.ID)
		for _, au := range a.Audio {
			if p.audio == "" && strings.HasPrefix(au.URL, "/") && au.Bytes > 2*rangeBytes {
				p.audio, p.audioSize = au.URL, au.Bytes
			}
		}
	}
	if len(p.pages) == 0 {
		return p, errors.New("the server lists no articles")
	}
	p.pages = p.pages[:min(len(p.pages), 40)]
	var ents struct {
		Entities []struct {
			Name string `json:"name"`
		} `json:"entities"`
	}
	if err := getJSON(ctx, client, base+"/api/entities?type=person&size=20", &ents); err != nil {
		return p, err
	}
	texts := []string{"chuyen doi so", "chuyển đổi số", "chinh quyen so", "đô thị thông minh", "kinh te so", "dich vu cong truc tuyen", "du lieu", "ha tang"}
	for _, t := range texts {
		p.searches = append(p.searches, "/api/articles?q="+url.QueryEscape(t))
	}
	for k, e := range ents.Entities {
		p.searches = append(p.searches, "/api/articles?person="+url.QueryEscape(e.Name))
		p.entities = append(p.entities, "/api/entities?type=person&q="+url.QueryEscape(lastWords(e.Name, 2)))
		if k%2 == 0 {
			p.searches = append(p.searches, "/api/articles?q="+url.QueryEscape(texts[k%len(texts)])+"&person="+url.QueryEscape(e.Name))
		}
	}
	p.searches = append(p.searches, "/api/articles?from=2024-01-01&to=2024-12-31", "/api/articles?q=chuyen+doi+so&facets=people,organizations,decisions,sources")
	p.entities = append(p.entities, "/api/entities?type=person", "/api/entities?type=organization", "/api/entities?type=decision&q=quyet+dinh")
	return p, nil
}

func lastWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[max(0, len(f)-n):], " ")
}

func getJSON(ctx context.Context, client *http.Client, u string, v any) error {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", u, resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

func download(ctx context.Context, client *http.Client, u, to string) error {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", u, resp.Status)
	}
	f, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, resp.Body); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// scenario is one kind of request, made in turn over its URLs.
type scenario struct {
	name     string
	urls     []string
	unique   bool  // add a parameter unique to each request, so no cache answers
	ranged   int64 // the file's size: ask for rangeBytes at a random offset
	absolute bool  // urls are complete
}

type result struct {
	rps      float64
	p50, p99 time.Duration
	errors   int64
	n        int
}

// measurement is what one or more runs of a scenario saw.
type measurement struct {
	lats    []time.Duration
	elapsed time.Duration
	errors  int64
}

func (m *measurement) add(o measurement) {
	m.lats = append(m.lats, o.lats...)
	m.elapsed += o.elapsed
	m.errors += o.errors
}

func (m measurement) summary() result {
	slices.Sort(m.lats)
	return result{rps: float64(len(m.lats)) / m.elapsed.Seconds(), p50: pct(m.lats, 50), p99: pct(m.lats, 99), errors: m.errors, n: len(m.lats)}
}

func (sc scenario) run(ctx context.Context, client *http.Client, base string, c int, d time.Duration) measurement {
	var next, errs atomic.Int64
	lats := make([][]time.Duration, c)
	// No request starts after d, but those in flight then are waited for
	// and counted: cutting them off would hide the slowest.
	stop := time.Now().Add(d)
	start := time.Now()
	var wg sync.WaitGroup
	for w := range c {
		wg.Go(func() {
			r := rand.New(rand.NewPCG(uint64(w), 1))
			buf := bufio.NewReaderSize(nil, 32<<10)
			for ctx.Err() == nil && time.Now().Before(stop) {
				k := next.Add(1)
				u := sc.urls[int(k)%len(sc.urls)]
				if !sc.absolute {
					u = base + u
				}
				if sc.unique {
					u += "&nocache=" + strconv.FormatInt(k, 10)
				}
				req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
				want := http.StatusOK
				if sc.ranged > 0 {
					off := r.Int64N(sc.ranged - rangeBytes)
					req.Header.Set("Range", fmt.Sprintf("bytes=%d-%d", off, off+rangeBytes-1))
					want = http.StatusPartialContent
				}
				t0 := time.Now()
				resp, err := client.Do(req)
				if err == nil {
					buf.Reset(resp.Body)
					_, err = io.Copy(io.Discard, buf)
					resp.Body.Close()
				}
				if ctx.Err() != nil {
					break // the whole run was cancelled
				}
				lats[w] = append(lats[w], time.Since(t0))
				if err != nil || resp.StatusCode != want {
					errs.Add(1)
				}
			}
		})
	}
	wg.Wait()
	return measurement{lats: slices.Concat(lats...), elapsed: time.Since(start), errors: errs.Load()}
}

// procMemory reads the memory lines of /proc/PID/status.
func procMemory(pid int) (map[string]string, error) {
	b, err := os.ReadFile(path.Join("/proc", strconv.Itoa(pid), "status"))
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, line := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && (strings.HasPrefix(k, "Vm") || strings.HasPrefix(k, "Rss")) {
			out[k] = strings.Join(strings.Fields(v), " ")
		}
	}
	return out, nil
}

// runFileServer serves a folder with net/http's file server: the baseline
// audio is measured against.
func runFileServer(ctx context.Context, args []string, stderr io.Writer) error {
	fl := flag.NewFlagSet("dxbench fileserver", flag.ContinueOnError)
	fl.SetOutput(stderr)
	dir := fl.String("dir", ".", "folder to serve")
	addr := fl.String("addr", "127.0.0.1:0", "loopback address")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if err := loopback(*addr); err != nil {
		return err
	}
	srv := &http.Server{Addr: *addr, Handler: http.FileServer(http.Dir(*dir)), ReadHeaderTimeout: 10 * time.Second}
	go func() { <-ctx.Done(); srv.Close() }()
	if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

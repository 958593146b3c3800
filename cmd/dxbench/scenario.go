package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// rangeBytes is the size of each audio Range request, as a player asks.
const rangeBytes = 64 << 10

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

// askRandomRange asks req for rangeBytes at a random offset of a file of
// size bytes, as a player seeking does.
func askRandomRange(req *http.Request, r *rand.Rand, size int64) {
	off := r.Int64N(size - rangeBytes)
	req.Header.Set("Range", fmt.Sprintf("bytes=%d-%d", off, off+rangeBytes-1))
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
					askRandomRange(req, r, sc.ranged)
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

package main

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"dxnews/article"
	"dxnews/index"
	"dxnews/index/bleve"
	"dxnews/index/indextest"
	"dxnews/internal/dirsize"
)

// runSearchBench indexes synthetic archives of each size on disk and
// reports indexing speed, size on disk and query latency percentiles.
func runSearchBench(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := newFlagSet("search", stderr)
	sizes := fl.String("n", "10000,30000,100000", "comma-separated archive sizes")
	queries := fl.Int("queries", 200, "queries of each kind per size")
	dir := fl.String("dir", "", "directory for the indexes (default: a temporary directory, removed at the end)")
	seed := fl.Uint64("seed", 1, "generator seed")
	only := fl.String("only", "", "comma-separated measures to run (default: all)")
	reuse := fl.Bool("reuse", false, "query the index already in -dir instead of building it")
	profile := fl.String("cpuprofile", "", "write a CPU profile of the queries to this file")
	if err := fl.Parse(args); err != nil {
		return err
	}
	opts := benchOptions{reuse: *reuse, profile: *profile}
	if *only != "" {
		opts.only = strings.Split(*only, ",")
	}
	ns, err := parseSizes(*sizes)
	if err != nil {
		return err
	}
	root := *dir
	if root == "" {
		if root, err = os.MkdirTemp("", "dxbench-search-"); err != nil {
			return err
		}
		defer os.RemoveAll(root)
	}
	fmt.Fprintf(stdout, "# dxbench search: %d queries of each kind; GOMAXPROCS=%d; latencies in ms\n", *queries, runtime.GOMAXPROCS(0))
	fmt.Fprintf(stdout, "%-8s %-22s %8s %8s %8s %10s %10s\n", "docs", "measure", "p50", "p95", "p99", "cpu-ms/q", "hits(avg)")
	for _, n := range ns {
		if err := benchSize(ctx, stdout, filepath.Join(root, strconv.Itoa(n)), n, *queries, *seed, opts); err != nil {
			return err
		}
	}
	return nil
}

func parseSizes(s string) ([]int, error) {
	var ns []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 100 {
			return nil, fmt.Errorf("-n: %q is not a size of 100 or more", f)
		}
		ns = append(ns, n)
	}
	return ns, nil
}

// indexArchive writes the n articles of the archive with seed into ix, in
// chunks, so memory stays bounded at any size.
func indexArchive(ctx context.Context, ix index.Indexer, n int, seed uint64, each func([]article.Article) error) error {
	const chunk = 1000
	for start := 0; start < n; start += chunk {
		docs := make([]article.Article, 0, chunk)
		for i := start; i < min(n, start+chunk); i++ {
			docs = append(docs, indextest.Archive(n, i, seed))
		}
		if err := ix.Index(ctx, docs...); err != nil {
			return err
		}
		if each != nil {
			if err := each(docs); err != nil {
				return err
			}
		}
	}
	return nil
}

// benchOptions are the optional settings of dxbench search.
type benchOptions struct {
	only    []string
	reuse   bool
	profile string
}

func benchSize(ctx context.Context, stdout io.Writer, dir string, n, queries int, seed uint64, opts benchOptions) error {
	if !opts.reuse {
		if err := buildArchive(ctx, stdout, dir, n, seed); err != nil {
			return err
		}
	}
	// Reopen, so merging left from indexing does not run during queries.
	ix, err := bleve.Open(dir, nil)
	if err != nil {
		return err
	}
	defer ix.Close()
	// A server warms its index at start (the entity table); so does this.
	start, cpu0 := time.Now(), cpuTime()
	if err := ix.Warm(ctx); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%-8d %-22s %8.0f ms, %.0f cpu-ms\n", n, "warm (entity table)", ms(time.Since(start)), ms(cpuTime()-cpu0))
	if opts.profile != "" {
		f, err := os.Create(opts.profile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	r := rand.New(rand.NewPCG(seed, 99))
	for _, k := range queryKinds(r, n) {
		if opts.only != nil && !slices.Contains(opts.only, k.name) {
			continue
		}
		if err := runKind(ctx, stdout, ix, k, n, queries, seed, r); err != nil {
			return err
		}
	}
	return nil
}

// buildArchive indexes n synthetic articles into a new index at dir and
// prints the rate and the size on disk.
func buildArchive(ctx context.Context, stdout io.Writer, dir string, n int, seed uint64) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	ix, err := bleve.Open(dir, nil)
	if err != nil {
		return err
	}
	start, cpu0 := time.Now(), cpuTime()
	if err := indexArchive(ctx, ix, n, seed, nil); err != nil {
		ix.Close()
		return err
	}
	if err := ix.Close(); err != nil {
		return err
	}
	elapsed, cpu := time.Since(start), cpuTime()-cpu0
	fmt.Fprintf(stdout, "%-8d %-22s %8.0f docs/s, %.0f docs/cpu-s, %.0f MB on disk\n", n, "index",
		float64(n)/elapsed.Seconds(), float64(n)/cpu.Seconds(), float64(dirsize.Of(dir))/1e6)
	return nil
}

// queryKind is one kind of query the benchmark times; q makes the next
// one: an index.Query, an index.EntityQuery, or "get".
type queryKind struct {
	name string
	q    func() any
}

// queryKinds lists the kinds of query over an archive of n articles.
func queryKinds(r *rand.Rand, n int) []queryKind {
	people := max(n/4, 100)
	texts := []string{"chuyen doi so", "chuyển đổi số", "chinh quyen so", "đô thị thông minh", "kinh te so", "dich vu cong truc tuyen", "ha tang du lieu", "thanh toan khong dung tien mat"}
	day := func() time.Time {
		span := indextest.ArchiveEnd.Sub(indextest.ArchiveStart)
		return indextest.ArchiveStart.Add(time.Duration(r.Int64N(int64(span)))).Truncate(24 * time.Hour)
	}
	return []queryKind{
		{"text", func() any { return index.Query{Text: texts[r.IntN(len(texts))]} }},
		{"text-phrase", func() any { return index.Query{Text: "chuyển đổi số"} }},
		{"person-top", func() any { return index.Query{Person: indextest.ArchivePerson(r.IntN(10))} }},
		{"person", func() any { return index.Query{Person: index.Fold(indextest.ArchivePerson(r.IntN(people)))} }},
		{"decision", func() any { return index.Query{Decision: indextest.ArchiveDecision(r.IntN(max(n/10, 50)))} }},
		{"date-month", func() any { d := day(); return index.Query{From: d, To: d.AddDate(0, 1, 0)} }},
		{"date-year", func() any { d := day(); return index.Query{From: d, To: d.AddDate(1, 0, 0)} }},
		{"text-date", func() any {
			d := day()
			return index.Query{Text: texts[r.IntN(len(texts))], From: d, To: d.AddDate(0, 3, 0)}
		}},
		{"facets-all", func() any { return withFacets(index.Query{}) }},
		{"facets-text", func() any { return withFacets(index.Query{Text: texts[r.IntN(len(texts))]}) }},
		{"entities-person", func() any { return index.EntityQuery{Type: index.TypePerson} }},
		{"entities-person-q", func() any {
			return index.EntityQuery{Type: index.TypePerson, Q: index.Fold(indextest.ArchivePerson(r.IntN(people / 5)))}
		}},
		{"entities-org", func() any { return index.EntityQuery{Type: index.TypeOrganization, Q: "ubnd"} }},
		{"get", func() any { return "get" }},
	}
}

// runKind times queries queries of kind k and prints p50, p95, p99, CPU ms
// per query and the mean number of hits.
func runKind(ctx context.Context, stdout io.Writer, ix *bleve.Index, k queryKind, n, queries int, seed uint64, r *rand.Rand) error {
	lat := make([]time.Duration, 0, queries)
	hits := 0
	cpu0 := cpuTime()
	for range queries {
		q := k.q()
		t0 := time.Now()
		switch q := q.(type) {
		case index.Query:
			res, err := ix.Search(ctx, q)
			if err != nil {
				return fmt.Errorf("%s %+v: %w", k.name, q, err)
			}
			hits += res.Total
		case index.EntityQuery:
			es, err := ix.Entities(ctx, q)
			if err != nil {
				return fmt.Errorf("%s %+v: %w", k.name, q, err)
			}
			hits += len(es)
		default:
			a := indextest.Archive(n, r.IntN(n), seed)
			t0 = time.Now()
			if _, err := ix.Get(ctx, a.ID); err != nil {
				return fmt.Errorf("get %s: %w", a.ID, err)
			}
			hits++
		}
		lat = append(lat, time.Since(t0))
	}
	cpu := cpuTime() - cpu0
	slices.Sort(lat)
	fmt.Fprintf(stdout, "%-8d %-22s %8.2f %8.2f %8.2f %10.2f %10d\n", n, k.name,
		ms(pct(lat, 50)), ms(pct(lat, 95)), ms(pct(lat, 99)), ms(cpu)/float64(queries), hits/queries)
	return nil
}

func pct(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := (len(sorted)*p + 99) / 100
	return sorted[min(max(i-1, 0), len(sorted)-1)]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// cpuTime is the CPU time the process has used, user and system: steadier
// than wall time on a shared machine.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

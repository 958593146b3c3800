package main

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"dxnews/article"
	"dxnews/index"
	"dxnews/index/bleve"
	"dxnews/internal/loopback"
	"dxnews/resolve"
	"dxnews/store"
)

// faultyIndex wraps an in-memory Bleve index and fails on demand: down
// refuses every call, reject refuses the listed IDs (a bulk with some
// items rejected). It records every ID it indexed, in order.
type faultyIndex struct {
	index.Indexer
	mu      sync.Mutex
	down    bool
	reject  map[string]bool
	indexed []string
}

func (f *faultyIndex) Index(ctx context.Context, docs ...article.Article) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.down {
		return errors.New("elastic: cannot reach the cluster: connection refused")
	}
	var ok []article.Article
	pe := &index.PartialError{Err: errors.New("status 429: es_rejected_execution_exception")}
	for _, a := range docs {
		if f.reject[a.ID] {
			pe.Failed = append(pe.Failed, a.ID)
			continue
		}
		ok = append(ok, a)
		f.indexed = append(f.indexed, a.ID)
	}
	if err := f.Indexer.Index(ctx, ok...); err != nil {
		return err
	}
	if len(pe.Failed) > 0 {
		return pe
	}
	return nil
}

func (f *faultyIndex) set(down bool, reject ...string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.down = down
	f.reject = map[string]bool{}
	for _, id := range reject {
		f.reject[id] = true
	}
}

func (f *faultyIndex) takeIndexed() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := f.indexed
	f.indexed = nil
	sort.Strings(out)
	return out
}

// faultyData opens a data folder whose index is a faultyIndex, as
// openData would with Elasticsearch (batch of batch stored changes).
func faultyData(t *testing.T, batch int) (*data, *faultyIndex, *bytes.Buffer) {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	bl, err := bleve.Open("", nil)
	if err != nil {
		t.Fatal(err)
	}
	fi := &faultyIndex{Indexer: bl}
	var logs bytes.Buffer
	e := newEnv("test", nil, &bytes.Buffer{}, &logs, func(string) string { return "" })
	d := &data{store: st, index: fi, backend: "elastic", resolver: resolve.NewResolver()}
	d.sync = newIndexSync(st, fi, dir, func() string { return "elastic test" }, batch, e.logger)
	t.Cleanup(func() { d.Close() })
	return d, fi, &logs
}

func sampleArticles(n int, from int) []article.Article {
	var out []article.Article
	for i := from; i < from+n; i++ {
		url := "https://tin.example.vn/bai-" + string(rune('a'+i)) + ".html"
		out = append(out, article.Article{ID: article.IDFor(url), URL: url, Source: "tin.example.vn",
			Title: "Tỉnh triển khai chuyển đổi số, đợt " + string(rune('A'+i)), Body: "Người dân nộp hồ sơ trực tuyến."})
	}
	return out
}

func idsOf(arts []article.Article) []string {
	var out []string
	for _, a := range arts {
		out = append(out, a.ID)
	}
	sort.Strings(out)
	return out
}

// checkStoreHoldsAll fails unless every article is in the store.
func checkStoreHoldsAll(t *testing.T, d *data, arts []article.Article) {
	t.Helper()
	all, err := d.store.All(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if got := idsOf(all); !slices.Equal(got, idsOf(arts)) {
		t.Fatalf("store holds %v, want %v", got, idsOf(arts))
	}
}

func TestIndexDownAtStartThenBack(t *testing.T) {
	ctx := context.Background()
	d, fi, _ := faultyData(t, 2)
	fi.set(true)
	p := &pipeline{data: d, logger: d.sync.logger}
	arts := sampleArticles(5, 0)
	for _, a := range arts {
		if err := p.add(ctx, a); err != nil {
			t.Fatalf("add with the index down: %v", err)
		}
	}
	p.catchUp(ctx)
	checkStoreHoldsAll(t, d, arts)
	if p.indexPending != 5 {
		t.Fatalf("pending = %d, want 5", p.indexPending)
	}
	if lag, msg, _ := d.sync.lag(ctx); lag != 5 || !strings.Contains(msg, "connection refused") {
		t.Fatalf("lag = %d (%q), want 5 with the reason", lag, msg)
	}
	fi.set(false)
	n, err := d.sync.catchUp(ctx)
	if err != nil || n != 5 {
		t.Fatalf("replay = %d, %v", n, err)
	}
	if got := fi.takeIndexed(); !slices.Equal(got, idsOf(arts)) {
		t.Fatalf("replay indexed %v, want every article once: %v", got, idsOf(arts))
	}
	if lag, _, _ := d.sync.lag(ctx); lag != 0 {
		t.Fatalf("lag after replay = %d", lag)
	}
	if n, err := d.sync.catchUp(ctx); n != 0 || err != nil || len(fi.takeIndexed()) != 0 {
		t.Fatalf("second replay indexed %d (%v), want nothing", n, err)
	}
}

func TestIndexDownMidCrawl(t *testing.T) {
	ctx := context.Background()
	d, fi, _ := faultyData(t, 2)
	p := &pipeline{data: d, logger: d.sync.logger}
	first, second := sampleArticles(4, 0), sampleArticles(3, 4)
	for _, a := range first {
		if err := p.add(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	if got := fi.takeIndexed(); !slices.Equal(got, idsOf(first)) {
		t.Fatalf("before the outage indexed %v", got)
	}
	fi.set(true)
	for _, a := range second {
		if err := p.add(ctx, a); err != nil {
			t.Fatalf("add with the index down: %v", err)
		}
	}
	p.catchUp(ctx)
	checkStoreHoldsAll(t, d, append(first, second...))
	fi.set(false)
	if _, err := d.sync.catchUp(ctx); err != nil {
		t.Fatal(err)
	}
	if got := fi.takeIndexed(); !slices.Equal(got, idsOf(second)) {
		t.Fatalf("replay indexed %v, want exactly the articles stored during the outage %v", got, idsOf(second))
	}
	if n, _ := d.index.Count(ctx); n != 7 {
		t.Fatalf("index holds %d articles, want 7", n)
	}
}

func TestBulkWithHalfRejectedReplaysOnlyThose(t *testing.T) {
	ctx := context.Background()
	d, fi, _ := faultyData(t, 100)
	p := &pipeline{data: d, logger: d.sync.logger}
	arts := sampleArticles(6, 0)
	for _, a := range arts {
		if err := p.add(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	rejected := []string{arts[1].ID, arts[3].ID, arts[5].ID}
	fi.set(false, rejected...)
	_, err := d.sync.catchUp(ctx)
	var pe *index.PartialError
	if !errors.As(err, &pe) {
		t.Fatalf("catch-up error = %v, want a PartialError", err)
	}
	if got := fi.takeIndexed(); len(got) != 3 {
		t.Fatalf("first pass indexed %v", got)
	}
	if lag, _, _ := d.sync.lag(ctx); lag != 3 {
		t.Fatalf("lag = %d, want the 3 rejected", lag)
	}
	// A 429 storm: still rejected on the next try, nothing else resent.
	if _, err := d.sync.catchUp(ctx); !errors.As(err, &pe) {
		t.Fatalf("second pass: %v", err)
	}
	if got := fi.takeIndexed(); len(got) != 0 {
		t.Fatalf("second pass indexed %v, want nothing new", got)
	}
	// One more article arrives; the cluster accepts everything again.
	late := sampleArticles(1, 6)[0]
	if err := p.add(ctx, late); err != nil {
		t.Fatal(err)
	}
	fi.set(false)
	if _, err := d.sync.catchUp(ctx); err != nil {
		t.Fatal(err)
	}
	want := append(slices.Clone(rejected), late.ID)
	sort.Strings(want)
	if got := fi.takeIndexed(); !slices.Equal(got, want) {
		t.Fatalf("replay indexed %v, want exactly the rejected and the new one %v", got, want)
	}
	checkStoreHoldsAll(t, d, append(arts, late))
	if n, _ := d.index.Count(ctx); n != 7 {
		t.Fatalf("index holds %d, want 7", n)
	}
}

// TestCrawlGoesOnWhenTheClusterIsDownAtStart opens a data folder for a
// crawl with Elasticsearch unreachable: the articles are stored and wait,
// where serve would refuse to start.
func TestCrawlGoesOnWhenTheClusterIsDownAtStart(t *testing.T) {
	ctx := context.Background()
	addr, err := loopback.FreeAddr()
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + addr
	env := map[string]string{"DXNEWS_INDEX": "elastic", "DXNEWS_ES_URL": closed}
	var logs bytes.Buffer
	e := newEnv("crawl", nil, &bytes.Buffer{}, &logs, func(k string) string { return env[k] })
	dir := t.TempDir()
	if _, err := openData(ctx, e, dir, modeOwn); err == nil || !strings.Contains(err.Error(), "cannot reach the cluster") {
		t.Fatalf("serve with the cluster down: %v", err)
	}
	d, err := openData(ctx, e, dir, modeCrawl)
	if err != nil {
		t.Fatalf("crawl with the cluster down: %v", err)
	}
	defer d.Close()
	if !strings.Contains(logs.String(), "articles are stored and indexed when it is back") {
		t.Errorf("no warning: %s", logs.String())
	}
	p := &pipeline{data: d, logger: e.logger}
	arts := sampleArticles(3, 0)
	for _, a := range arts {
		if err := p.add(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.catchUp(ctx); err != nil {
		t.Fatal(err)
	}
	checkStoreHoldsAll(t, d, arts)
	if p.indexPending != 3 {
		t.Fatalf("waiting for the index: %d, want 3", p.indexPending)
	}
}

package crawler

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

func mustOpenState(t testing.TB, dir string) *state {
	t.Helper()
	s, err := openState(dir)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// fillState records a known set of URLs: a.vn/1 seen, a.vn/2 an article,
// a.vn/3 a page, and n more articles.
func fillState(t testing.TB, s *state, n int) {
	t.Helper()
	recs := []record{
		{Kind: "seen", URL: "http://a.vn/1"},
		{Kind: "seen", URL: "http://a.vn/2"},
		{Kind: "done", URL: "http://a.vn/2", Article: true, ID: "x", Hash: "h", Sim: 0xF0F0_0000_FFFF_1234, ETag: `"e"`, Kept: true},
		{Kind: "done", URL: "http://a.vn/3"},
		{Kind: "seen", URL: "http://a.vn/2"}, // already done: stays done
	}
	for i := range n {
		u := "http://a.vn/many/" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + "/" + time.Duration(i).String()
		recs = append(recs, record{Kind: "done", URL: u, Article: true, ID: "id" + time.Duration(i).String(), Hash: "hash" + time.Duration(i).String(), Sim: uint64(i+1) * 0x9E3779B97F4A7C15})
	}
	for _, r := range recs {
		if err := s.append(r); err != nil {
			t.Fatal(err)
		}
	}
}

// lookup returns what s knows about an article.
func lookup(s *state, id, hash string, sim uint64) known {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.lookupLocked(id, hash, sim)
}

// checkFilled asserts what fillState recorded.
func checkFilled(t testing.TB, s *state) {
	t.Helper()
	if p := s.pending(); !slices.Equal(p, []string{"http://a.vn/1"}) {
		t.Fatalf("pending = %v, want the seen URL", p)
	}
	if r, ok := s.get("http://a.vn/2"); !ok || r.Kind != "done" || r.ETag != `"e"` || !r.Kept {
		t.Fatalf("get a.vn/2 = %+v, %v", r, ok)
	}
	if k := lookup(s, "x", "h", 0xF0F0_0000_FFFF_1234); !k.haveID || k.prev.URL != "http://a.vn/2" || k.prev.Hash != "h" || k.hashOwner != "x" || k.near != "" {
		t.Fatalf("lookup x = %+v", k)
	}
	if k := lookup(s, "y", "other", 0xF0F0_0000_FFFF_1234^0b101); k.near != "x" {
		t.Fatalf("near-duplicate of x 2 bits away not found: %+v", k)
	}
	if k := lookup(s, "z", "nohash", 0x0F0F_FFFF_0000_EDCB); k != (known{}) {
		t.Fatalf("lookup of an unknown article = %+v", k)
	}
}

func TestStateSurvivesReopen(t *testing.T) {
	for _, mem := range []bool{true, false} {
		dir := ""
		if !mem {
			dir = t.TempDir()
		}
		s := mustOpenState(t, dir)
		fillState(t, s, 100)
		checkFilled(t, s) // from the write buffer
		if mem {
			s.close()
			continue
		}
		if err := s.flush(); err != nil {
			t.Fatal(err)
		}
		checkFilled(t, s) // from the database
		if err := s.close(); err != nil {
			t.Fatal(err)
		}
		s2 := mustOpenState(t, dir)
		checkFilled(t, s2)
		if s2.repaired() != "" {
			t.Fatalf("clean state reported repaired: %s", s2.repaired())
		}
		s2.append(record{Kind: "done", URL: "http://a.vn/1"})
		s2.close()
		s3 := mustOpenState(t, dir)
		if p := s3.pending(); len(p) != 0 {
			t.Fatalf("pending after done = %v", p)
		}
		s3.close()
	}
}

// A claim taken while an article is emitted is never written: a run killed
// before the article is recorded must fetch and emit it again.
func TestStateClaimsAreNotWritten(t *testing.T) {
	dir := t.TempDir()
	s := mustOpenState(t, dir)
	rec := record{Kind: kindDone, URL: "http://a.vn/c", Article: true, ID: "c", Hash: "hc", Sim: 42}
	if o := s.Judge(rec, true); o != outcomeEmit {
		t.Fatalf("new article judged %v", o)
	}
	if k := lookup(s, "c", "hc", 42); !k.haveID || k.hashOwner != "c" {
		t.Fatalf("claim not seen by lookups: %+v", k)
	}
	// A copy judged while the article is being emitted is a duplicate.
	if o := s.Judge(record{Kind: kindDone, URL: "http://a.vn/c-amp", Article: true, ID: "c", Hash: "hc", Sim: 42}, true); o != outcomeDuplicate {
		t.Fatalf("copy of a claimed article judged %v, want duplicate", o)
	}
	s.append(record{Kind: "seen", URL: "http://a.vn/c"})
	s.close()
	s2 := mustOpenState(t, dir)
	defer s2.close()
	if k := lookup(s2, "c", "hc", 42); k.haveID || k.hashOwner != "" {
		t.Fatalf("claim written to disk: %+v", k)
	}
	if p := s2.pending(); !slices.Equal(p, []string{"http://a.vn/c"}) {
		t.Fatalf("pending = %v", p)
	}
}

// The JSON-lines log of earlier versions is imported, torn last line and
// all, and then removed.
func TestStateImportsLegacyLog(t *testing.T) {
	dir := t.TempDir()
	log := `{"k":"seen","u":"http://a.vn/1"}
{"k":"seen","u":"http://a.vn/2"}
{"k":"done","u":"http://a.vn/2","etag":"\"e\"","a":true,"id":"x","h":"h","sim":17361376567808168500,"kept":true}
{"k":"done","u":"http://a.vn/3"}
not json
{"k":"done","u":"http://a.vn/1","a":tr`
	if err := os.WriteFile(filepath.Join(dir, legacyStateFile), []byte(log), 0o644); err != nil {
		t.Fatal(err)
	}
	s := mustOpenState(t, dir)
	checkFilled(t, s)
	s.close()
	if _, err := os.Stat(filepath.Join(dir, legacyStateFile)); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("old log still there: %v", err)
	}
	s2 := mustOpenState(t, dir)
	defer s2.close()
	checkFilled(t, s2)
}

// A damaged state file is detected, moved aside and replaced by a new state
// holding whatever could still be read; opening never fails on the content
// of the file and never panics.
func TestStateRepairsDamage(t *testing.T) {
	build := func(t *testing.T) (string, []byte) {
		dir := t.TempDir()
		s := mustOpenState(t, dir)
		fillState(t, s, 1000)
		// A last transaction of its own, so that the one before holds
		// everything fillState recorded.
		if err := s.flush(); err != nil {
			t.Fatal(err)
		}
		s.append(record{Kind: "done", URL: "http://a.vn/last"})
		if err := s.close(); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(dir, stateFile))
		if err != nil {
			t.Fatal(err)
		}
		return dir, b
	}
	for _, tc := range []struct {
		name   string
		damage func(b []byte) []byte
		// intact: bbolt falls back on its other meta page, which holds the
		// transaction before: no repair is needed.
		intact bool
	}{
		{"garbage", func(b []byte) []byte { return []byte(strings.Repeat("not a database\n", 100)) }, false},
		{"empty", func(b []byte) []byte { return nil }, false},
		{"truncated", func(b []byte) []byte { return b[:len(b)/3] }, false},
		{"meta pages zeroed", func(b []byte) []byte { clear(b[:8192]); return b }, false},
		{"first meta page zeroed", func(b []byte) []byte { clear(b[:4096]); return b }, true},
		{"second meta page zeroed", func(b []byte) []byte { clear(b[4096:8192]); return b }, true},
		{"pages overwritten", func(b []byte) []byte {
			for i := 3 * 4096; i+4096 <= len(b); i += 3 * 4096 {
				copy(b[i:], strings.Repeat("\xff\x00garbage", 512))
			}
			return b
		}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir, b := build(t)
			path := filepath.Join(dir, stateFile)
			if err := os.WriteFile(path, tc.damage(b), 0o644); err != nil {
				t.Fatal(err)
			}
			s, err := openState(dir)
			if err != nil {
				t.Fatalf("open damaged state: %v", err)
			}
			if tc.intact {
				if s.repaired() != "" {
					t.Fatalf("repaired a state bbolt recovers by itself: %s", s.repaired())
				}
				checkFilled(t, s)
				s.close()
				return
			}
			if s.repaired() == "" || !strings.Contains(s.repaired(), damagedSuffix) {
				t.Fatalf("damage not reported: %q", s.repaired())
			}
			t.Log(s.repaired())
			if _, err := os.Stat(path + damagedSuffix); err != nil {
				t.Fatalf("damaged copy not kept: %v", err)
			}
			// The new state works and persists.
			s.append(record{Kind: "done", URL: "http://a.vn/new", Article: true, ID: "n", Hash: "hn"})
			if err := s.close(); err != nil {
				t.Fatal(err)
			}
			s2 := mustOpenState(t, dir)
			defer s2.close()
			if s2.repaired() != "" {
				t.Fatalf("repaired state reported damaged again: %s", s2.repaired())
			}
			if r, ok := s2.get("http://a.vn/new"); !ok || r.ID != "n" {
				t.Fatalf("record written after repair lost: %+v", r)
			}
		})
	}
}

func TestStateLockedByAnotherOpen(t *testing.T) {
	old := stateLockTimeout
	stateLockTimeout = 50 * time.Millisecond
	defer func() { stateLockTimeout = old }()
	dir := t.TempDir()
	s := mustOpenState(t, dir)
	defer s.close()
	if _, err := openState(dir); !errors.Is(err, ErrStateLocked) {
		t.Fatalf("second open: %v, want ErrStateLocked", err)
	}
}

// readState dumps the state under dir, bucket by bucket, in key order.
func readState(t testing.TB, dir string) string {
	t.Helper()
	db, err := bolt.Open(filepath.Join(dir, stateFile), 0o444, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var b strings.Builder
	db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, bk *bolt.Bucket) error {
			return bk.ForEach(func(k, v []byte) error {
				fmt.Fprintf(&b, "%s %q %s\n", name, k, v)
				return nil
			})
		})
	})
	return b.String()
}

// A crawl over a damaged state reports the repair and completes; the state
// rebuilt from the stored articles makes the next run emit nothing again.
func TestDamagedStateIsRepairedAndRebuilt(t *testing.T) {
	site := newTestSite(t)
	dir := t.TempDir()
	cfg := testConfig(site.URL+"/", dir)
	_, first := mustCrawl(t, cfg)
	if len(first.all) < 5 {
		t.Fatalf("first run emitted %d articles", len(first.all))
	}
	damage := func() {
		if err := os.WriteFile(filepath.Join(dir, stateFile), []byte(strings.Repeat("\x00garbage", 2000)), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// Damaged and not rebuilt: the run repairs, says so, and emits the
	// articles again (emit is idempotent).
	damage()
	stats, second := mustCrawl(t, cfg)
	if !strings.Contains(stats.StateRepaired, "cannot be opened") || len(second.all) != len(first.all) {
		t.Fatalf("repair %q, emitted %d of %d", stats.StateRepaired, len(second.all), len(first.all))
	}

	// Damaged and rebuilt from the stored articles: nothing is emitted.
	damage()
	info, err := RebuildState(dir, slices.Values(first.all))
	if err != nil {
		t.Fatal(err)
	}
	if info.Repaired == "" || info.Articles != len(first.all) || info.Rebuilt != len(first.all) {
		t.Fatalf("rebuild: %+v, want %d articles and the repair named", info, len(first.all))
	}
	// The report names what was damaged, what repaired it and what the
	// rebuild recorded.
	rep := info.Repair
	if rep == nil || !strings.HasPrefix(rep.Problem, "cannot be opened") || rep.File != filepath.Join(dir, stateFile) || rep.DamagedCopy != rep.File+damagedSuffix {
		t.Fatalf("repair %+v", rep)
	}
	for _, want := range []string{"crawl state damaged: cannot be opened", "damaged copy kept in " + rep.DamagedCopy, fmt.Sprintf("rebuilt: %d stored articles", len(first.all))} {
		if !strings.Contains(info.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, info)
		}
	}
	stats, third := mustCrawl(t, cfg)
	if len(third.all) != 0 || stats.StateRepaired != "" || stats.Unchanged < len(first.all) {
		t.Fatalf("after rebuild: emitted %v, stats %+v", third.paths(), stats)
	}
	if info, err := InspectState(dir); err != nil || info.Articles < len(first.all) || info.Repaired != "" || info.Repair != nil || strings.Contains(info.String(), "damaged") {
		t.Fatalf("inspect: %+v, %v", info, err)
	}
	// Inspecting a damaged state repairs it and says so.
	damage()
	info, err = InspectState(dir)
	if err != nil || info.Repair == nil || info.Rebuilt != 0 || !strings.Contains(info.String(), "repaired: replaced by a new state") {
		t.Fatalf("inspect of a damaged state: %v\n%s", err, info)
	}
}

// One row per dedup rule.
func TestDecide(t *testing.T) {
	rec := record{Kind: kindDone, URL: "http://a.vn/1", Article: true, ID: "a", Hash: "h1"}
	for _, tc := range []struct {
		name     string
		k        known
		relevant bool
		want     outcome
	}{
		{"new and relevant", known{}, true, outcomeEmit},
		{"new and off-topic", known{}, false, outcomeOffTopic},
		{"same ID at another address", known{prev: idEntry{URL: "http://a.vn/1-amp", Hash: "h1"}, haveID: true}, true, outcomeDuplicate},
		{"same ID, same content", known{prev: idEntry{URL: rec.URL, Hash: "h1"}, haveID: true}, true, outcomeUnchanged},
		{"same ID, new content", known{prev: idEntry{URL: rec.URL, Hash: "h0"}, haveID: true}, true, outcomeEmit},
		{"same ID, new content, now off-topic", known{prev: idEntry{URL: rec.URL, Hash: "h0"}, haveID: true}, false, outcomeOffTopic},
		{"same content under another ID", known{hashOwner: "b"}, true, outcomeDuplicate},
		{"SimHash near another article", known{near: "b"}, true, outcomeNearDuplicate},
		{"new version near another article", known{prev: idEntry{URL: rec.URL, Hash: "h0"}, haveID: true, near: "b"}, true, outcomeEmit},
	} {
		if got := decide(rec, tc.k, tc.relevant); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
	if s := outcome(42).String(); s != "outcome(42)" {
		t.Errorf("unknown outcome prints %q", s)
	}
}

// A state write that fails (the database gone, a full disk) is returned by
// every method that changes the state, and stops a crawl with that error.
func TestStateWriteFailureStopsRun(t *testing.T) {
	s := mustOpenState(t, t.TempDir())
	if err := s.MarkSeen("http://a.vn/1"); err != nil {
		t.Fatal(err)
	}
	s.db.Close() // the next commit fails
	if err := s.flush(); err == nil {
		t.Fatal("commit to a closed database succeeded")
	}
	for name, err := range map[string]error{
		"MarkSeen": s.MarkSeen("http://a.vn/2"),
		"MarkDone": s.MarkDone("http://a.vn/3", ""),
		"MarkRead": s.MarkRead("http://a.vn/4", time.Now()),
		"Record":   s.Record(record{Kind: kindDone, URL: "http://a.vn/5", Article: true, ID: "e"}),
	} {
		if err == nil || !strings.Contains(err.Error(), "write state") {
			t.Errorf("%s after a failed commit: %v", name, err)
		}
	}

	site := newTestSite(t)
	c, err := New(testConfig(site.URL+"/", t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	var got collected
	r, err := c.newRun(context.Background(), got.emit)
	if err != nil {
		t.Fatal(err)
	}
	r.st.db.Close()
	r.st.MarkSeen("http://a.vn/x")
	r.st.flush()
	if _, err := r.crawl(); err == nil || !strings.Contains(err.Error(), "write state") {
		t.Fatalf("crawl over a failing state: %v", err)
	}
	if len(got.all) != 0 {
		t.Errorf("emitted %d articles with no state to record them", len(got.all))
	}
}

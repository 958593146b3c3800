package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dxnews/article"
)

// crawledFolder crawls a test site of n articles, without speech, into a
// new data folder and returns the site's config, the folder and the
// environment used.
func crawledFolder(t *testing.T, n int) (cfg, dir string, env map[string]string) {
	t.Helper()
	_, cfg = siteWith(t, n)
	dir = t.TempDir()
	env = map[string]string{"DXNEWS_VOICES": "north-female"}
	mustRun(t, env, "crawl", "-config", cfg, "-data", dir)
	return cfg, dir, env
}

// TestCorruptStateIsRepaired damages every kind of state in a data folder
// at once and checks that status names each problem and its repair and that
// the next crawl completes with the same articles, indexed and exported
// once each.
func TestCorruptStateIsRepaired(t *testing.T) {
	cfg, dir, env := crawledFolder(t, 4)
	before := storedArticles(t, dir)
	if len(before) != 4 {
		t.Fatalf("%d articles stored, want 4", len(before))
	}
	ids := make([]string, 0, 4)
	for id := range before {
		ids = append(ids, id)
	}

	// A truncated article and a garbage one, both restorable from the index.
	a0 := filepath.Join(dir, "articles", ids[0]+".json")
	b0, _ := os.ReadFile(a0)
	writeFile(t, a0, string(b0[:len(b0)/2]))
	writeFile(t, filepath.Join(dir, "articles", ids[1]+".json"), "\x00\x17garbage{")
	// An article file nobody can restore.
	stray := article.IDFor("https://nowhere.example.vn/x")
	writeFile(t, filepath.Join(dir, "articles", stray+".json"), `{"id": "`+stray+`", "title": `)
	// A damaged line in the middle of the change log and a torn last one.
	logPath := filepath.Join(dir, "articles.log")
	lb, _ := os.ReadFile(logPath)
	lines := strings.SplitAfter(string(lb), "\n")
	lines[1] = "4x\tnot-an-id\n"
	writeFile(t, logPath, strings.Join(lines, "")+"99\t12ab")
	// Garbage in every crawl state file.
	filepath.WalkDir(filepath.Join(dir, "crawl"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			writeFile(t, p, "{{{not json\n\x00\x01")
		}
		return nil
	})
	// A garbled last-run record.
	writeFile(t, filepath.Join(dir, lastRunFile), "{")

	stdout, _ := mustRun(t, env, "status", "-data", dir)
	if m := missing(stdout,
		"articles/"+ids[0]+".json was corrupt: restored it from the search index",
		"articles/"+ids[1]+".json was corrupt: restored it from the search index",
		"articles/"+stray+".json was corrupt: the index has no copy: moved it to quarantine/",
		"the change log had 1 damaged lines: dropped them",
		"the change log ended in a torn line",
		"last crawl   unknown",
		"stored       4 articles",
		// The crawl state is set aside and its articles recorded again.
		"crawl-state.db cannot be opened",
		"recorded the 4 stored articles in it again, so the next crawl knows them",
		"crawl state  ",
	); len(m) > 0 {
		t.Errorf("status does not say %q:\n%s", m, stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, "quarantine", stray+".json")); err != nil {
		t.Errorf("the unrestorable file is not in quarantine: %v", err)
	}

	// Now the index will not open either.
	filepath.WalkDir(filepath.Join(dir, "index"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			writeFile(t, p, "garbage")
		}
		return nil
	})
	_, stderr := mustRun(t, env, "crawl", "-config", cfg, "-data", dir)
	if !strings.Contains(stderr, "rebuilding it from 4 stored articles") {
		t.Errorf("crawl does not say it rebuilt the index:\n%s", stderr)
	}
	after := storedArticles(t, dir)
	for id, b := range before {
		if after[id] != b {
			t.Errorf("article %s changed through the damage:\nbefore %s\nafter  %s", id, b, after[id])
		}
	}
	if len(after) != len(before) {
		t.Errorf("%d articles after repair, %d before", len(after), len(before))
	}
	stdout, _ = mustRun(t, env, "status", "-data", dir)
	if m := missing(stdout, "the search index could not be used", "rebuilt it from the 4 stored articles"); len(m) > 0 {
		t.Errorf("status does not report the index rebuild (lacks %q):\n%s", m, stdout)
	}
	// A second crawl finds nothing more to repair or do.
	_, stderr = mustRun(t, env, "crawl", "-config", cfg, "-data", dir)
	if !strings.Contains(lastLine(stderr), "unchanged 4") {
		t.Errorf("second crawl after repair: %s", lastLine(stderr))
	}
	// An index folder removed by hand opens empty: status indexes what it
	// lacks and says so.
	if err := os.RemoveAll(filepath.Join(dir, "index")); err != nil {
		t.Fatal(err)
	}
	stdout, _ = mustRun(t, env, "status", "-data", dir)
	if m := missing(stdout, "the search index held 0 articles of 4 stored; 4 were missing: indexed the missing articles", "indexed      4"); len(m) > 0 {
		t.Errorf("status on an emptied index lacks %q:\n%s", m, stdout)
	}
}

// TestIndexInUseIsNeverRebuilt checks that an index another process (or
// this one) holds is seen as held, so it is never taken for damage.
func TestIndexInUseIsNeverRebuilt(t *testing.T) {
	dir := t.TempDir()
	_, d := openTestData(t, dir)
	held := filepath.Join(dir, "index", "store", "root.bolt")
	if !heldByAnother(held) {
		t.Fatalf("%s is open and not seen as held", held)
	}
	d.Close()
	if heldByAnother(held) {
		t.Fatalf("%s is closed and seen as held", held)
	}
}

// TestCrawlRepairsTheCrawlState checks the crawl's side of a damaged crawl
// state: the crawler sets it aside, and the crawl records the stored
// articles in the new one and notes the repair for status.
func TestCrawlRepairsTheCrawlState(t *testing.T) {
	cfg, dir, env := crawledFolder(t, 3)
	writeFile(t, filepath.Join(dir, "crawl", "crawl-state.db"), "garbage, not bbolt")
	mustRun(t, env, "crawl", "-config", cfg, "-data", dir)
	stdout, _ := mustRun(t, env, "status", "-data", dir)
	if m := missing(stdout, "crawl-state.db cannot be opened", "recorded the 3 stored articles in it again", ", 3 articles\n"); len(m) > 0 {
		t.Errorf("status after a crawl over a damaged state lacks %q:\n%s", m, stdout)
	}
}

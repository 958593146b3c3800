package store

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
)

func TestChangedListsEachArticleOnceAtItsLatestChange(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, t.TempDir())
	a, b := sample(1, "một"), sample(2, "hai")
	for _, x := range []struct {
		n     int
		title string
	}{{1, "một"}, {2, "hai"}, {1, "một, sửa"}} {
		put(t, s, sample(x.n, x.title))
	}
	ids, head, err := s.Changed(ctx, "")
	if err != nil || head != "3" || !slices.Equal(ids, []string{b.ID, a.ID}) {
		t.Fatalf("Changed(\"\") = %v, %s, %v", ids, head, err)
	}
	ids, head, err = s.Changed(ctx, "2")
	if err != nil || head != "3" || !slices.Equal(ids, []string{a.ID}) {
		t.Fatalf("Changed(2) = %v, %s, %v", ids, head, err)
	}
	ids, head, err = s.Changed(ctx, "3")
	if err != nil || head != "3" || len(ids) != 0 {
		t.Fatalf("Changed(head) = %v, %s, %v", ids, head, err)
	}
	if _, _, err := s.Changed(ctx, "x"); err == nil {
		t.Fatal("Changed(x) accepted a bad cursor")
	}
}

func TestOpenReadOnlyReadsWhileAnotherWrites(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	w := openStore(t, dir)
	a := sample(1, "một")
	put(t, w, a)
	r, err := OpenReadOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	arts, next, err := r.Since(ctx, "", 10)
	if err != nil || len(arts) != 1 || next != "1" {
		t.Fatalf("Since = %d articles, %s, %v", len(arts), next, err)
	}
	if _, err := r.Put(ctx, sample(2, "hai")); err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Fatalf("Put on a read-only store = %v", err)
	}
	if _, err := OpenReadOnly(t.TempDir()); err == nil {
		t.Fatal("OpenReadOnly of an empty folder succeeded")
	}

	// The reader sees what the writer logs after it read, and a log the
	// writer replaced while repairing it.
	b := sample(2, "hai")
	put(t, w, b)
	put(t, w, sample(1, "một, sửa"))
	ids, head, err := r.Changed(ctx, next)
	if err != nil || head != "3" || !slices.Equal(ids, []string{b.ID, a.ID}) {
		t.Fatalf("reader's Changed(%s) after two more changes = %v, %s, %v", next, ids, head, err)
	}
	w.Close()
	if err := os.WriteFile(filepath.Join(dir, "articles.log"), []byte("1\tzz\n2\t"+b.ID+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	openStore(t, dir) // drops the damaged line and logs a again
	ids, head, err = r.Changed(ctx, "")
	if err != nil || head != "3" || !slices.Equal(ids, []string{b.ID, a.ID}) {
		t.Fatalf("reader's Changed after the log was repaired = %v, %s, %v", ids, head, err)
	}
}

// TestChangesInMemoryMatchTheLog makes many changes to a few articles and
// checks, from every cursor, that Changed and Since answer what a reading
// of the log file from scratch says.
func TestChangesInMemoryMatchTheLog(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, t.TempDir())
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 60 {
		put(t, s, sample(rng.IntN(8), "bản "+strconv.Itoa(i)))
	}
	x, bad, err := readLogFile(s.logPath())
	if err != nil || bad != 0 || len(x.entries) != 60 {
		t.Fatalf("log file: %d entries, %d bad, %v", len(x.entries), bad, err)
	}
	for after := int64(0); after <= 61; after++ {
		// From scratch: the last change of each article after the cursor.
		last := map[string]int64{}
		for _, e := range x.entries {
			if e.seq > after {
				last[e.id.String()] = e.seq
			}
		}
		var want []string
		for _, e := range x.entries {
			if e.seq > after && last[e.id.String()] == e.seq {
				want = append(want, e.id.String())
			}
		}
		cursor := strconv.FormatInt(after, 10)
		ids, _, err := s.Changed(ctx, cursor)
		if err != nil || !slices.Equal(ids, want) && len(want)+len(ids) > 0 {
			t.Fatalf("Changed(%d) = %v, %v; want %v", after, ids, err, want)
		}
		var paged []string
		for _, a := range pageSince(t, s, cursor, 3) {
			paged = append(paged, a.ID)
		}
		if !slices.Equal(paged, want) && len(want)+len(paged) > 0 {
			t.Fatalf("paging Since from %d = %v; want %v", after, paged, want)
		}
	}
}

// TestChangesWhilePutting pages the changes while other goroutines store
// articles (run it with -race): every page holds distinct articles, and a
// reader that keeps paging ends having seen every article.
func TestChangesWhilePutting(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, t.TempDir())
	var wg sync.WaitGroup
	for w := range 2 {
		wg.Go(func() {
			for i := range 10 {
				if _, err := s.Put(ctx, sample(w*10+i, "bản "+strconv.Itoa(i))); err != nil {
					t.Error(err)
				}
			}
		})
	}
	seen := map[string]bool{}
	cursor := ""
	for pass := 0; pass < 1000 && len(seen) < 20; pass++ {
		arts, next, err := s.Since(ctx, cursor, 4)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range arts {
			seen[a.ID] = true
		}
		if _, _, err := s.Changed(ctx, cursor); err != nil {
			t.Fatal(err)
		}
		cursor = next
		if len(arts) == 0 {
			wg.Wait() // nothing new yet: wait for the writers
		}
	}
	if len(seen) != 20 {
		t.Fatalf("the reader saw %d articles of 20", len(seen))
	}
}

// A data folder whose path holds pattern characters lists its articles as
// any other does, and a damaged change log is repaired there too.
func TestFolderNameWithPatternCharacters(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "tin [2026]*")
	s := openStore(t, dir)
	a, b := sample(0, "một"), sample(1, "hai")
	put(t, s, a)
	put(t, s, b)
	s.Close()
	if err := os.WriteFile(filepath.Join(dir, "articles.log"), []byte("1\tzz\n2\t"+b.ID+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s = openStore(t, dir) // drops the damaged line and logs a again
	if arts, corrupt, err := s.Scan(ctx); err != nil || len(arts) != 2 || len(corrupt) != 0 {
		t.Fatalf("Scan = %d articles, corrupt %v, %v; want both articles", len(arts), corrupt, err)
	}
	if ids, _, err := s.Changed(ctx, ""); err != nil || !slices.Equal(ids, []string{b.ID, a.ID}) {
		t.Fatalf("Changed after the repair = %v, %v; want %s then %s", ids, err, b.ID, a.ID)
	}
}

package web

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	"dxnews/article"
)

// feedRefresh is the longest a feed lags the store: the change log is read
// at most this often, so a feed request costs the same at 100 or 100,000
// articles.
const feedRefresh = 5 * time.Second

// feedEntry places one reading in a voice's feed.
type feedEntry struct {
	published int64 // Unix nanoseconds; 0 when unknown
	id        string
}

// newer orders entries newest first, then by ID, so pages are stable.
func newer(a, b feedEntry) int {
	return cmp.Or(cmp.Compare(b.published, a.published), cmp.Compare(a.id, b.id))
}

// feedIndex lists, per voice, every article that has a reading in that
// voice, newest first. It follows the store's change log: the first use
// reads it whole, later ones only what changed since, so its cost does not
// grow with the archive. Memory is about 40 bytes per reading.
type feedIndex struct {
	store Store
	now   func() time.Time

	mu      sync.Mutex
	cursor  string
	checked time.Time
	built   bool
	// voices maps an article ID to the voices it is listed under and when
	// it was published.
	articles map[string]feedArticle
	lists    map[string][]feedEntry
	// version changes whenever a list does; rendered feeds are cached
	// under it.
	version int64
}

type feedArticle struct {
	published int64
	voices    []string
}

func newFeedIndex(s Store) *feedIndex {
	return &feedIndex{store: s, now: time.Now, articles: map[string]feedArticle{}, lists: map[string][]feedEntry{}}
}

// page returns the IDs of entries [offset, offset+n) of voice's list, the
// list's length and its version, after catching up with the change log
// if it was last read more than feedRefresh ago.
func (fi *feedIndex) page(ctx context.Context, voice string, offset, n int) (ids []string, total int, version int64, err error) {
	fi.mu.Lock()
	defer fi.mu.Unlock()
	if err := fi.refresh(ctx); err != nil {
		return nil, 0, 0, err
	}
	list := fi.lists[voice]
	for i := offset; i < min(len(list), offset+n); i++ {
		ids = append(ids, list[i].id)
	}
	return ids, len(list), fi.version, nil
}

// refresh reads the change log from the cursor on; fi.mu is held.
func (fi *feedIndex) refresh(ctx context.Context) error {
	if fi.built && fi.now().Sub(fi.checked) < feedRefresh {
		return nil
	}
	for {
		arts, next, err := fi.store.Since(ctx, fi.cursor, 1000)
		if err != nil {
			return fmt.Errorf("web: reading the change log: %w", err)
		}
		for _, a := range arts {
			fi.update(a)
		}
		if next == fi.cursor || len(arts) == 0 {
			fi.cursor = next
			break
		}
		fi.cursor = next
	}
	fi.built, fi.checked = true, fi.now()
	return nil
}

// update lists a under every voice it has a reading in, and nowhere else.
func (fi *feedIndex) update(a article.Article) {
	var voices []string
	for _, au := range a.Audio {
		if au.Voice != "" && !slices.Contains(voices, au.Voice) {
			voices = append(voices, au.Voice)
		}
	}
	var pub int64
	if !a.Published.IsZero() {
		pub = a.Published.UnixNano()
	}
	old, had := fi.articles[a.ID]
	if had && old.published == pub && slices.Equal(old.voices, voices) {
		return
	}
	if had {
		for _, v := range old.voices {
			fi.remove(v, feedEntry{old.published, a.ID})
		}
	}
	for _, v := range voices {
		fi.insert(v, feedEntry{pub, a.ID})
	}
	if len(voices) == 0 {
		delete(fi.articles, a.ID)
	} else {
		fi.articles[a.ID] = feedArticle{published: pub, voices: voices}
	}
	fi.version++
}

func (fi *feedIndex) insert(voice string, e feedEntry) {
	l := fi.lists[voice]
	i, found := slices.BinarySearchFunc(l, e, newer)
	if !found {
		fi.lists[voice] = slices.Insert(l, i, e)
	}
}

func (fi *feedIndex) remove(voice string, e feedEntry) {
	l := fi.lists[voice]
	if i, found := slices.BinarySearchFunc(l, e, newer); found {
		fi.lists[voice] = slices.Delete(l, i, i+1)
	}
}

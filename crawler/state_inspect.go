package crawler

import (
	"fmt"
	"iter"
	"strings"

	bolt "go.etcd.io/bbolt"

	"dxnews/article"
)

// StateInfo describes the crawl state under a Config.StateDir, and what
// opening or rebuilding it did: a report a status command can print
// (String).
type StateInfo struct {
	// File is the state database.
	File string
	// URLs is the number of URLs known; Pending of them were found but not
	// yet handled; Articles is the number of article IDs known.
	URLs, Pending, Articles int
	// Repaired says in one line what was found damaged and how it was
	// repaired, when opening the state did so; "" otherwise. Repair says
	// the same in fields.
	Repaired string
	Repair   *StateRepair
	// Rebuilt is the number of stored articles RebuildState recorded in
	// the state because it did not know them.
	Rebuilt int
}

// String reports the state in a few lines: what it holds, what was found
// damaged and what repaired it.
func (i StateInfo) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "crawl state %s: %d URLs (%d pending), %d articles", i.File, i.URLs, i.Pending, i.Articles)
	if r := i.Repair; r != nil {
		fmt.Fprintf(&b, "\ncrawl state damaged: %s", r.Problem)
		fmt.Fprintf(&b, "\nrepaired: replaced by a new state holding the %d records still readable; damaged copy kept in %s", r.Salvaged, r.DamagedCopy)
	}
	if i.Rebuilt > 0 {
		fmt.Fprintf(&b, "\nrebuilt: %d stored articles recorded again, so the next crawl takes them as unchanged", i.Rebuilt)
	}
	return b.String()
}

// InspectState opens the crawl state under dir, repairing it when damaged
// (see StateInfo.Repair), and counts what it holds. It fails while a crawl
// holds the state.
func InspectState(dir string) (StateInfo, error) {
	s, err := openState(dir)
	if err != nil {
		return StateInfo{}, err
	}
	info := s.info()
	return info, s.close()
}

func (s *state) info() StateInfo {
	info := StateInfo{Repaired: s.repaired(), Repair: s.repair}
	if s.db == nil {
		return info
	}
	info.File = s.db.Path()
	s.flush()
	s.view(func(tx *bolt.Tx) {
		info.URLs = tx.Bucket(bucketURLs).Stats().KeyN
		info.Pending = tx.Bucket(bucketPending).Stats().KeyN
		info.Articles = tx.Bucket(bucketIDs).Stats().KeyN
	})
	return info
}

// RebuildState records stored articles in the crawl state under dir, for a
// state that was lost or repaired with records missing: each article whose
// ID the state does not know is recorded as fetched and kept, with its
// content hash and SimHash, so the next run recognises it as unchanged
// instead of emitting it again. It returns what the state holds afterwards,
// with the repair opening it made and the number of articles recorded.
func RebuildState(dir string, articles iter.Seq[article.Article]) (StateInfo, error) {
	s, err := openState(dir)
	if err != nil {
		return StateInfo{}, err
	}
	rebuilt := 0
	for a := range articles {
		u := normalizeURL(nil, a.CanonicalURL)
		if u == "" {
			u = normalizeURL(nil, a.URL)
		}
		if a.ID == "" || u == "" || s.knowsArticle(a.ID) {
			continue
		}
		rec := record{Kind: kindDone, URL: u, Article: true, Kept: true, ID: a.ID, Hash: a.ContentHash,
			Sim: simHash(a.Title + " " + a.Body), Fetched: a.Fetched.UTC()}
		if err := s.Record(rec); err != nil {
			s.close()
			return StateInfo{}, err
		}
		rebuilt++
	}
	info := s.info()
	info.Rebuilt = rebuilt
	if err := s.close(); err != nil {
		return info, err
	}
	return info, nil
}

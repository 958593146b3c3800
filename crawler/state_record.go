package crawler

import "time"

// recordKind says how far a URL got: seen (on the frontier) or done.
type recordKind string

const (
	kindSeen recordKind = "seen"
	kindDone recordKind = "done"
)

// record is what the state knows about one URL. A seen record is a URL put
// on the frontier; a done record a URL fully handled, with what the next
// run needs: validators for conditional requests, the article ID and hashes.
type record struct {
	Kind         recordKind `json:"k"`
	URL          string     `json:"u"`
	ETag         string     `json:"etag,omitempty"`
	LastModified string     `json:"lm,omitempty"`
	Article      bool       `json:"a,omitempty"`
	ID           string     `json:"id,omitempty"`
	Hash         string     `json:"h,omitempty"`
	Sim          uint64     `json:"sim,omitempty"`
	Kept         bool       `json:"kept,omitempty"`
	Skip         string     `json:"skip,omitempty"`
	Fetched      time.Time  `json:"t,omitzero"`
}

// readArticle reports whether r is an article fetched no earlier than
// lastmod: a sitemap or feed entry dated so needs no request.
func (r record) readArticle(lastmod time.Time) bool {
	return r.Kind == kindDone && r.Article && r.readSince(lastmod)
}

// readSince reports whether r was fetched no earlier than lastmod.
func (r record) readSince(lastmod time.Time) bool {
	return !r.Fetched.IsZero() && !lastmod.IsZero() && !lastmod.After(r.Fetched)
}

// idEntry is what the state knows about one article ID.
type idEntry struct {
	URL  string `json:"u"`
	Hash string `json:"h,omitempty"`
}

// overlay is a set of changes in order, indexed like the buckets.
type overlay struct {
	recs   []record
	urls   map[string]*record
	ids    map[string]idEntry
	hashes map[string]string
	sims   *simIndex
}

func newOverlay() *overlay {
	return &overlay{urls: map[string]*record{}, ids: map[string]idEntry{}, hashes: map[string]string{}, sims: newSimIndex()}
}

// apply records r in o, with the semantics the buckets have: a seen record
// of a URL already known changes nothing.
func (o *overlay) apply(r *record, known bool) {
	switch r.Kind {
	case kindSeen:
		if _, ok := o.urls[r.URL]; ok || known {
			return
		}
		cp := record{Kind: kindSeen, URL: r.URL}
		o.urls[r.URL] = &cp
		o.recs = append(o.recs, cp)
	case kindDone:
		cp := *r
		o.urls[r.URL] = &cp
		o.recs = append(o.recs, cp)
		if r.Article && r.ID != "" {
			o.ids[r.ID] = idEntry{URL: r.URL, Hash: r.Hash}
			if r.Hash != "" {
				o.hashes[r.Hash] = r.ID
			}
			if r.Sim != 0 {
				o.sims.add(r.Sim, r.ID)
			}
		}
	}
}

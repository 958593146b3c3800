package bleve

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"time"

	"dxnews/article"
	"dxnews/index"

	blevesearch "github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// Entities returns the entities of one type across all articles: how many
// articles name each one, in which roles (people) and which articles, newest
// first. Entities are ordered by article count, then name.
//
// They come from an entity table kept beside the open index: built from the
// stored article summaries on the first call, then kept up to date by Index,
// so a look-up costs the number of entities of the type, not of articles.
func (i *Index) Entities(ctx context.Context, q index.EntityQuery) ([]index.Entity, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, err
	}
	if err := i.acquire(ctx); err != nil {
		return nil, err
	}
	defer i.mu.RUnlock()
	if err := i.ents.ensure(ctx, i); err != nil {
		return nil, err
	}
	return i.ents.lookup(q), nil
}

// Warm builds the entity table now, so the first entity look-up or
// archive-wide facet does not wait for it. Servers call it at start.
func (i *Index) Warm(ctx context.Context) error {
	if err := i.acquire(ctx); err != nil {
		return err
	}
	defer i.mu.RUnlock()
	return i.ents.ensure(ctx, i)
}

// entityTable aggregates the entity names of every indexed article.
//
// Articles are held in numbered slots, so that each entity lists its
// articles as small integers rather than as copies of their IDs: at
// 100,000 articles the table is a few tens of megabytes.
type entityTable struct {
	buildMu sync.Mutex // held by the one build at a time
	mu      sync.RWMutex
	built   bool
	pending []article.Article                // written while a build runs
	types   map[string]map[string]*entityAgg // type, then name
	sources map[string]int                   // articles per source (normSource)
	strs    map[string]string                // sources and roles, each held once
	slot    map[string]uint32                // article ID → its slot
	slots   []docSlot                        // by slot number; a free slot has id ""
	free    []uint32                         // slots to reuse
	changes uint64                           // counts calls of add and remove
	// Publication times, newest first, for newest; kept until the table
	// changes. Written under the read lock, so guarded by timesMu.
	timesMu sync.Mutex
	times   []int64
	timesAt uint64
	// Facets over every article, kept likewise (also under timesMu).
	allFacets *index.Facets
	facetsAt  uint64
}

// entityAgg is one entity: the slots of the articles naming it and the
// roles stated.
type entityAgg struct {
	name     string
	key      string              // index.FoldKey(name)
	articles map[uint32]struct{} // slots
	roles    map[string]int      // role → articles stating it
	// newest is the articles' slots newest first, nil until asked for and
	// after every change; filled under the read lock, so guarded by timesMu.
	newest []uint32
}

// docSlot is what one article adds to the table.
type docSlot struct {
	id        string
	source    string
	published int64 // unix ns; undated: math.MinInt64
	ents      []*entityAgg
	roles     []roleRef
}

// roleRef is one role a person holds in one article.
type roleRef struct {
	person *entityAgg
	role   string
}

// docEntities is what one article names, before it joins the table.
type docEntities struct {
	source    string
	published int64
	names     [][]string // per index.EntityTypes
	roles     [][2]string
}

func entitiesOf(a article.Article) docEntities {
	d := docEntities{source: normSource(a.Source), published: math.MinInt64, names: make([][]string, len(index.EntityTypes))}
	if !a.Published.IsZero() {
		d.published = a.Published.UnixNano()
	}
	for k, typ := range index.EntityTypes {
		d.names[k] = index.EntityNames(a.Entities, typ)
	}
	for _, p := range a.Entities.People {
		name := clean(p.Name)
		for _, r := range p.Roles {
			if r = clean(r); name != "" && r != "" && !slices.Contains(d.roles, [2]string{name, r}) {
				d.roles = append(d.roles, [2]string{name, r})
			}
		}
	}
	return d
}

// apply records the articles just written, replacing what earlier versions
// of them added. The caller holds t.mu for writing.
func (t *entityTable) apply(docs []article.Article) {
	if !t.built {
		if t.pending != nil {
			t.pending = append(t.pending, docs...)
		}
		return
	}
	for _, a := range docs {
		t.remove(a.ID)
		t.add(a.ID, entitiesOf(a))
	}
}

// add records one article. The names it keeps are the entities' own
// strings, so each name is held once however many articles carry it.
func (t *entityTable) add(id string, d docEntities) {
	t.changes++
	var s uint32
	if n := len(t.free); n > 0 {
		s, t.free = t.free[n-1], t.free[:n-1]
	} else {
		s = uint32(len(t.slots))
		t.slots = append(t.slots, docSlot{})
	}
	t.slot[id] = s
	doc := docSlot{id: id, published: d.published}
	if d.source != "" {
		doc.source = t.intern(d.source)
		t.sources[doc.source]++
	}
	for k, typ := range index.EntityTypes {
		m := t.types[typ]
		for _, n := range d.names[k] {
			e := m[n]
			if e == nil {
				e = &entityAgg{name: n, key: index.FoldKey(n), articles: map[uint32]struct{}{}}
				m[n] = e
			}
			e.articles[s] = struct{}{}
			e.newest = nil
			doc.ents = append(doc.ents, e)
		}
	}
	for _, r := range d.roles {
		if e := t.types[index.TypePerson][r[0]]; e != nil {
			if e.roles == nil {
				e.roles = map[string]int{}
			}
			role := t.intern(r[1])
			e.roles[role]++
			doc.roles = append(doc.roles, roleRef{e, role})
		}
	}
	doc.ents = slices.Clip(doc.ents)
	doc.roles = slices.Clip(doc.roles)
	t.slots[s] = doc
}

// intern returns the table's copy of s, keeping one.
func (t *entityTable) intern(s string) string {
	if v, ok := t.strs[s]; ok {
		return v
	}
	t.strs[s] = s
	return s
}

func (t *entityTable) remove(id string) {
	s, ok := t.slot[id]
	if !ok {
		return
	}
	t.changes++
	d := t.slots[s]
	delete(t.slot, id)
	t.slots[s] = docSlot{}
	t.free = append(t.free, s)
	if d.source != "" {
		if t.sources[d.source]--; t.sources[d.source] <= 0 {
			delete(t.sources, d.source)
		}
	}
	for _, r := range d.roles {
		if r.person.roles[r.role]--; r.person.roles[r.role] <= 0 {
			delete(r.person.roles, r.role)
		}
	}
	for _, e := range d.ents {
		delete(e.articles, s)
		e.newest = nil
	}
	for _, m := range t.types {
		for _, e := range d.ents {
			if len(e.articles) == 0 && m[e.name] == e {
				delete(m, e.name)
			}
		}
	}
}

// ensure builds the table from the index unless it is built already. The
// build reads one snapshot of the index without holding the table's lock,
// so searches go on meanwhile; batches written during it are kept aside
// and applied once it is done (replacing an entry is idempotent).
func (t *entityTable) ensure(ctx context.Context, i *Index) error {
	if t.isBuilt() {
		return nil
	}
	t.buildMu.Lock()
	defer t.buildMu.Unlock()
	if t.isBuilt() {
		return nil
	}
	t.mu.Lock()
	t.pending = []article.Article{}
	t.mu.Unlock()
	fresh, err := scanEntities(ctx, i)
	t.mu.Lock()
	defer t.mu.Unlock()
	pending := t.pending
	t.pending = nil
	if err != nil {
		return err
	}
	t.types, t.sources, t.strs = fresh.types, fresh.sources, fresh.strs
	t.slot, t.slots, t.free = fresh.slot, fresh.slots, fresh.free
	t.changes++
	t.built = true
	t.apply(pending)
	i.logger.Debug("entity table built", "articles", len(t.slot), "written meanwhile", len(pending))
	return nil
}

func (t *entityTable) isBuilt() bool {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.built
}

// newEntityTable returns an empty, built table.
func newEntityTable() *entityTable {
	t := &entityTable{
		built:   true,
		types:   map[string]map[string]*entityAgg{},
		slot:    map[string]uint32{},
		sources: map[string]int{},
		strs:    map[string]string{},
	}
	for _, typ := range index.EntityTypes {
		t.types[typ] = map[string]*entityAgg{}
	}
	return t
}

// scanEntities reads every article summary of one snapshot of the index
// into a new table.
func scanEntities(ctx context.Context, i *Index) (*entityTable, error) {
	fresh := newEntityTable()
	adv, err := i.idx.Advanced()
	if err != nil {
		return nil, fmt.Errorf("bleve: entity table: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, fmt.Errorf("bleve: entity table: %w", err)
	}
	defer r.Close()
	all, err := r.DocIDReaderAll()
	if err != nil {
		return nil, fmt.Errorf("bleve: entity table: %w", err)
	}
	defer all.Close()
	for n := 0; ; n++ {
		if n%1000 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		iid, err := all.Next()
		if err != nil {
			return nil, fmt.Errorf("bleve: entity table: %w", err)
		}
		if iid == nil {
			return fresh, nil
		}
		id, err := r.ExternalID(iid)
		if err != nil {
			return nil, fmt.Errorf("bleve: entity table: %w", err)
		}
		doc, err := r.Document(id)
		if err != nil || doc == nil {
			continue // deleted since the reader opened
		}
		var raw []byte
		doc.VisitFields(func(f bleveindex.Field) {
			if f.Name() == fieldSummary {
				raw = f.Value()
			}
		})
		if raw == nil {
			continue
		}
		a, err := decode(id, raw)
		if err != nil {
			return nil, err
		}
		fresh.add(id, entitiesOf(a))
	}
}

// lookup answers a normalised entity query from the table.
func (t *entityTable) lookup(q index.EntityQuery) []index.Entity {
	t.mu.RLock()
	defer t.mu.RUnlock()
	want := index.FoldKey(q.Q)
	// The q.Size first by article count, then name, kept sorted in one
	// pass: most entities are rejected by one comparison with the last.
	less := func(a, b *entityAgg) int {
		return cmp.Or(cmp.Compare(len(b.articles), len(a.articles)), cmp.Compare(a.name, b.name))
	}
	found := make([]*entityAgg, 0, min(q.Size, len(t.types[q.Type])))
	for _, e := range t.types[q.Type] {
		if want != "" && !strings.Contains(e.key, want) {
			continue
		}
		if len(found) == q.Size && less(e, found[len(found)-1]) >= 0 {
			continue
		}
		k, _ := slices.BinarySearchFunc(found, e, less)
		if len(found) == q.Size {
			found = found[:len(found)-1]
		}
		found = slices.Insert(found, k, e)
	}
	out := make([]index.Entity, 0, len(found))
	for _, e := range found {
		t.timesMu.Lock()
		if e.newest == nil {
			e.newest = t.newestFirst(e.articles)
		}
		ids := make([]string, len(e.newest))
		for k, s := range e.newest {
			ids[k] = t.slots[s].id
		}
		t.timesMu.Unlock()
		ent := index.Entity{Type: q.Type, Name: e.name, Count: len(e.articles), Roles: []string{}, Articles: ids}
		if q.Type == index.TypePerson {
			for r := range e.roles {
				ent.Roles = append(ent.Roles, r)
			}
			slices.Sort(ent.Roles)
		}
		out = append(out, ent)
	}
	return out
}

// newest returns the publication time of the n-th newest article, or the
// zero time when the index holds n articles or fewer (or the n-th is
// undated) or the table is not built.
func (t *entityTable) newest(n int) time.Time {
	t.mu.RLock()
	defer t.mu.RUnlock()
	if !t.built || len(t.slot) <= n || n < 1 {
		return time.Time{}
	}
	t.timesMu.Lock()
	defer t.timesMu.Unlock()
	if t.timesAt != t.changes || t.times == nil {
		t.times = t.times[:0]
		for _, d := range t.slots {
			if d.id != "" {
				t.times = append(t.times, d.published)
			}
		}
		slices.SortFunc(t.times, func(a, b int64) int { return cmp.Compare(b, a) })
		t.timesAt = t.changes
	}
	if at := t.times[n-1]; at != math.MinInt64 {
		return time.Unix(0, at)
	}
	return time.Time{}
}

// size returns how many articles the table holds, 0 when it is not built.
func (t *entityTable) size() int {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return len(t.slot)
}

// facets returns the facets q asks for over every article, from the
// counts kept in the table.
func (t *entityTable) facets(q index.Query) index.Facets {
	t.mu.RLock()
	defer t.mu.RUnlock()
	t.timesMu.Lock()
	defer t.timesMu.Unlock()
	if t.facetsAt != t.changes || t.allFacets == nil {
		// Top values by count with a bounded heap-free pass: keep the
		// FacetSize best seen so far, sorted.
		top := func(add func(yield func(string, int))) []index.FacetCount {
			var out []index.FacetCount
			less := func(a, b index.FacetCount) int {
				return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Name, b.Name))
			}
			add(func(name string, n int) {
				c := index.FacetCount{Name: name, Count: n}
				if len(out) == FacetSize && less(c, out[len(out)-1]) >= 0 {
					return
				}
				k, _ := slices.BinarySearchFunc(out, c, less)
				out = slices.Insert(out, k, c)
				if len(out) > FacetSize {
					out = out[:FacetSize]
				}
			})
			if out == nil {
				out = []index.FacetCount{}
			}
			return out
		}
		entities := func(typ string) func(func(string, int)) {
			return func(yield func(string, int)) {
				for name, e := range t.types[typ] {
					yield(name, len(e.articles))
				}
			}
		}
		all := emptyFacets()
		all.People = top(entities(index.TypePerson))
		all.Organizations = top(entities(index.TypeOrganization))
		all.Decisions = top(entities(index.TypeDecision))
		all.Sources = top(func(yield func(string, int)) {
			for name, n := range t.sources {
				yield(name, n)
			}
		})
		t.allFacets, t.facetsAt = &all, t.changes
	}
	f := emptyFacets()
	for _, fc := range facets {
		if q.WantsFacet(fc.name) {
			*fc.get(&f) = slices.Clone(*fc.get(t.allFacets))
		}
	}
	return f
}

// newestFirst orders the slots of articles newest first, undated last,
// then by article ID.
func (t *entityTable) newestFirst(articles map[uint32]struct{}) []uint32 {
	out := make([]uint32, 0, len(articles))
	for s := range articles {
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b uint32) int {
		da, db := &t.slots[a], &t.slots[b]
		return cmp.Or(cmp.Compare(db.published, da.published), cmp.Compare(da.id, db.id))
	})
	return out
}

// search runs req, returning ctx's error when ctx ends first.
func (i *Index) search(ctx context.Context, req *blevesearch.SearchRequest) (*blevesearch.SearchResult, error) {
	sr, err := i.idx.SearchInContext(ctx, req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("bleve: search: %w", err)
	}
	return sr, nil
}

// terms lists a terms facet's values; nil for a missing facet.
func terms(fr *search.FacetResult) []*search.TermFacet {
	if fr == nil || fr.Terms == nil {
		return nil
	}
	return fr.Terms.Terms()
}

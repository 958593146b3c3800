package bleve

import (
	"math"
	"slices"
	"sync"

	"dxnews/article"
	"dxnews/index"
)

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
	sources map[string]int                   // articles per source (index.NormSource)
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
	d := docEntities{source: index.NormSource(a.Source), published: math.MinInt64, names: make([][]string, len(index.EntityTypes))}
	if !a.Published.IsZero() {
		d.published = a.Published.UnixNano()
	}
	for k, typ := range index.EntityTypes {
		d.names[k] = index.EntityNames(a.Entities, typ)
	}
	for _, p := range a.Entities.People {
		name := index.Clean(p.Name)
		for _, r := range p.Roles {
			if r = index.Clean(r); name != "" && r != "" && !slices.Contains(d.roles, [2]string{name, r}) {
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

// size returns how many articles the table holds, 0 when it is not built.
func (t *entityTable) size() int {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return len(t.slot)
}

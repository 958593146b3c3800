package bleve

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"sync"

	"dxnews/article"
	"dxnews/index"
)

// entityTable aggregates the entity names of every indexed article.
//
// Articles are held in numbered slots and entities in numbered entries, so
// that an entity lists its articles, and an article its entities, as
// 4-byte numbers rather than as IDs, pointers or map entries: at 100,000
// articles the table holds 27 MB, IDs and names included.
type entityTable struct {
	buildMu sync.Mutex // held by the one build at a time
	mu      sync.RWMutex
	built   bool
	pending []article.Article            // written while a build runs
	types   map[string]map[string]uint32 // type, then name → entity number
	ents    []entityAgg                  // by entity number; a free one has no articles
	freeEnt []uint32                     // entity numbers to reuse
	sources map[uint32]int               // articles per source (index.NormSource)
	strs    []string                     // sources and roles by number, each held once; 0 is ""
	strNum  map[string]uint32            // the number of each of strs
	slot    map[string]uint32            // article ID → its slot
	slots   []docSlot                    // by slot number; a free slot has id ""
	// published is the articles' publication times by slot, apart from
	// slots so that searches of the entities' lists read 8 bytes an article
	// from a small array: unix ns; undated: math.MinInt64.
	published []int64
	free      []uint32 // slots to reuse
	changes   uint64   // counts calls of add and remove
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
	name string
	key  string // index.FoldKey(name)
	// articles is the slots, oldest first: the reverse of the order in
	// which look-ups list them (see before), so that a new article is most
	// often appended.
	articles []uint32
	roles    []roleCount // sorted by role
	typ      uint8       // index in index.EntityTypes
}

// roleCount is how many articles state one role of a person.
type roleCount struct {
	role uint32 // in entityTable.strs
	n    uint32
}

// docSlot is what one article adds to the table.
type docSlot struct {
	id string
	// refs is the numbers of the entities the article names, then a pair
	// of numbers, person and role (in strs), for each role it states.
	refs   []uint32
	nents  uint32 // entity numbers in refs
	source uint32 // in strs
}

// docEntities is what one article names, before it joins the table.
type docEntities struct {
	source    string
	published int64
	names     [][]string // per index.EntityTypes
	roles     [][2]string
}

func entitiesOf(a article.Article) docEntities {
	d := newDocEntities()
	d.source = index.NormSource(a.Source)
	if datable(a) {
		d.published = a.Published.UnixNano()
	}
	for k, typ := range index.EntityTypes {
		d.names[k] = index.EntityNames(a.Entities, typ)
	}
	for _, term := range roleTerms(a) {
		d.addRole(term)
	}
	return d
}

// newDocEntities returns an undated entry naming nothing.
func newDocEntities() docEntities {
	return docEntities{published: math.MinInt64, names: make([][]string, len(index.EntityTypes))}
}

// addRole adds a fieldRoles value to d.roles.
func (d *docEntities) addRole(term string) {
	if name, role, ok := strings.Cut(term, roleSep); ok {
		d.roles = append(d.roles, [2]string{name, role})
	}
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
		t.replace(a.ID, entitiesOf(a))
	}
}

// replace records one article in place of any earlier version of it.
func (t *entityTable) replace(id string, d docEntities) {
	t.remove(id, &d)
	t.add(id, d)
}

// add records one article.
func (t *entityTable) add(id string, d docEntities) {
	s := t.put(id, d)
	doc := &t.slots[s]
	for _, n := range doc.refs[:doc.nents] {
		e := &t.ents[n]
		k, found := t.find(e.articles, s)
		if !found {
			e.articles = slices.Insert(e.articles, k, s)
		}
	}
}

// before orders slots as the entities' article lists hold them: oldest
// first, undated before all, then by article ID from the last.
func (t *entityTable) before(a, b uint32) int {
	if pa, pb := t.published[a], t.published[b]; pa != pb { // most often: no need to compare IDs
		return cmp.Compare(pa, pb)
	}
	return strings.Compare(t.slots[b].id, t.slots[a].id)
}

// find returns where slot s is or would be in articles.
func (t *entityTable) find(articles []uint32, s uint32) (int, bool) {
	return slices.BinarySearchFunc(articles, s, t.before)
}

// put gives one article a slot and counts its source and roles, but adds
// it to no entity's articles. The names it keeps are the entities' own
// strings, so each name is held once however many articles carry it.
func (t *entityTable) put(id string, d docEntities) uint32 {
	t.changes++
	var s uint32
	if n := len(t.free); n > 0 {
		s, t.free = t.free[n-1], t.free[:n-1]
	} else {
		s = uint32(len(t.slots))
		t.slots = append(t.slots, docSlot{})
		t.published = append(t.published, 0)
	}
	t.slot[id] = s
	t.published[s] = d.published
	doc := docSlot{id: id, source: t.intern(d.source)}
	if doc.source != 0 {
		t.sources[doc.source]++
	}
	n := len(d.roles) * 2
	for _, names := range d.names {
		n += len(names)
	}
	doc.refs = make([]uint32, 0, n)
	for k, typ := range index.EntityTypes {
		m := t.types[typ]
		for _, name := range d.names[k] {
			e, ok := m[name]
			if !ok {
				e = t.newEntity(name, k)
				m[name] = e
			}
			doc.refs = append(doc.refs, e)
		}
	}
	doc.nents = uint32(len(doc.refs))
	for _, r := range d.roles {
		if e, ok := t.types[index.TypePerson][r[0]]; ok {
			role := t.intern(r[1])
			p := &t.ents[e]
			k, found := slices.BinarySearchFunc(p.roles, role, func(c roleCount, r uint32) int { return cmp.Compare(c.role, r) })
			if !found {
				p.roles = slices.Insert(p.roles, k, roleCount{role: role})
			}
			p.roles[k].n++
			doc.refs = append(doc.refs, e, role)
		}
	}
	t.slots[s] = doc
	return s
}

// newEntity numbers a new entity of type index.EntityTypes[typ].
func (t *entityTable) newEntity(name string, typ int) uint32 {
	e := entityAgg{name: name, key: index.FoldKey(name), typ: uint8(typ)}
	if e.key == name {
		e.key = name // one string, not two equal ones
	}
	if n := len(t.freeEnt); n > 0 {
		num := t.freeEnt[n-1]
		t.freeEnt = t.freeEnt[:n-1]
		t.ents[num] = e
		return num
	}
	t.ents = append(t.ents, e)
	return uint32(len(t.ents) - 1)
}

// intern returns the number of s in t.strs, adding it if new.
func (t *entityTable) intern(s string) uint32 {
	if n, ok := t.strNum[s]; ok {
		return n
	}
	t.strs = append(t.strs, s)
	t.strNum[s] = uint32(len(t.strs) - 1)
	return uint32(len(t.strs) - 1)
}

// remove forgets one article. When next is not nil, add records the
// article again right after with the entities next, taking back its slot
// (the last freed): the lists of the entities it still names are left as
// they are if its date is the same, as add finds it there.
func (t *entityTable) remove(id string, next *docEntities) {
	s, ok := t.slot[id]
	if !ok {
		return
	}
	t.changes++
	d := &t.slots[s]
	if d.source != 0 {
		if t.sources[d.source]--; t.sources[d.source] <= 0 {
			delete(t.sources, d.source)
		}
	}
	for k := int(d.nents); k+1 < len(d.refs); k += 2 {
		p := &t.ents[d.refs[k]]
		j, found := slices.BinarySearchFunc(p.roles, d.refs[k+1], func(c roleCount, r uint32) int { return cmp.Compare(c.role, r) })
		if found {
			if p.roles[j].n--; p.roles[j].n == 0 {
				p.roles = slices.Delete(p.roles, j, j+1)
			}
		}
	}
	for _, n := range d.refs[:d.nents] {
		e := &t.ents[n]
		if next != nil && next.published == t.published[s] && slices.Contains(next.names[e.typ], e.name) {
			continue
		}
		if k, found := t.find(e.articles, s); found {
			e.articles = slices.Delete(e.articles, k, k+1)
		}
		if len(e.articles) == 0 && e.name != "" {
			delete(t.types[index.EntityTypes[e.typ]], e.name)
			*e = entityAgg{}
			t.freeEnt = append(t.freeEnt, n)
		}
	}
	delete(t.slot, id)
	t.slots[s] = docSlot{}
	t.free = append(t.free, s)
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
		types:   map[string]map[string]uint32{},
		slot:    map[string]uint32{},
		sources: map[uint32]int{},
		strs:    []string{""},
		strNum:  map[string]uint32{"": 0},
	}
	for _, typ := range index.EntityTypes {
		t.types[typ] = map[string]uint32{}
	}
	return t
}

// size returns how many articles the table holds, 0 when it is not built.
func (t *entityTable) size() int {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return len(t.slot)
}

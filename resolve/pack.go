package resolve

import (
	"iter"
	"maps"
	"strings"
)

// pack moves the built graph into a few large blocks: every string into
// one, the entities, roles, places and decisions into an array each, and
// every list of strings (articles, aliases, homonyms) into one more.
//
// Building leaves the graph's millions of small objects scattered between
// the garbage of the articles it read, and a heap of small objects costs
// more than their size: at 100,000 articles the built graph held about
// 90 MB and pinned 40 MB more in part-used spans, and every collection
// marked its two million objects. Packed, it is a few dozen objects.
// Behaviour is unchanged: the packed graph answers every query as the
// built one did.
func (g *Graph) pack() {
	var a arena
	a.need(g)
	a.build()

	var nEnt, nRoles, nStrs, nPlaces, nDecisions int
	for e := range g.entities() {
		nEnt++
		nRoles += len(e.Roles)
		nStrs += len(e.Aliases) + len(e.Articles) + len(e.Homonyms)
		for _, r := range e.Roles {
			nStrs += len(r.Articles) + len(r.Former)
		}
		if e.Place != nil {
			nPlaces++
		}
		if e.Decision != nil {
			nDecisions++
		}
	}
	for _, hs := range g.homonyms {
		for _, h := range hs {
			nStrs += len(h.docs)
		}
	}
	p := packed{
		arena:     &a,
		ents:      make([]Entity, 0, nEnt),
		roles:     make([]Role, 0, nRoles),
		strs:      make([]string, 0, nStrs),
		places:    make([]Place, 0, nPlaces),
		decisions: make([]DecisionInfo, 0, nDecisions),
	}
	byID := make(map[string]*Entity, len(g.byID))
	for typ, list := range g.byType {
		out := make([]*Entity, len(list))
		for i, e := range list {
			out[i] = p.entity(e)
			byID[out[i].ID] = out[i]
		}
		g.byType[typ] = out
	}
	g.byID = byID
	docs := make(map[string]ArticleRef, len(g.docs))
	for id, ref := range g.docs {
		docs[a.s(id)] = a.ref(ref)
	}
	g.docs = docs
	for i := range g.goals {
		x := &g.goals[i]
		x.Value, x.Qualifier, x.Metric, x.Family, x.Year = a.s(x.Value), a.s(x.Qualifier), a.s(x.Metric), a.s(x.Family), a.s(x.Year)
		x.Place, x.Province63, x.Province34 = a.s(x.Place), a.s(x.Province63), a.s(x.Province34)
		x.places = [3]string{a.s(x.places[0]), a.s(x.places[1]), a.s(x.places[2])}
		x.Article = a.ref(x.Article)
	}
	alias := make(map[string]map[string]string, len(g.alias))
	for typ, m := range g.alias {
		out := make(map[string]string, len(m))
		for k, id := range m {
			out[a.s(k)] = a.s(id)
		}
		alias[typ] = out
	}
	g.alias = alias
	homonyms := make(map[string][]namesake, len(g.homonyms))
	for k, hs := range g.homonyms {
		out := make([]namesake, len(hs))
		for i, h := range hs {
			out[i] = namesake{id: a.s(h.id), docs: p.list(h.docs)}
		}
		homonyms[a.s(k)] = out
	}
	g.homonyms = homonyms
	g.hosts = maps.Clone(g.hosts)
	g.sourceNames = maps.Clone(g.sourceNames)
}

// entities lists every entity, by type.
func (g *Graph) entities() iter.Seq[*Entity] {
	return func(yield func(*Entity) bool) {
		for _, list := range g.byType {
			for _, e := range list {
				if !yield(e) {
					return
				}
			}
		}
	}
}

// packed is where pack copies the graph to.
type packed struct {
	*arena
	ents      []Entity
	roles     []Role
	strs      []string
	places    []Place
	decisions []DecisionInfo
}

// entity copies e into p and returns the copy.
func (p *packed) entity(e *Entity) *Entity {
	c := *e
	c.Type, c.ID, c.Name, c.FirstSeen, c.LastSeen, c.Family, c.folded =
		p.s(e.Type), p.s(e.ID), p.s(e.Name), p.s(e.FirstSeen), p.s(e.LastSeen), p.s(e.Family), p.s(e.folded)
	c.Aliases, c.Articles, c.Homonyms = p.list(e.Aliases), p.list(e.Articles), p.list(e.Homonyms)
	start := len(p.roles)
	for _, r := range e.Roles {
		r.Role, r.FirstSeen, r.LastSeen, r.Place, r.match = p.s(r.Role), p.s(r.FirstSeen), p.s(r.LastSeen), p.s(r.Place), p.s(r.match)
		r.Articles, r.Former = p.list(r.Articles), p.list(r.Former)
		p.roles = append(p.roles, r)
	}
	if e.Roles != nil {
		c.Roles = p.roles[start:len(p.roles):len(p.roles)]
	}
	if e.Place != nil {
		p.places = append(p.places, Place{Name: p.s(e.Place.Name), Province63: p.s(e.Place.Province63), Province34: p.s(e.Place.Province34), Known: e.Place.Known})
		c.Place = &p.places[len(p.places)-1]
	}
	if e.Decision != nil {
		d := *e.Decision
		d.Kind, d.Symbol, d.Number, d.Issuer, d.Date, d.Subject = p.s(d.Kind), p.s(d.Symbol), p.s(d.Number), p.s(d.Issuer), p.s(d.Date), p.s(d.Subject)
		p.decisions = append(p.decisions, d)
		c.Decision = &p.decisions[len(p.decisions)-1]
	}
	p.ents = append(p.ents, c)
	return &p.ents[len(p.ents)-1]
}

// list copies l into p's block of strings; nil stays nil and empty stays
// empty, as the JSON a list is written to tells them apart.
func (p *packed) list(l []string) []string {
	if l == nil {
		return nil
	}
	start := len(p.strs)
	for _, s := range l {
		p.strs = append(p.strs, p.s(s))
	}
	return p.strs[start:len(p.strs):len(p.strs)]
}

// arena holds every distinct string of a graph in one block.
type arena struct {
	off map[string]int // distinct string → its offset in all, once built
	all string
}

// need registers the strings of g.
func (a *arena) need(g *Graph) {
	a.off = map[string]int{}
	for id, ref := range g.docs {
		a.add(id, ref.ID, ref.Title, ref.URL, ref.Source, ref.Host, ref.Date)
	}
	for e := range g.entities() {
		a.add(e.Type, e.ID, e.Name, e.FirstSeen, e.LastSeen, e.Family, e.folded)
		a.add(e.Aliases...)
		a.add(e.Homonyms...)
		for _, r := range e.Roles {
			a.add(r.Role, r.FirstSeen, r.LastSeen, r.Place, r.match)
		}
		if e.Place != nil {
			a.add(e.Place.Name, e.Place.Province63, e.Place.Province34)
		}
		if d := e.Decision; d != nil {
			a.add(d.Kind, d.Symbol, d.Number, d.Issuer, d.Date, d.Subject)
		}
	}
	for _, x := range g.goals {
		a.add(x.Value, x.Qualifier, x.Metric, x.Family, x.Year, x.Place, x.Province63, x.Province34)
		a.add(x.places[:]...)
	}
	for _, m := range g.alias {
		for k, id := range m {
			a.add(k, id)
		}
	}
	for k, hs := range g.homonyms {
		a.add(k)
		for _, h := range hs {
			a.add(h.id)
		}
	}
}

func (a *arena) add(ss ...string) {
	for _, s := range ss {
		if s != "" {
			a.off[s] = -1
		}
	}
}

// build writes the strings needed into one block.
func (a *arena) build() {
	var b strings.Builder
	n := 0
	for s := range a.off {
		n += len(s)
	}
	b.Grow(n)
	for s := range a.off {
		a.off[s] = b.Len()
		b.WriteString(s)
	}
	a.all = b.String()
}

// s returns the block's copy of s, which add was given.
func (a *arena) s(s string) string {
	if s == "" {
		return ""
	}
	off := a.off[s]
	return a.all[off : off+len(s)]
}

func (a *arena) ref(r ArticleRef) ArticleRef {
	return ArticleRef{ID: a.s(r.ID), Title: a.s(r.Title), URL: a.s(r.URL), Source: a.s(r.Source), Host: a.s(r.Host), Date: a.s(r.Date)}
}

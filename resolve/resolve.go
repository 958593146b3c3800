// Package resolve turns stored articles into entities that hold across
// articles: one stable ID per person, organisation, decision, place and
// target family, with the written variants of each name merged as aliases,
// people's roles dated from the articles that state them, places mapped to
// their province in the 63- and 34-province maps, and goals grouped into
// metric families so places can be compared.
//
// Resolution is a pure function of the articles (Build); nothing is edited
// by hand. A Resolver keeps the result current as articles are added.
package resolve

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"time"
)

// Entity types, as in the API.
const (
	TypePerson       = "person"
	TypeDecision     = "decision"
	TypeTarget       = "target"
	TypeOrganization = "organization"
	TypeLocation     = "location"
)

// Types lists the entity types.
var Types = []string{TypePerson, TypeDecision, TypeTarget, TypeOrganization, TypeLocation}

// Entity is one person, organisation, decision, place or target family
// across every article.
type Entity struct {
	Type string `json:"type"`
	// ID is stable across rebuilds: the type and a slug of the name's
	// comparison key ("organization-bo-thong-tin-truyen-thong").
	ID   string `json:"id"`
	Name string `json:"name"`
	// Aliases are the other written forms merged into this entity.
	Aliases []string `json:"aliases"`
	// Count is the number of articles mentioning it.
	Count int `json:"count"`
	// Roles are a person's roles, dated, earliest first; empty otherwise.
	Roles []Role `json:"roles"`
	// Articles are the IDs of the articles mentioning it, newest first.
	Articles  []string `json:"articles"`
	FirstSeen string   `json:"first_seen,omitempty"`
	LastSeen  string   `json:"last_seen,omitempty"`
	// Place is a location's (or a person's usual) province in both maps.
	Place *Place `json:"place,omitempty"`
	// Decision describes a decision.
	Decision *DecisionInfo `json:"decision,omitempty"`
	// Family is a target family's ID.
	Family string `json:"family,omitempty"`
	// Homonyms are the IDs of other people with the same name whose roles
	// cannot be this person's (another province at the same time).
	Homonyms []string `json:"homonyms,omitempty"`

	folded string // folded name and aliases, for matching
}

// Role is one role of a person with the dates of the articles that state
// it. FirstSeen and LastSeen are the earliest and latest article dates
// (YYYY-MM-DD) giving it as current; articles that only mention it as a
// former role are listed but do not move the dates.
type Role struct {
	Role      string   `json:"role"`
	FirstSeen string   `json:"first_seen"`
	LastSeen  string   `json:"last_seen"`
	Articles  []string `json:"articles"`
	// Former lists the articles that state it as a past role.
	Former []string `json:"former,omitempty"`
	// Place is the province the role is at, when its name says.
	Place string `json:"place,omitempty"`

	match string // folded role and its expanded key, for Holders
}

// DecisionInfo is what is known of a decision across the articles citing it.
type DecisionInfo struct {
	Kind string `json:"kind"`
	// Symbol is the full symbol ("749/QĐ-TTg"), or "" when no article gave it.
	Symbol  string `json:"symbol"`
	Number  string `json:"number"`
	Issuer  string `json:"issuer"`
	Date    string `json:"date"`
	Subject string `json:"subject"`
}

// ArticleRef is an article as lists and links show it.
type ArticleRef struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	URL    string `json:"url"`
	Source string `json:"source"`
	Host   string `json:"host"`
	// Date is the publication day (YYYY-MM-DD), "" when unknown.
	Date string `json:"date"`
}

// Goal is one target an article states, with its family and place.
type Goal struct {
	Value string `json:"value"`
	// Number is Value read as a number ("2,5%" → 2.5); null when Value is
	// not one.
	Number    *float64 `json:"number"`
	Qualifier string   `json:"qualifier"`
	Metric    string   `json:"metric"`
	Family    string   `json:"family"`
	Year      string   `json:"year"`
	// Place is the canonical name of the target's scope ("TP.HCM",
	// "Việt Nam"), "" when the article gives none.
	Place      string     `json:"place"`
	Province63 string     `json:"province_63"`
	Province34 string     `json:"province_34"`
	Article    ArticleRef `json:"article"`

	places [3]string // folded Place, Province63, Province34
}

// Graph is the resolved view of a set of articles. It is immutable once
// built and safe for concurrent reads.
type Graph struct {
	byType       map[string][]*Entity // sorted by count, then name
	byID         map[string]*Entity
	goals        []Goal
	docs         map[string]ArticleRef
	alias        map[string]map[string]string // type → folded name or alias → ID
	persons      map[string]string            // "articleID\x00person name" → person ID
	hosts        map[string]string            // host → outlet name
	statsOnce    sync.Once
	familyCounts map[string]int
	years        []string
	sourceNames  map[string]string // lower-cased outlet name → as written
	// Took is how long Build ran.
	Took time.Duration
}

// Build resolves docs. It is deterministic: the same articles give the
// same entities and IDs whatever their order.
func Build(docs []Doc) *Graph {
	start := time.Now()
	docs = slices.Clone(docs)
	slices.SortFunc(docs, func(a, b Doc) int {
		if c := a.Published.Compare(b.Published); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	b := &builder{
		keys:    newKeyer(),
		places:  placeCache{},
		folds:   map[string]string{},
		placeIn: map[string]Place{},
		g: &Graph{
			byType:      map[string][]*Entity{},
			byID:        map[string]*Entity{},
			docs:        make(map[string]ArticleRef, len(docs)),
			alias:       map[string]map[string]string{},
			persons:     map[string]string{},
			hosts:       map[string]string{},
			sourceNames: map[string]string{},
		},
	}
	for i := range docs {
		d := &docs[i]
		b.g.docs[d.ID] = ArticleRef{ID: d.ID, Title: d.Title, URL: d.URL, Source: d.Source, Host: d.Host, Date: d.date()}
		if d.Host != "" && d.Source != "" {
			b.g.hosts[hostKey(d.Host)] = d.Source
			b.g.sourceNames[strings.ToLower(d.Source)] = d.Source
		}
	}
	b.organizations(docs)
	b.locations(docs)
	b.decisions(docs)
	b.people(docs)
	b.targets(docs)
	b.finish()
	b.g.Took = time.Since(start)
	return b.g
}

type builder struct {
	keys    *keyer
	places  placeCache
	g       *Graph
	folds   map[string]string
	placeIn map[string]Place
}

// fold is fold memoised: names repeat across articles.
func (b *builder) fold(s string) string {
	if f, ok := b.folds[s]; ok {
		return f
	}
	f := fold(s)
	b.folds[s] = f
	return f
}

// placeOf is placeCache.placeIn memoised per role.
func (b *builder) placeOf(role string) Place {
	if p, ok := b.placeIn[role]; ok {
		return p
	}
	p := b.places.placeIn(role)
	b.placeIn[role] = p
	return p
}

// group gathers the mentions of one entity while building.
type group struct {
	names map[string]int // written form → articles
	docs  []string       // article IDs, oldest first, each once
	dates []string
}

func (gr *group) add(name, docID, date string) {
	if gr.names == nil {
		gr.names = map[string]int{}
	}
	if n := len(gr.docs); n == 0 || gr.docs[n-1] != docID {
		gr.docs = append(gr.docs, docID)
		gr.dates = append(gr.dates, date)
		gr.names[name]++
	} else if _, ok := gr.names[name]; !ok {
		gr.names[name] = 0
	}
}

// bestName picks the display name: the most complete written form.
func (gr *group) bestName() string { return bestOf(gr.names) }

// entity makes the entity of a group; aliases are the other written forms.
func (b *builder) entity(typ, id string, gr *group) *Entity {
	name := gr.bestName()
	e := &Entity{Type: typ, ID: id, Name: name, Aliases: []string{}, Roles: []Role{}}
	for n := range gr.names {
		if n != name {
			e.Aliases = append(e.Aliases, n)
		}
	}
	slices.Sort(e.Aliases)
	e.Aliases = slices.Compact(e.Aliases)
	e.Count = len(gr.docs)
	e.Articles = make([]string, len(gr.docs))
	for i, id := range gr.docs {
		e.Articles[len(gr.docs)-1-i] = id
	}
	e.FirstSeen, e.LastSeen = span(gr.dates)
	return e
}

func span(dates []string) (first, last string) {
	for _, d := range dates {
		if d == "" {
			continue
		}
		if first == "" || d < first {
			first = d
		}
		if d > last {
			last = d
		}
	}
	return first, last
}

// add registers e, making its ID unique and indexing its names.
func (b *builder) add(e *Entity, extraKeys ...string) {
	base, n := e.ID, 2
	for b.g.byID[e.ID] != nil {
		e.ID = base + "-" + itoa(n)
		n++
	}
	b.g.byID[e.ID] = e
	b.g.byType[e.Type] = append(b.g.byType[e.Type], e)
	m := b.g.alias[e.Type]
	if m == nil {
		m = map[string]string{}
		b.g.alias[e.Type] = m
	}
	parts := []string{b.fold(e.Name)}
	for _, a := range e.Aliases {
		parts = append(parts, b.fold(a))
	}
	parts = append(parts, extraKeys...)
	for _, p := range parts {
		if _, ok := m[p]; !ok && p != "" {
			m[p] = e.ID
		}
	}
	e.folded = strings.Join(parts, "\n")
}

func itoa(n int) string {
	var buf [20]byte
	i := len(buf)
	for n >= 10 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	i--
	buf[i] = byte('0' + n)
	return string(buf[i:])
}

// finish sorts each type's entities: most articles first, then by name.
func (b *builder) finish() {
	for _, list := range b.g.byType {
		slices.SortFunc(list, func(x, y *Entity) int {
			if c := cmp.Compare(y.Count, x.Count); c != 0 {
				return c
			}
			return strings.Compare(x.ID, y.ID)
		})
	}
}

// sortedKeys returns m's keys in order, so IDs are assigned the same way
// on every build.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

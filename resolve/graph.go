package resolve

import (
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"
)

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
	GoalValue
	Article ArticleRef `json:"article"`
}

// GoalValue is what a goal states, apart from the article stating it.
type GoalValue struct {
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
	Place      string `json:"place"`
	Province63 string `json:"province_63"`
	Province34 string `json:"province_34"`
}

// goal is a Goal as the graph holds it: its article by number.
type goal struct {
	GoalValue
	doc    int       // in refs
	places [3]string // folded Place, Province63, Province34
}

// Graph is the resolved view of a set of articles. It is immutable once
// built and safe for concurrent reads.
type Graph struct {
	byType       map[string][]*Entity // sorted by count, then name
	byID         map[string]*Entity
	goals        []goal
	refs         []ArticleRef                 // by ID
	alias        map[string]map[string]string // type → folded name or alias → ID
	homonyms     map[string][]namesake        // folded name several people share → those people
	hosts        map[string]string            // host → outlet name
	statsOnce    sync.Once
	familyCounts map[string]int
	years        []string
	sourceNames  map[string]string // lower-cased outlet name → as written
	// Took is how long Build ran.
	Took time.Duration
}

// Build resolves docs, which it sorts in place and whose entity lists it
// clears as it reads them (every caller hands it a slice made for the
// build; a copy would be tens of megabytes at 100,000 articles). It is
// deterministic: the same articles give the same entities and IDs
// whatever their order.
func Build(docs []Doc) *Graph {
	start := time.Now()
	g := resolveDocs(docs)
	// The docs and the builder's scratch are garbage now. Collected before
	// packing, they are not kept alive beside both copies of the graph; and
	// the pages they leave free, scattered between what the graph holds,
	// are given back to the system, as packing's large arrays cannot be
	// made of them. At 100,000 articles from a cold page cache, start-up
	// peaked at 224-228 MB anonymous with this, 240-261 MB with a
	// collection alone.
	debug.FreeOSMemory()
	g.pack()
	g.Took = time.Since(start)
	return g
}

// resolveDocs is Build before the graph is packed.
func resolveDocs(docs []Doc) *Graph {
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
			alias:       map[string]map[string]string{},
			homonyms:    map[string][]namesake{},
			hosts:       map[string]string{},
			sourceNames: map[string]string{},
		},
	}
	refs := make([]ArticleRef, len(docs))
	for i := range docs {
		d := &docs[i]
		refs[i] = ArticleRef{ID: d.ID, Title: d.Title, URL: d.URL, Source: d.Source, Host: d.Host, Date: d.date()}
		if d.Host != "" && d.Source != "" {
			b.g.hosts[hostKey(d.Host)] = d.Source
			b.g.sourceNames[strings.ToLower(d.Source)] = d.Source
		}
	}
	b.g.refs = uniqueByID(refs)
	// Each kind of entity is resolved from its own field of the docs,
	// which is dropped once read, so that the docs shrink as the graph
	// grows (at 100,000 articles, 29 MB is gone before targets are read).
	b.organizations(docs)
	b.locations(docs)
	drop(docs, func(d *Doc) { d.Orgs, d.Locations = nil, nil })
	b.decisions(docs)
	drop(docs, func(d *Doc) { d.Decisions = nil })
	b.people(docs)
	drop(docs, func(d *Doc) { d.People = nil })
	b.targets(docs)
	b.finish()
	return b.g
}

// uniqueByID sorts refs by ID and keeps one of each: the last given, as a
// doc given later replaces an earlier one with its ID.
func uniqueByID(refs []ArticleRef) []ArticleRef {
	slices.SortStableFunc(refs, func(x, y ArticleRef) int { return strings.Compare(x.ID, y.ID) })
	out := refs[:0]
	for i, r := range refs {
		if i+1 < len(refs) && refs[i+1].ID == r.ID {
			continue
		}
		out = append(out, r)
	}
	return out
}

// drop applies clear to every doc.
func drop(docs []Doc, clear func(*Doc)) {
	for i := range docs {
		clear(&docs[i])
	}
}

// namesake is one of the people who share a name, with the articles that
// name them, sorted by ID.
type namesake struct {
	id   string
	docs []string
}

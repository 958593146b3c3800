// Package index defines how dxnews searches its articles. Backends live in
// sub-packages: bleve (embedded, the default) and elastic (Elasticsearch 8).
package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"dxnews/article"
)

// ErrNotFound is returned by Get for an unknown article ID.
var ErrNotFound = errors.New("index: article not found")

// Query selects articles. Text matches title, sapo, body and entity names with
// or without Vietnamese diacritics; the other fields are filters that must all
// hold. Zero values mean "no filter".
type Query struct {
	Text     string
	Person   string // a person's name, diacritics optional
	Org      string // an organisation's name
	Decision string // a decision number or symbol ("944", "749/QĐ-TTg")
	Location string
	Source   string // site host, e.g. "vnexpress.net"
	From, To time.Time
	Page     int // 1-based; 0 means 1
	Size     int // 0 means DefaultSize
	// Facets names the facets to count over all matches, from FacetNames
	// ("people", "organizations", "decisions", "sources"). Facets not asked
	// for come back as empty lists: counting them costs a pass over every
	// match, so callers ask only for what they show.
	Facets []string
}

// Facet names accepted in Query.Facets.
const (
	FacetPeople        = "people"
	FacetOrganizations = "organizations"
	FacetDecisions     = "decisions"
	FacetSources       = "sources"
)

// FacetNames lists the values Query.Facets accepts, in the order Results
// reports them.
var FacetNames = []string{FacetPeople, FacetOrganizations, FacetDecisions, FacetSources}

// WantsFacet reports whether q asks for the facet name.
func (q Query) WantsFacet(name string) bool {
	for _, f := range q.Facets {
		if f == name {
			return true
		}
	}
	return false
}

// DefaultSize and MaxSize bound a page of results.
const (
	DefaultSize = 20
	MaxSize     = 100
)

// Results is one page of matching articles, best first, with the facets the
// query asked for counted over all matches. Each article is its Summary:
// what a result list shows, without the body or entity mentions; Get returns
// the whole article.
type Results struct {
	Total    int               `json:"total"`
	Articles []article.Article `json:"articles"`
	Facets   Facets            `json:"facets"`
	// FacetsOver is, when the facets were counted over fewer matches than
	// Total, how many: a query matching more than FacetScope articles may
	// have its facets counted over a sample of at least FacetScope of them
	// (the Bleve backend takes the matches among the newest FacetScope
	// articles). Zero means the facets count every match.
	FacetsOver int `json:"facets_over,omitempty"`
}

// FacetScope is the number of matches up to which facets are always exact.
const FacetScope = 20000

// Facets counts entity values over all matching articles.
type Facets struct {
	People        []FacetCount `json:"people"`
	Organizations []FacetCount `json:"organizations"`
	Decisions     []FacetCount `json:"decisions"`
	Sources       []FacetCount `json:"sources"`
}

// EmptyFacets returns Facets whose lists are all empty, not nil: what
// results hold for facets not asked for or without values.
func EmptyFacets() Facets {
	return Facets{People: []FacetCount{}, Organizations: []FacetCount{}, Decisions: []FacetCount{}, Sources: []FacetCount{}}
}

// FacetCount is one facet value and how many matching articles carry it.
type FacetCount struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// Summary returns what Search gives for an article: a copy of a without its
// body and without the mentions of its entities, normalised. Backends may
// store only this for each hit, so results cost no more to read than what a
// result page shows.
func Summary(a article.Article) article.Article {
	a.Body = ""
	a.Entities = a.Entities.WithoutMentions()
	a.Normalize()
	return a
}

// Decode reads the JSON of an article a backend stored under id (a whole
// article or its Summary), normalised.
func Decode(id string, raw []byte) (article.Article, error) {
	var a article.Article
	if err := json.Unmarshal(raw, &a); err != nil {
		return article.Article{}, fmt.Errorf("index: decode stored article %s: %w", id, err)
	}
	a.Normalize()
	return a, nil
}

// Entity types accepted by EntityQuery.Type.
const (
	TypePerson       = "person"
	TypeDecision     = "decision"
	TypeTarget       = "target"
	TypeOrganization = "organization"
	TypeLocation     = "location"
)

// EntityQuery asks for entities of one type whose name matches Q (with or
// without diacritics; empty Q matches all).
type EntityQuery struct {
	Type string
	Q    string
	Size int
}

// Entity aggregates one entity across all indexed articles.
type Entity struct {
	Type     string   `json:"type"`
	Name     string   `json:"name"`
	Count    int      `json:"count"`    // articles that mention it
	Roles    []string `json:"roles"`    // people: every role seen; others: empty
	Articles []string `json:"articles"` // IDs of the articles, newest first
}

// Indexer stores articles for search. Index replaces documents with the same
// ID. Implementations must be safe for concurrent use and must return when ctx
// is cancelled.
type Indexer interface {
	Index(ctx context.Context, docs ...article.Article) error
	Search(ctx context.Context, q Query) (Results, error)
	Entities(ctx context.Context, q EntityQuery) ([]Entity, error)
	Get(ctx context.Context, id string) (article.Article, error)
	Count(ctx context.Context) (int, error)
	Close() error
}
